print(format(42), format(42, 'd'), format(42, '5d'), format(42, '<5') + '|', format(42, '^7'))
print(format(255, 'x'), format(255, '#X'), format(8, 'o'), format(5, '#b'), format(5, '08b'))
print(format(1234567, ','), format(1234567, '_'), format(-42, '+'), format(42, '+'), format(42, ' '))
print(format(3.14159, '.2f'), format(3.14159, '10.3f'), format(1e10, 'e'), format(0.000123, 'g'))
print(format(0.5, '%'), format(0.125, '.1%'), format(1234.5, ',.2f'), format(2.0, ''))
print(format('abc', '>6'), format('abc', '*^9'), format('abc', '.2'), format('x', '<3') + '|')
print(format(True), format(None), format([1, 2]), format(-0.0, '.1f'), format(7, 'c'))
print(format(1.5, 'g'), format(1e100, 'g'), format(float('inf'), 'f'), format(float('nan'), '+'))
print(format(10 ** 20, ','), format(-(2 ** 64), 'x'), format(12, '=+6'), format(-3.5, '=8.2f'))
for spec in ['z', 'd', '.2s']:
    for value in [5, 'str', 1.5]:
        try:
            print(spec, repr(value), format(value, spec))
        except ValueError as exc:
            print('ValueError:', exc)
try:
    format(None, 'd')
except TypeError as exc:
    print('TypeError:', exc)
try:
    format(3, ',x')
except ValueError as exc:
    print('ValueError:', exc)
