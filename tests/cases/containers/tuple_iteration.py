# Tuple iterators, stepped by for loops and by next(), and functions made
# in a loop (each gets __module__ from the globals of the code making it).
t = (1, "two", 3.0, None, (5, 6))
for x in t:
    print(repr(x))
it = iter(t)
print(next(it), next(it))
for x in it:
    print("rest", x)
for x in it:
    print("never")
print(list(it), next(it, "done"))
print([x * 2 for x in (1, 2, 3)], sum(x for x in (4, 5, 6)))
class T(tuple):
    def __iter__(self):
        return iter(("overridden",))
for x in T((1, 2)):
    print(x)
for a, b in ((1, 2), (3, 4)):
    print(a + b)
fs = [lambda k=k: k for k in (7, 8, 9)]
print([f() for f in fs], {f.__module__ for f in fs})
ns = {}
exec("def g(): pass\nh = lambda: 0", ns)
print(ns["g"].__module__, ns["h"].__module__)
ns2 = {"__name__": "custom"}
exec("def g(): pass", ns2)
print(ns2["g"].__module__)
