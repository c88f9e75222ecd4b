# format() of floats: e/E/f/F/g/G/n/%/none, inf/nan, -0.0, z
nan = 1e999 - 1e999
print(format(1.5, ''), format(1e16, ''), format(1234.5, ','), format(1.0, '.3'), format(1e20, '.3'))
print(format(123456.0, '.3'), format(0.1, '.20f'), format(3.14159, '.2f'), format(3.14159, '10.3e'))
print(format(3.14159, 'E'), format(1e-5, 'g'), format(123456789.0, 'g'), format(0.5, '%'), format(0.125, '.1%'))
print(format(1e999, '010'), format(nan, '+'), format(-1e999, 'F'), format(-0.0, ''), format(-0.0, 'z.1f'))
print(format(-0.001, 'z.1f'), format(-1234567.891, '015,.2f'), format(2.5, '.0f'), format(3.5, '.0f'))
print(format(1.0, '#.0f'), format(1.0, '#g'), format(100.0, 'g'), format(1e100, ''), format(1.23e-7, ''), format(12.0, '.5'))
print(format(1.5, 'n'), format(0.0001, 'g'), format(0.00001, '.3G'), format(1e15, 'g'), format(1e16, '.17'), format(1234.5678, '_.2f'))
print(format(5e-324, ''), format(1.7976931348623157e308, 'e'), format(0.0, 'e'), format(0.0, 'g'), format(-1.5, ' '), format(2.0, '+.0e'))
print(format(1.5, '^9'), format(1.5, '*>+9.2f'), format(1e999, 'E'), format(nan, '08'), format(123.456, '.0%'))
for spec in ['d', 'x', 'c', 's', '.', 'xx', ',,', '_,']:
    try:
        print(format(1.5, spec))
    except Exception as e:
        print(type(e).__name__, e)
