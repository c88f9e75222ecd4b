s = 'prefix-body-suffix'
print(s.startswith('pre'), s.startswith('body'), s.startswith('body', 7), s.startswith('', 100))
print(s.endswith('fix'), s.endswith('body', 0, 11), s.endswith(('x', 'y')), s.startswith(('a', 'p')))
print(s.startswith(()), s.endswith('suffix', -6), s.startswith('fix', -3), ''.startswith(''), ''.endswith('a'))
print('abc'.startswith('abc', 0, 2), 'abc'.endswith('', 3), 'abc'.endswith('c', None, None))
for bad in [lambda: s.startswith(1), lambda: s.endswith(['x']), lambda: s.startswith(('a', 1)),
            lambda: s.startswith()]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)
