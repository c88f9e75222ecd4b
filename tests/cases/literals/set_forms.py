# Set displays, unpacking and set operations on integers.
a = {1, 2, 3}
b = {*a, 4, 5}
c = {*range(3), *[7, 8]}
print(sorted(a), sorted(b), sorted(c))
print(sorted(a | {9}), sorted(a & b), sorted(b - a), sorted(a ^ {3, 4}))
print(3 in a, 10 not in b)
s = set()
s.add(5)
s |= {6}
print(sorted(s), len(s))
print(frozenset([1, 2]) == {1, 2})
