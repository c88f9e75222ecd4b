for s in ['1', '  2.5  ', '-3.', '.5', '1e3', '1E-3', '+1_0.5', 'inf', '-Infinity', 'nan', 'NaN', '-nan', '1_000.000_1',
          '0x10', '١.٥', '\t7\n', '1e500', '-1e-500', '00012', '3.14159265358979323846']:
    try:
        print(repr(s), float(s))
    except ValueError as exc:
        print('ValueError:', exc)
print(float(), float(7), float(-2 ** 53), float(True), float(b'2.5'), float(bytearray(b'1e2')))
for bad in ['', 'abc', '1.2.3', '1e', '_1', '1__0', 'in f', '--1', '0x1p3', 'infinityx']:
    try:
        float(bad)
    except ValueError as exc:
        print('ValueError:', exc)
for bad in [None, [1.0], 1j]:
    try:
        float(bad)
    except TypeError as exc:
        print('TypeError:', exc)
try:
    float(10 ** 310)
except OverflowError as exc:
    print('OverflowError:', exc)
