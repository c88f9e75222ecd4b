# The truth of sets, frozensets, bytearrays and dict views is their length.
for v in [set(), {1}, frozenset(), frozenset("a"), bytearray(), bytearray(b"x")]:
    print(type(v).__name__, bool(v), "yes" if v else "no")
for d in ({}, {1: 2}):
    print(bool(d.keys()), bool(d.values()), bool(d.items()), not d.items())
s = {1}
s.pop()
print(bool(s))
