print('a b  c'.split(), 'a b  c'.split(' '), '  lead trail  '.split(), ''.split(), ''.split(','))
print('a,b,,c'.split(','), 'a,b,,c'.split(',', 1), 'a,b,,c'.rsplit(',', 1), 'a,b,c'.split(',', 0))
print('one  two three'.split(None, 1), 'one  two three'.rsplit(None, 1), 'x--y--z'.split('--'))
print('a\tb\nc\x0bd\x0ce\rf'.split(), 'abcabc'.split('abc'), 'aaa'.split('a'), 'k=v=w'.split('=', -1))
print('l1\nl2\r\nl3\rl4'.splitlines(), 'l1\nl2\n'.splitlines(True), ''.splitlines(), '\n'.splitlines())
print('a\x1cb\u2028c\x85d'.splitlines(), 'no newline'.splitlines(keepends=True))
print('-'.join(['a', 'b', 'c']), ''.join([]), ', '.join('xyz'), ' '.join(('1',)), '|'.join({'k': 1, 'j': 2}))
print('sep'.join(['', '']), '.'.join(map(str, range(4))))
for bad in [lambda: 'a'.split(''), lambda: 'a'.rsplit('')]:
    try:
        bad()
    except ValueError as exc:
        print('ValueError:', exc)
for bad in [lambda: ','.join([1, 2]), lambda: ','.join(['a', None]), lambda: ','.join(5), lambda: 'a'.split(1),
            lambda: 'a b'.split(maxsplit='1'), lambda: 'a'.splitlines(1, 2)]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)
