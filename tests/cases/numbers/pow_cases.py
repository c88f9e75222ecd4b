# Powers: ints, negative exponents, floats, three-argument pow.
print(2 ** 10, 2 ** 100, (-3) ** 5, 10 ** -2, 2 ** -1, (-2) ** -3, 0 ** 0, 1 ** 10 ** 6, (-1) ** (2 ** 70))
print(4 ** 0.5, 2.0 ** 3, (-8.0) ** 2, 0.0 ** 0, 1.0 ** 1e300, 2.5 ** 2)
print(pow(2, 10), pow(2, 10, 1000), pow(-2, 3, 5), pow(3, -1, 7), pow(3, 0, 1), pow(10, 100, 2 ** 61 - 1))
print(pow(base=2, exp=5), pow(2, 5, mod=3), pow(7, 2, None))
for args in [(0, -1), (0.0, -1), (10.0, 400), (2, 3, 0), (2, -1, 4), (2.0, 3, 4), (2, 0.5, 3), ('a', 2)]:
    try:
        print(pow(*args))
    except Exception as e:
        print(type(e).__name__, e)
