import weakref


class A:
    def __del__(self):
        print("A.__del__")


def callback(r):
    print("callback", r is r1, r())


a = A()
r1 = weakref.ref(a, callback)
r2 = weakref.ref(a, lambda r: print("second callback"))
plain = weakref.ref(a)
print(weakref.getweakrefcount(a), weakref.getweakrefs(a)[0] is plain)
print("dropping a")
a = None
print("dropped", r1(), r1.__callback__)


def bad(r):
    raise RuntimeError("from callback")


b = A()
rb = weakref.ref(b, bad)
del b
print("after bad callback")
c = A()
rc = weakref.ref(c, callback)
rc = None
c = None
print("a dead ref has no callback")
