import struct

print(struct.calcsize('<bI'), struct.calcsize('@bI'), struct.calcsize('@b0q'), struct.calcsize('bxI3xH'))
print(struct.pack('<bI', -128, 256), struct.pack('>bxI3xH', 1, 2, 3))
print(struct.unpack('<6sH', b'foo\0\0\0\x12\x34'), struct.pack('<6sH', b'foo', 10000))
print(struct.pack('<?cqQ', 5, b'z', -1, 2 ** 64 - 1), struct.pack('5p', b'ab'))
print(struct.pack('<efd', 1.5, 0.1, -2.5), struct.unpack('<efd', struct.pack('<efd', 1.5, 0.1, -2.5)))
print(struct.pack('>d', float('inf')), struct.unpack('<f', b'\x01\x00\x00\x00'))
print(struct.unpack('!hH', b'\xff\xfe\xff\xfe'), list(struct.iter_unpack('<h', b'\x01\x00\x02\x00')))
buf = bytearray(b'>>>123<<<')
struct.pack_into('<bbb', buf, -6, 0x44, 0x45, 0x46)
print(buf, struct.unpack_from('<b', b'0123456789', -4))
s = struct.Struct('<iH')
print(s.size, s.format, s.pack(1, 2), s.unpack(b'\x01\0\0\0\x02\0'))
tests = [('<b', 200), ('<B', -1), ('<h', 1 << 20), ('<H', -1), ('<i', 1 << 40),
         ('<l', 1 << 40), ('<I', -1), ('<q', 1 << 70), ('<b', 1.5), ('<c', 1),
         ('<s', 1), ('<f', 'x'), ('z', 1), ('1', 1), ('<bb', 1)]
for fmt, value in tests:
    try:
        struct.pack(fmt, value)
    except struct.error as e:
        print(fmt, 'error:', e)
for call in [lambda: struct.unpack('2H', b'12'), lambda: struct.pack_into('<bbb', buf, 7, 1, 2, 3),
             lambda: struct.unpack_from('<b', b'01', -3), lambda: struct.pack('<f', 1e300),
             lambda: struct.pack(1, 2), lambda: struct.unpack('<i', 'abcd')]:
    try:
        call()
    except (struct.error, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(struct.error.__module__, struct.error.__mro__[1])
