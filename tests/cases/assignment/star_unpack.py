# Starred assignment targets in several positions.
first, *rest = [1, 2, 3, 4]
*init, last = "hello"
a, *mid, z = range(6)
head, *tail = (9,)
(x, *ys), w = [1, 2, 3], 4
print(first, rest)
print(init, last)
print(a, mid, z)
print(head, tail)
print(x, ys, w)
for k, *vs in [(1, 2, 3), (4, 5)]:
    print(k, vs)
