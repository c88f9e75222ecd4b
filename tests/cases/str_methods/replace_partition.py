s = 'one two one two one'
print(s.replace('one', '1'), s.replace('one', '1', 2), s.replace('one', '1', 0), s.replace('one', '1', -1))
print('abc'.replace('', '-'), 'abc'.replace('', '-', 2), ''.replace('', 'x'), 'aaa'.replace('a', ''))
print('aaaa'.replace('aa', 'b'), 'abc'.replace('x', 'y'), 'ab'.replace('ab', 'abab'))
print(s.partition(' '), s.rpartition(' '), s.partition('zz'), s.rpartition('zz'), 'k=v'.partition('='))
print('a==b==c'.partition('=='), 'a==b==c'.rpartition('=='), ''.partition('x'))
for bad in [lambda: s.partition(''), lambda: s.rpartition('')]:
    try:
        bad()
    except ValueError as exc:
        print('ValueError:', exc)
for bad in [lambda: s.replace(1, 'a'), lambda: s.replace('a'), lambda: s.replace('a', 'b', 'c'), lambda: s.partition(None)]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)
