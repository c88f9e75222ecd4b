# types.SimpleNamespace: keyword attributes, repr, equality, __dict__.
from types import SimpleNamespace
ns = SimpleNamespace(a=1, b="x")
print(ns, repr(ns), type(ns), type(ns).__name__, SimpleNamespace.__module__)
ns.c = [1, 2]
del ns.a
print(ns, ns.__dict__, vars(ns), hasattr(ns, "a"), getattr(ns, "b"))
print(ns == SimpleNamespace(b="x", c=[1, 2]), ns != SimpleNamespace(), ns == 1)
ns.__dict__["d"] = 4
print(ns.d, ns)
try:
    ns.zz
except AttributeError:
    print("AttributeError")
try:
    SimpleNamespace(1)
except TypeError as e:
    print("TypeError:", e)
try:
    hash(ns)
except TypeError:
    print("unhashable")
ns.self = ns
print(ns)

class Point(SimpleNamespace):
    def norm(self):
        return self.x ** 2 + self.y ** 2

p = Point(x=3, y=4)
print(p, p.norm(), isinstance(p, SimpleNamespace), p == SimpleNamespace(x=3, y=4))
print(SimpleNamespace(), SimpleNamespace(n=SimpleNamespace(m=None)))
print(SimpleNamespace(**{"k": 1, "j": 2}), SimpleNamespace.__doc__.splitlines()[0])
