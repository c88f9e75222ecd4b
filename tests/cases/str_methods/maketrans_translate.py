# maketrans through the type and through instances (a static method), for
# str, bytes and bytearray, and the other static and class methods of
# built-in types through instances; format_map refuses positional fields.
print(''.maketrans('ab', 'xy'), str.maketrans({'a': None}))
print(b''.maketrans(b'ab', b'xy')[97:100], bytes.maketrans(b'', b'')[:3])
print(bytearray.maketrans(bytearray(b'a'), b'z')[97:98], type(bytearray().maketrans(b'', b'')).__name__)
print(b'abc'.translate(bytes.maketrans(b'abc', b'cab')))
for bad in [lambda: ''.maketrans('ab', 'c'), lambda: bytes.maketrans(b'a', b'bc'),
            lambda: bytes.maketrans('a', 'b'), lambda: bytes.maketrans(b'a'),
            lambda: '{}'.format_map({}), lambda: '{0}'.format_map({}),
            lambda: '{x}{}'.format_map({'x': 1})]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print('{x}-{y}'.format_map({'x': 1, 'y': 2}))
print(b'abc'.translate(None, b'b'), bytearray(b'abc').translate(None, delete=b'a'))
for bad in [lambda: b'a'.translate(b'x'), lambda: b'a'.translate(), lambda: b'a'.translate('x' * 256)]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(b'x'.fromhex('61'), (5).from_bytes(b'\x01', 'big'), (1.5).fromhex('0x1p1'),
      {}.fromkeys('ab'), bytearray().fromhex('62'))
