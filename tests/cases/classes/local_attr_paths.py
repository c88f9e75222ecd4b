# Attribute and method reads of a local (`self.x`, `self.m()`): cached
# instance attributes, methods shadowed by the instance dict, properties
# and __getattr__.
class A:
    def __init__(self):
        self.x = 1
    def m(self):
        return "method"
    @property
    def p(self):
        return self.x + 10
    def __getattr__(self, name):
        return "missing " + name

def read(a):
    return a.x, a.m(), a.p, a.nothing, a.m

a = A()
for _ in range(3):
    print(read(a)[:4])
a.m = lambda: "shadowed"
print(read(a)[1])
del a.m
print(read(a)[1], type(read(a)[4]).__name__)
A.m = lambda self: "replaced"
print(read(a)[1])
