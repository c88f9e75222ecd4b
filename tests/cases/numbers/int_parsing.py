# int(), float() and complex() from strings and numbers.
print(int('42'), int('  -17  '), int('1_000_000'), int('+5'), int('0x_1f', 16), int('ff', 16), int('0o17', 0), int('0b101', 0))
print(int('z', 36), int('10', 2), int(3.99), int(-3.99), int(True), int(2 ** 70), int(1e20), int('0', 0), int('00', 0))
print(float('1.5'), float(' -2e3 '), float('inf'), float('-Infinity'), float('.5'), float('5.'), float(7), float('1_0.2_5'))
print(bool(''), bool('a'), bool(0.0), bool([]), bool(), int(), float())
print(complex(1, 2) == 1 + 2j, complex('3-4j') == 3 - 4j, complex('j') == 1j, complex(2) == 2, complex('(1+1j)') == 1 + 1j)
print(bin(5), oct(64), hex(-255), bin(0), hex(True))
cases = [lambda: int('x'), lambda: int('1__2'), lambda: int('_1'), lambda: int('010', 0),
         lambda: int('12', 1), lambda: int('9', 8), lambda: int(''), lambda: int(5, 10),
         lambda: int([]), lambda: int(float('inf')), lambda: int(float('nan')),
         lambda: float('x'), lambda: float('1__0'), lambda: float([]), lambda: complex('x'),
         lambda: int('1' * 5000), lambda: hex(1.5)]
for c in cases:
    try:
        print(c())
    except Exception as e:
        print(type(e).__name__, e)
