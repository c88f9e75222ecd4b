# Containers nested deeper than the recursion limit: repr, str and
# comparisons raise CPython's RecursionError (no stack overflow); within
# the limit they work, and identical items compare without recursing.
def nest(make, depth, leaf):
    for i in range(depth):
        leaf = make(leaf)
    return leaf
x = nest(lambda v: [v], 10000, [])
y = nest(lambda v: [v], 10000, [])
d = nest(lambda v: {1: v}, 10000, {})
e = nest(lambda v: {1: v}, 10000, {})
t = nest(lambda v: (v,), 10000, ())
checks = [
    ("repr list", lambda: repr(x)),
    ("str dict", lambda: str(d)),
    ("repr tuple", lambda: repr(t)),
    ("list ==", lambda: x == y),
    ("list <", lambda: x < y),
    ("dict ==", lambda: d == e),
]
for label, check in checks:
    try:
        check()
        print(label, "no error")
    except RecursionError as err:
        print(label, "RecursionError:", err)
print("same tuple ==", t == t, type(hash(t)).__name__)
z = nest(lambda v: [v], 50, [1])
print(len(repr(z)), z == nest(lambda v: [v], 50, [1]))
print(repr(nest(lambda v: {"k": v}, 3, None)))
