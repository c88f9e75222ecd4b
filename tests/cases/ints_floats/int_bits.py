for n in [0, 1, -1, 5, -5, 255, 256, 2 ** 31, 2 ** 63 - 1, 2 ** 63, -(2 ** 63), 10 ** 20]:
    print(n, n.bit_length(), n.bit_count(), n & 0xFF, n | 1, n ^ -1, ~n, n << 3, n >> 2)
print(6 & 3, 6 | 3, 6 ^ 3, -6 & 3, -6 | 3, -6 ^ 3, 1 << 0, 1 << 62, 1 << 63, 1 << 64, -1 >> 10, -1 << 63)
print(5 >> 100, -5 >> 100, 0 << 1000, True & True, True | 0, False ^ True, True << 2)
print((1).as_integer_ratio(), (-7).as_integer_ratio(), (5).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator)
print(int.bit_length(8), True.bit_length(), (2 ** 1000).bit_length())
for bad in [lambda: 1 << -1, lambda: 1 >> -2]:
    try:
        bad()
    except ValueError as exc:
        print('ValueError:', exc)
for bad in [lambda: 1 & 1.0, lambda: 1 << 1.0, lambda: ~1.5, lambda: 'a' | 1, lambda: [] ^ []]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)
