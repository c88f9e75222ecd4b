# format() of ints and bools: the format-spec mini-language
print(format(1234567, ','), format(1234567, '_'), format(255, '#x'), format(255, '#X'), format(255, '#o'))
print(format(5, '#b'), format(-42, '+08d'), format(42, ' d'), format(1234, '08,'), format(1234, '010,'))
print(format(255, '#010_x'), format(-3, '=+6'), format(7, '^7'), format(7, '*<5'), format(65, 'c'), format(10, 'n'))
print(format(3, 'e'), format(3, '.2f'), format(3, '%'), format(18446744073709551616, 'x'), format(-18446744073709551616, ','))
print(format(True, 'd'), format(True, ''), format(0, 'X'), format(-255, '#x'), format(2, '0=5'), format(12345, '_b'))
print(format(42), format(42, ''), format(-7, '^+9'), format(42, 'x<6'), format(10**20, '_'))
tests = [
    (1, '.2'), (1, ',x'), (1, ',_'), (1, '_,'), (1, 's'), (1, 'z'), (65, '+c'),
    (65, '#c'), (-1, 'c'), (1, '99999999999999999999'), (1, 'xx'), (1, ',c'), (1, ',n'), (1, '.'),
]
for v, spec in tests:
    try:
        print(format(v, spec))
    except Exception as e:
        print(type(e).__name__, e)
