print(b'hello wORLD 3x'.title(), b'hELLO'.capitalize(), b'AbC'.swapcase(), b'-5'.zfill(4))
print(b'a\tbc\td\n\te'.expandtabs(), b'ab\tc'.expandtabs(tabsize=2), b'Ab Cd'.istitle(), b'\x80'.isascii())
print(b'prefix-x'.removeprefix(b'prefix-'), bytearray(b'x.py').removesuffix(b'.py'))
b = bytearray(b'abc')
b.insert(-10, 65)
b.insert(100, 66)
b[1:3] = b'XYZ'
del b[::2]
print(b, b.copy(), bytearray(b'%s=%d') % (b'k', 5), b'%5s|%-4b|%c' % (b'ab', b'c', 65))
for bad in [lambda: b'%s' % 'x', lambda: b'%c' % 300, lambda: b'x'.title(1), lambda: bytearray(b'a').remove(9)]:
    try:
        bad()
    except Exception as exc:
        print(type(exc).__name__ + ':', exc)
