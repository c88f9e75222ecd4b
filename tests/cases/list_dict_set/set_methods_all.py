s = {5, 1}
s.add(3)
s.add(1)
print(s, s.copy(), s.copy() is s)
s.update([7, 8], (9,), range(2))
print(s)
s.discard(100)
s.discard(9)
s.remove(8)
print(s, s.pop() in {0, 1, 3, 5, 7}, len(s))
t = {1, 2, 3, 4, 5, 6}
print(t.union([10], {11}), t.intersection({2, 3, 99}, [3, 2]), t.difference([1], {2}), t.symmetric_difference([6, 7]))
print(t.issubset(range(10)), t.issuperset([1, 2]), t.isdisjoint({0}), t.isdisjoint([6]), t.union(), t.intersection())
u = set(t)
u.intersection_update([1, 2, 3], {2, 3, 4})
print(u)
u.difference_update({3}, [99])
print(u)
u.symmetric_difference_update({2, 8})
print(u)
u.clear()
print(u, set('aab') == {'a', 'b'}, set(range(3)), set({4: 5}))
f = frozenset([3, 1])
print(f.union({2}), f.intersection([1]), f.difference({3}), f.symmetric_difference({1, 9}), f.copy() is f)
print(f.issubset({1, 3}), f.issuperset([3]), f.isdisjoint(()))
for bad in [lambda: set().pop(), lambda: {1}.remove(2), lambda: set().remove('k')]:
    try:
        bad()
    except KeyError as exc:
        print('KeyError:', exc, repr(exc))
for bad in [lambda: {1}.add([2]), lambda: {1}.update(5), lambda: {1}.union(1), lambda: set(5), lambda: {1}.issubset(3),
            lambda: {[1]}, lambda: set().add()]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)
