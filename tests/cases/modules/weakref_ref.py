import weakref


class A:
    pass


a = A()
r = weakref.ref(a)
print(type(r), weakref.ref is weakref.ReferenceType)
print(r() is a, weakref.ref(a) is r, r == weakref.ref(a), hash(r) == hash(a))
print(repr(r).startswith("<weakref at 0x"), "; to 'A' at 0x" in repr(r))
print(r.__callback__, weakref.getweakrefcount(a), weakref.getweakrefcount(1))
del a
print(r(), repr(r).endswith("; dead>"))
for obj in (1, "s", (), [], {}, None, True, b"x", 1.5, object()):
    try:
        weakref.ref(obj)
    except TypeError as e:
        print(e)
for obj in (print, A, {1}, frozenset(), (x for x in ()), len):
    print(type(weakref.ref(obj)()).__name__)


def f():
    pass


print(repr(weakref.ref(f)).endswith("(f)>"))
b = A()
rb = weakref.ref(b)
b = None
try:
    hash(rb)
except TypeError as e:
    print(e)
