# Set order after deletions: CPython reuses dummy slots and keeps collided items in place.
s = {1, 9}
s.discard(1)
s.add(2)
print(s)
t = {1, 9}
t.discard(1)
t.add(17)
print(t)
u = set(range(20))
for i in range(0, 20, 3):
    u.discard(i)
u.add(100)
u.add(33)
print(u)
v = set(range(10))
v -= {1, 9, 4}
v |= {17, 25}
v ^= {2, 33}
print(v, {9, 1} - {1}, {1, 2} ^ {2, 9})
print(frozenset([3, 1]).symmetric_difference({1, 9}), hash(frozenset()) == hash(frozenset([])))
d = {frozenset([1]): 'fs'}
print(d[frozenset({1})], frozenset({2}).copy() == {2})
