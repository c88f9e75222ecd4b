# Constant tuples and frozensets built by the compiler's folder.
def membership(x):
    return x in (1, 2, 3), x in {4, 5, 6}, x in [7, 8, 9]

t = (1, (2, 3), ("a", None), 4.5)
print(t)
print(membership(2), membership(5), membership(9), membership(10))
for item in (10, 20, 30):
    print(item)
print(("x", "y") + ("z",))
print(((1, 2), (3, 4))[1])
