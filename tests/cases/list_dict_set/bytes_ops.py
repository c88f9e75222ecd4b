b = b'hello world'
print(b[0], b[-1], b[1:5], b[::-1], b[::3], len(b), b'o' in b, 111 in b, b'xyz' in b)
print(b.upper(), b.split(), b.split(b'o'), b.replace(b'l', b'L'), b.find(b'o'), b.rfind(b'o'), b.count(b'l'))
print(b.startswith(b'he'), b.endswith((b'x', b'ld')), b.strip(b'hd'), b.title(), b.center(15, b'*'))
print(b'-'.join([b'a', b'bc']), b.hex(), b.hex(':'), bytes.fromhex('61 62 ff'), b.partition(b' '))
print(bytes(3), bytes([65, 66]), bytes('é', 'utf-8'), bytes(range(3)), bytes(b'x'), bytes(), b'ab' * 2, b'a' + b'b')
print(b'a' < b'b', b'abc' == b'abc', list(b'AZ'), b'\x00\xff', b'abc'.isalpha(), b'12'.isdigit(), b'a b'.isspace())
print(b'%d-%s' % (5, b'x'), b'x'.zfill(3), b'tab\tx'.expandtabs(4), b'AbC'.swapcase(), b'abc'.index(b'c'))
for bad in [lambda: b[20], lambda: b.index(b'q'), lambda: bytes([256]), lambda: bytes.fromhex('zz'),
            lambda: bytes([-1])]:
    try:
        bad()
    except (IndexError, ValueError) as exc:
        print(type(exc).__name__ + ':', exc)
for bad in [lambda: b + 'str', lambda: bytes('str'), lambda: b'a'.join(['s']), lambda: b.find('o'),
            lambda: bytes(1.5), lambda: b'%d' % 'x', lambda: 'a' in b]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)
