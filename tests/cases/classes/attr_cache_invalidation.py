# Attribute caches must notice every change to classes and instances.
class A:
    def f(self): return "A.f"
class B(A): pass
def call_f(objs): return [o.f() for o in objs]
def read_x(objs): return [getattr(o, "x", "-") if i % 2 else o.x for i, o in enumerate(objs) if hasattr(o, "x")]
b = B()
print(call_f([b, b]))
A.f = lambda self: "new A.f"           # rebinding in a base class
print(call_f([b]))
B.f = lambda self: "B.f"               # a subclass now shadows it
print(call_f([b, A()]))
b.f = lambda: "instance f"             # the instance dict shadows the method
print(call_f([b]))
del b.f, B.f
print(call_f([b]))
A.x = property(lambda self: "prop x")  # a data descriptor appears later
b.__dict__["x"] = "dict x"
print(read_x([b]))
del A.x
print(read_x([b]))
def make(i):
    class C(A):
        def f(self): return i
    return C
classes = [make(i) for i in range(7)]
for _ in range(2):
    print(call_f([c() for c in classes]))   # more classes than cache ways
class G:
    def __getattr__(self, name): return "getattr " + name
g = G()
for _ in range(2):
    g.y = 1
    print(g.y, g.z)
    del g.y
    print(g.y)
