inf = float('inf')
nan = float('nan')
print(inf + 1, inf - inf, inf * 0, -inf * -1, inf / inf, 1 / inf, -1 / inf, inf > 10 ** 400, -inf < -(10 ** 400))
print(nan == nan, nan != nan, nan < 1, nan > 1, nan is nan, [nan] == [nan], nan in [nan], max(nan, 1), max(1, nan))
print(inf == inf, inf == float('inf'), -0.0 == 0.0, str(-0.0), repr(0.0 * -1), 1e308 * 10, -1e308 * 10)
print(inf % 5 if False else 5 % inf, -5 % inf, 5 // inf, -5 // inf, 2.0 ** 1024 if False else 2.0 ** 1023)
print(int(1e308) % 1000, 1e-320 / 10, 5e-324 / 2, 2 ** -1075 == 0.0, 0.1 + 0.2 > 0.3)
print(abs(-nan) != abs(-nan), inf.is_integer(), hash(nan) == hash(nan) or True, round(inf, 2))
for bad in [lambda: 2.0 ** 1024, lambda: 10.0 ** 400, lambda: inf % 0, lambda: int(inf), lambda: (-1.0) ** 0.5 == 0,
            lambda: 1e308 * 1e308 == inf, lambda: 0.0 ** -1]:
    try:
        print(bad())
    except (OverflowError, ZeroDivisionError, ValueError) as exc:
        print(type(exc).__name__ + ':', exc)
