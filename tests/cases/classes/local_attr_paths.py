# Attribute and method reads of a local (`self.x`, `self.m()`) on every
# path: cached instance attributes, methods shadowed by the instance dict,
# properties, __getattr__, slots, built-in objects, and an unbound local.
class P:
    __slots__ = ("v",)
    def __init__(self):
        self.v = 7

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
p = P()
def slot(o):
    return o.v
print(slot(p), slot(p))
def builtin(s):
    return s.upper(), s.__len__()
print(builtin("abc"), builtin("de"))
def unbound():
    if False:
        o = 1
    return o.x
try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def no_attr(o):
    return o.y
try:
    no_attr(object())
except AttributeError as e:
    print("AttributeError:", e)
def star(f, args):
    return f(*args)
print(star(max, [3, 9, 2]), star(divmod, (17, 5)), ",".join(("x", "y")))
