s = 'abracadabra'
print(s.find('bra'), s.rfind('bra'), s.find('zzz'), s.rfind('zzz'), s.find(''), s.rfind(''))
print(s.find('a', 1), s.find('a', 1, 3), s.find('a', -4), s.rfind('a', 0, -1), s.find('bra', 2, 4))
print(s.index('cad'), s.rindex('a'), s.index('a', 5), s.rindex('b', 0, 5))
print(s.count('a'), s.count('abra'), s.count(''), s.count('a', 4), s.count('a', 4, 8), 'aaaa'.count('aa'))
print(''.find(''), ''.count(''), 'abc'.find('', 5), 'abc'.find('c', None, None), 'abc'.count('', 1, 2))
print('a' in s, 'cad' in s, '' in s, 'dab' not in s)
for bad in [lambda: s.index('x'), lambda: s.rindex('x'), lambda: s.index('a', 11)]:
    try:
        bad()
    except ValueError as exc:
        print('ValueError:', exc)
for bad in [lambda: s.find(1), lambda: s.count(None), lambda: s.index('a', 'b'), lambda: 1 in s]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)
