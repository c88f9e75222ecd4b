# Class bodies nested in functions, and the __class__ cell.
def make_class(tag):
    class Tagged:
        label = tag
        def describe(self):
            return tag + ":" + type(self).__name__
        def cls(self):
            return __class__.__name__
    return Tagged

T = make_class("x")
t = T()
print(T.label, t.describe(), t.cls())
def f():
    y = 5
    class C:
        y = 10
        z = y
        def m(self):
            return y
    return C.z, C().m()
print(f())
