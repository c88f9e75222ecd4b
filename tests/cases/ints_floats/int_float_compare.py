print(1 == 1.0, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53, 10 ** 400 > 1e308)
print(-(10 ** 400) < -1e308, 10 ** 400 < float('inf'), 1 < 1.5 < 2, 3 > 2.999999999, 0 == -0.0, 7 != 7.0000001)
print(max(1, 1.0), max(1.0, 1), min(0, -0.0), min(-0.0, 0), sorted([3, 2.5, 2, 1.5, True]))
print(int(2.0 ** 63), int(-2.0 ** 63), 9007199254740993 == 9007199254740992.0, float(9007199254740993))
print(1 / 3 == 0.3333333333333333, 1 == True, 0.1 * 3 < 0.3 + 1e-15, hash(2 ** 61 - 1) == hash(float(2 ** 61 - 1)))
print([x for x in [1, 2.0, 3, 4.5] if x == int(x)], 5 in [5.0], 5.0 in {5}, {1: 'a'}[1.0])
for bad in [lambda: 1 < 'a', lambda: 1.0 > None, lambda: 2 <= [], lambda: 1.5 >= (1,)]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)
