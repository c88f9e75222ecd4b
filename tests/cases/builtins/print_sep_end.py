print()
print(1, 2, 3)
print(1, 2, 3, sep='')
print('a', 'b', sep=' -> ', end='!\n')
print('no newline', end='')
print(' then more')
print('x', 'y', sep=None, end=None)
print(*[4, 5, 6], sep=', ')
print(*'abc', sep='|', end='|\n')
print(None, True, 1.5, [1, 'two'], (3,), {'k': 4})
print('multi\nline', 'tab\there')
print('', '', sep='.')
for word in ['alpha', 'beta', 'gamma']:
    print(word, end=' ')
print()
try:
    print('x', sep=5)
except TypeError as exc:
    print('TypeError:', exc)
try:
    print('x', end=[])
except TypeError as exc:
    print('TypeError:', exc)
