# __del__ runs when the last reference goes, before the next statement.
class A:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


a = A("a")
print("before del")
del a
print("after del")
b = A("b")
b = None
print("after rebinding")


def f():
    x = A("local")
    print("in f")


f()
print("after f")
items = [A("i0"), A("i1")]
del items[0]
print("after del items[0]")
c = A("c")
c.child = A("child")
c = 0
print("after c")
holder = A("holder")
holder.attr = A("attr")
holder.attr = None
print("after attr")
keep = A("kept to exit")
print("end")
