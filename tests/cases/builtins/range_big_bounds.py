B = 10 ** 20
r = range(B, -B, -3)
print(r, len(range(B, B - 9, -3)), r[0], r[-1], r[B // 3], bool(r), bool(range(B, B)))
print(r[1:-1:B], r[::-1], r[B:2 * B:-1], range(B)[::2 ** 60][-1])
print(list(range(2 ** 63 - 2, 2 ** 63 + 2)), list(range(-B, -B - 7, -3)))
print(list(reversed(range(B, B + 10, 4))), next(reversed(range(B))))
print(B - 1 in range(B), B in range(B), B + 1 in range(B + 5, B, -2), 'x' in range(B, B + 2))
print(range(B + 5, B, -1).index(B + 1), range(B).count(7), range(B).count(B))
print(range(B, B + 3).index(float(B + 1)), range(-B, 0).start, range(-B, 0).stop, range(B).step)
for bad in [lambda: len(range(B)), lambda: len(range(-2 ** 63, 2 ** 63 - 1)), lambda: range(B)[B],
            lambda: range(B).index(-1), lambda: range(B)[::0], lambda: range(B, 0, 0)]:
    try:
        print(bad())
    except (OverflowError, IndexError, ValueError) as exc:
        print(type(exc).__name__ + ':', exc)
