# bytes and bytearray methods, codecs
print(b'hello'.decode(), b'h\xc3\xa9'.decode('utf-8'), b'\xff'.decode('latin-1'), b'a\xffb'.decode('utf-8', 'replace'))
print(b'a\xffb'.decode('ascii', 'ignore'), b'\xe9'.decode('utf-8', 'backslashreplace'), b'x'.decode(encoding='ascii'))
print(b'ab'.hex(), b'abc'.hex(':'), b'abcabc'.count(b'b'), b'abc'.find(b'c'), b'abc'.find(99), b'abc'.index(b'a'), b'abc'.rfind(b'z'))
print(b'a,b,c'.split(b','), b' a  b '.split(), b'a,b,c'.split(b',', 1), b'-'.join([b'a', b'b']), b'  x '.strip())
print(b'xxaxx'.strip(b'x'), b'aaa'.replace(b'a', b'bb', 2), b'abc'.replace(b'', b'-'), b'abc'.startswith(b'ab'))
print(b'abc'.endswith((b'x', b'c')), b'aBc'.upper(), b'ABC'.lower(), bytearray(b'abc').upper(), bytearray(b'a,b').split(b','))
ba = bytearray(b'ab')
ba.append(99)
ba.extend(b'de')
ba.extend([102])
print(ba, ba.pop(), ba.pop(0), ba)
tests = [
    lambda: b'\xff'.decode(),
    lambda: b'\xff'.decode('ascii'),
    lambda: b'a\xe2\x82'.decode(),
    lambda: b'\xe2\x82\x28'.decode(),
    lambda: b'\xed\xa0\x80'.decode(),
    lambda: b'a'.decode('foo'),
    lambda: b'\xff'.decode('utf-8', 'bad'),
    lambda: b'a'.split('a'),
    lambda: b'-'.join([b'a', 1]),
    lambda: b'a'.index(b'z'),
    lambda: bytearray().pop(),
    lambda: bytearray(b'ab').pop(5),
    lambda: bytearray().append(256),
    lambda: bytearray().append('a'),
    lambda: bytearray(b'a').extend(1),
    lambda: b'a'.find('a'),
    lambda: b'a'.startswith('a'),
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
