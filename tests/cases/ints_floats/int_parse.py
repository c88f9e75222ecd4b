print(int(), int(42), int(-3.99), int(3.99), int(True), int('  17  '), int('-0'), int('+5'), int('1_000_000'))
print(int('ff', 16), int('FF', 16), int('0xff', 16), int('0xff', 0), int('0o17', 0), int('0b101', 0), int('z', 36))
print(int('101', 2), int('777', 8), int('-zz', 36), int('0', 0), int('00', 0), int('  0x_1_f  ', 0), int(' \t12\n'))
print(int('9' * 30), int('-' + '1' * 25), int(1e20), int(-1e-5), int(2.5e10), int('١٢٣'), int(b'12'), int(bytearray(b'-3')))
print(int('10', base=3), int(x='7') if False else int('7'), int(' +0b11 ', 0), int('Z', base=36))
for bad in ['', ' ', '1.5', 'abc', '0x', '1__0', '_1', '1_', '08', '0b2', '++1', '1 2', '0xg']:
    for base in [10, 0]:
        try:
            int(bad, base)
        except ValueError as exc:
            print('ValueError:', exc)
for bad in [lambda: int('1', 1), lambda: int('1', 37), lambda: int(float('inf')), lambda: int(float('nan'))]:
    try:
        int(bad())
    except (ValueError, OverflowError) as exc:
        print(type(exc).__name__ + ':', exc)
for bad in [lambda: int(None), lambda: int([1]), lambda: int(5, 10), lambda: int('1', '2'), lambda: int(1j)]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)
