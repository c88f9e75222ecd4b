print(round(0.5), round(1.5), round(2.5), round(3.5), round(-0.5), round(-1.5), round(-2.5))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2), round(1234.5678, -2))
print(round(3.14159, 0), round(3.14159, 3), round(-3.14159, 1), round(7), round(-7, 1))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1), round(25, -1))
print(round(10 ** 20 + 5, -1), round(123456789, -20), round(5, 3), round(True), round(1e300, 2))
print(type(round(2.5)), type(round(2.5, 0)), type(round(7, -1)), round(2.5, None), round(0.0), round(-0.0, 1))
print(round(float('inf'), 2), round(float('nan'), 1), round(1e-300, 300) > 0)
for bad in [lambda: round(float('inf')), lambda: round(float('nan')), lambda: round('1.5'),
            lambda: round(1.5, 1.0), lambda: round(1e400)]:
    try:
        print(bad())
    except Exception as exc:
        print(type(exc).__name__ + ':', exc)
