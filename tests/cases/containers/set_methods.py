s = {5, 3, 1}
s.add(4)
s.add(3)
print(list(s), len(s), 3 in s, 9 in s)
s.discard(5)
s.discard(99)
s.remove(4)
print(list(s))
try:
    s.remove(42)
except KeyError as e:
    print(type(e).__name__, e.args)
t = set(range(10, 0, -2))
print(list(t))
print(list(t.union([1, 3], (5,))), list(t.intersection({2, 4, 7})))
print(list(t.difference({2, 10})), list(t.symmetric_difference({1, 2})))
u = set([1, 2, 3])
u.update([3, 4], {5})
print(list(u))
u.intersection_update({1, 2, 3, 9})
print(list(u))
u.difference_update([1])
print(list(u))
u.symmetric_difference_update({3, 7})
print(list(u))
print({1, 2}.issubset([1, 2, 3]), {1, 4}.issubset({1}), {1, 2, 3}.issuperset([2]), {1}.isdisjoint([2]))
print(u.pop(), list(u))
c = u.copy()
u.clear()
print(list(u), list(c))
try:
    set().pop()
except KeyError as e:
    print(type(e).__name__, e.args)
f = frozenset([3, 1, 2])
print(list(f), len(f), 2 in f, list(f.union({9})))
g = set()
for x in [-1, 33, 8, 17, 1, 64, 9]:
    g.add(x)
print(list(g))
g.discard(64)
print(list(g))
try:
    {[]}
except TypeError as e:
    print(type(e).__name__, e.args)
