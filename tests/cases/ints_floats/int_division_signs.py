for a in [7, -7, 0, 1, -1, 9]:
    row = []
    for b in [3, -3, 1, -1, 10]:
        row.append((a // b, a % b))
    print(a, row)
print(7 / 2, -7 / 2, 6 / 3, 1 / 3, 10 / 4, -0 / 5, type(4 / 2).__name__, 2 ** 53 / 1, (2 ** 53 + 1) / 1)
print(7.0 // 2, -7.0 // 2, 7 // -2.0, 7.5 % 2, -7.5 % 2, 7.5 % -2, -0.0 // 1, 0.0 % -1, 1e308 % 3)
print(5 % 3.0, -1 % 1e-10 > 0, 1 // 0.3, 3.0 % 0.1)
for bad in [lambda: 1 // 0, lambda: 1 % 0, lambda: 1 / 0, lambda: 1.0 // 0, lambda: 1 % 0.0, lambda: 0.0 / 0.0,
            lambda: 0 ** -1, lambda: 5 // 'a']:
    try:
        print(bad())
    except (ZeroDivisionError, TypeError) as exc:
        print(type(exc).__name__ + ':', exc)
