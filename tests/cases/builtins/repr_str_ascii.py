values = [0, -5, 2.5, 1e20, 1e-7, 'q', "it's", 'say "hi"', 'both \' and "', None, True]
for v in values:
    print(repr(v), str(v))
print(repr('tab\there\nnl\\bs\r\x00\x7f'), repr('é\u200b\U0001f600'))
print(repr([1, 'a', (2,), {3: 'b'}, {4}, [None]]), str([1, 'a']), str(()))
print(repr(b'a\x00\'"'), repr(bytearray(b'xy')), str(b'z'), repr(b"'"))
print(ascii('plain'), ascii('café'), ascii('\u20ac\U0001f600'), ascii(['ü', 1]))
print(ascii(b'\xff'), ascii(1.5), ascii(None), ascii('\n'))
print(str(), str(123), str(-0.0), str(float('nan')), str(2 ** 70), str(b'x', 'ascii'))
print(str(b'caf\xc3\xa9', 'utf-8'), str(b'ab', encoding='ascii'), str(bytearray(b'cd'), 'utf-8'))
print(repr(range(1, 5, 2)), repr(slice(1, None)), repr(frozenset()), repr(set()), repr({}))
print(repr(1 + 2j), repr(-0j), repr(complex(1, -0.0)), repr(ValueError('bad', 2)))
try:
    str(b'\xff', 'utf-8')
except UnicodeDecodeError as exc:
    print('UnicodeDecodeError:', exc)
try:
    str('a', 'utf-8')
except TypeError as exc:
    print('TypeError:', exc)
