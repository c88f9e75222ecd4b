print(list(range(5)), list(range(2, 6)), list(range(10, 0, -3)), list(range(0, -5, -1)))
print(range(5), range(1, 5), range(1, 10, 2), range(0), range(-3, 3, -1))
r = range(3, 30, 4)
print(len(r), r[0], r[-1], r[2], r[1:4], r[::-1], r[::2], 7 in r, 8 in r)
print(r.start, r.stop, r.step, r.index(11), r.count(15), r.count(16))
print(range(0, 10, 2) == range(0, 9, 2), range(0) == range(5, 2), range(3) == range(4))
print(list(range(-10 ** 20, -10 ** 20 + 3)), range(10 ** 20)[-1], bool(range(0)), bool(range(1)))
print(list(reversed(range(1, 8, 3))), sum(range(1, 11)), max(range(7)))
print(hash(range(3)) == hash(range(0, 3, 1)), range(2, 12, 5)[5 - 4])
for bad in [lambda: range(1, 2, 0), lambda: range(5).index(9), lambda: range(3)[3], lambda: len(range(10 ** 20))]:
    try:
        bad()
    except (ValueError, IndexError, OverflowError) as exc:
        print(type(exc).__name__ + ':', exc)
for bad in [lambda: range(1.5), lambda: range('3'), lambda: range(), lambda: range(1, 2, 3, 4)]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)
