t = (4, 'a', 4, None, (1, 2))
print(t.count(4), t.count(5), t.index('a'), t.index(4, 1), t[4][1], len(t), t[1:3], t[::-2])
print((1, 2) + (3,), (0,) * 3, () * 4, 2 * ('x',), (1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 5))
print(tuple(), tuple('ab'), tuple([1]), tuple(range(3)), tuple({5: 6}), (1,) == (1,), () == ())
print(1 in t, 'b' in t, (1, 2) in t, hash((1, 2, 3)) == hash((1, 2, 3)), t == t[:])
x, *rest = t
print(x, rest)
a, (b, c) = 1, (2, 3)
print(a, b, c)
u = (1, 2)
u += (3,)
print(u, u * 2)
print(repr((1,)), repr(()), repr(((),)), str((1, 'x')), max((3, 9, 2)), sorted((3, 1)))
for bad in [lambda: t.index('zz'), lambda: t[10], lambda: t.index(4, 3)]:
    try:
        bad()
    except (ValueError, IndexError) as exc:
        print(type(exc).__name__ + ':', exc)
for bad in [lambda: t + [1], lambda: t.__setitem__(0, 1), lambda: (1,) < ('a',), lambda: tuple(5), lambda: t * t]:
    try:
        bad()
    except (TypeError, AttributeError) as exc:
        print(type(exc).__name__ + ':', exc)
