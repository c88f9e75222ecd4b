# Float arithmetic, mixed with ints, special values.
x, y = 7.5, -2.0
print(x + y, x - y, x * y, x / y, x // y, x % y, x ** 2, y ** 3, -x, +y)
print(1 + 2.5, 3 * 0.1, 10 / 4.0, 2 ** 0.5, 4 ** 0.5, 2.0 ** -1, 1e308 * 10, -1e308 * 10)
print(-7.5 // 2, -7.5 % 2, 7.5 % -2, 0.0 % 5, -0.0 % 5, 5.5 // 0.5)
inf = float('inf')
nan = float('nan')
print(inf + 1, -inf, inf * 0 != inf * 0, nan == nan, nan != nan, inf > 10 ** 400, 1 / inf)
print(inf ** 0, nan ** 0, 1.0 ** nan, 0.5 ** inf, 2.0 ** -inf, (-inf) ** 3, (-inf) ** 2)
print(float('  -1e5 '), float('1_000.5'), float('Infinity'), float('-nan') != 0, float(2 ** 60))
print((0.1).as_integer_ratio(), (-2.5).as_integer_ratio(), (3.0).is_integer(), (3.5).is_integer())
print((1.5).hex(), (-0.1).hex(), (0.0).hex(), float.fromhex('0x1.8p1'), float.fromhex('-0x1p-2'))
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234.5678, -2), round(0.125, 2), round(5.0, 1))
print(abs(-3.25), divmod(7.5, 2), divmod(-7.5, 2), float(True), int(-3.99), int(1e20))
