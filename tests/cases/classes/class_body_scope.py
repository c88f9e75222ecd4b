# Class body scoping: class variables are not visible inside methods.
x = "module"
class C:
    x = "class"
    y = x + "!"
    items = [x for _ in range(2)]
    def method(self):
        return x
    def uses_class(self):
        return C.x

c = C()
print(C.y, C.items, c.method(), c.uses_class())
class D:
    def __init__(self):
        self.__private = 1
    def get(self):
        return self.__private
print(D().get(), hasattr(D(), "_D__private"))
