# str(), bytes(), bytearray(), chr, ord, ascii, format, repr
print(str(), str(1), str(b'a'), str(b'h\xc3\xa9', 'utf-8'), str(b'\xff', 'utf-8', 'replace'), str(encoding='ascii', object=b'x'))
print(str([1, 'a']), str(1.5), str(ValueError('m')), str(KeyError('k')), str(ValueError(1, 2)), repr(str(ValueError())))
print(bytes(), bytes(3), bytes([1, 2, 255]), bytes('hé', 'utf-8'), bytes(b'ab'), bytes(range(3)))
print(bytearray(2), bytearray(b'x'), bytearray('a', 'ascii'), bytearray([65]), bytearray())
print(chr(65), chr(0x1F600), ord('a'), ord('€'), ord(b'a'), repr(chr(0)), ascii('é'), format(5), format(5, '03'))
tests = [
    lambda: chr(-1),
    lambda: chr(0x110000),
    lambda: chr('a'),
    lambda: ord('abc'),
    lambda: ord(1),
    lambda: ord(''),
    lambda: bytes([256]),
    lambda: bytes('a'),
    lambda: bytes(-1),
    lambda: bytearray([256]),
    lambda: bytes(1.5),
    lambda: bytes(b'', 'utf-8'),
    lambda: str(b'a', 'foo'),
    lambda: str('a', 'utf-8'),
    lambda: str(1, 'utf-8'),
    lambda: format(1, 2),
    lambda: repr(),
    lambda: repr(1, 2),
    lambda: str(1, 2, 3, 4),
    lambda: bytes(['a']),
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
