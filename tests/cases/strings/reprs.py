# repr and str of built-in values
print(repr(1.5), repr(None), repr(1180591620717411303424), repr(1+2j), repr(-0.0), repr(1e16), repr(b'a\x00\'"'))
print(repr(bytearray(b'xy')), repr('it\'s'), repr('a"b\'c'), repr('\n\t\x7f\u200b'), repr(True), repr(()), repr((1,)))
print([1, 'a', (1,), {'k': [2, 3]}], {}, {'a': (1, 2.5)}, [[], [[]]])
l = [1]
l.append(l)
print(l, repr(l))
print(repr(range(5)), range(0, 5, 2), range(-1, -9, -3))
print(len, print, int, str, ValueError, type(len))
print(ValueError('x'), repr(ValueError('x')), repr(KeyError('k')), repr(ValueError(1, 2)), repr(ValueError()), repr(OSError('a', 'b')))
print(ascii('héllo\u1234\U0001f600'), ascii([b'\xff', 'ü']), ascii(1), ascii('plain'))
print(str(-1e999), repr(1e999 - 1e999), str(0.1 + 0.2), str(2e-7), str(123456789012345678.0), str(1/3))
