for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (6, 3), (10 ** 20, 7), (-(10 ** 20), 7)]:
    print(a, b, divmod(a, b), a // b, a % b)
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (1, 0.3), (-0.0, 1.0), (5, 2.5)]:
    print(a, b, divmod(a, b))
print(pow(2, 10), pow(2, -1), pow(-2, 3), pow(2, 0.5), pow(0, 0), pow(2.5, 2), pow(-8, 1 / 3) == pow(-8, 1 / 3))
print(pow(3, 4, 5), pow(2, 100, 1000007), pow(-3, 3, 7), pow(3, 3, -7), pow(5, -1, 7), pow(38, -1, 97))
print(pow(10 ** 30, 3, 10 ** 9 + 7), pow(2, 0, 1), pow(7, 2, 1), pow(base=2, exp=5), pow(2, 5, mod=3))
print(pow(1j, 2), pow(2, 3.0), 2 ** -2, (-2) ** 2, -2 ** 2)
for bad in [lambda: divmod(1, 0), lambda: divmod(1.0, 0), lambda: pow(0, -1), lambda: pow(2, 3, 0),
            lambda: pow(2, -1, 4), lambda: pow(0.0, -1.0), lambda: pow(2, 1.5, 3), lambda: divmod('a', 1),
            lambda: pow(2, 3, 4.0), lambda: divmod(1, 2, 3)]:
    try:
        print(bad())
    except Exception as exc:
        print(type(exc).__name__ + ':', exc)
