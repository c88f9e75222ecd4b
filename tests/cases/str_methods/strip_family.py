s = '  \t padded text \n '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr('xxhixx'.strip('x')), repr('xyhiyx'.strip('xy')), repr('abcba'.lstrip('ab')), repr('abcba'.rstrip('ab')))
print(repr('hello'.strip('')), repr(''.strip()), repr('   '.strip()), repr('\u3000wide\u3000'.strip()))
print(repr('aaa'.strip('a')), repr('mississippi'.rstrip('ip')), repr('x.y.z'.strip(None)))
print(repr('abc'.removeprefix('ab')), repr('abc'.removeprefix('zz')), repr('abc'.removeprefix('')))
print(repr('test.py'.removesuffix('.py')), repr('test.py'.removesuffix('.txt')), repr('aa'.removesuffix('aa')))
for bad in [lambda: 'a'.strip(1), lambda: 'a'.lstrip(['a']), lambda: 'a'.removeprefix(None), lambda: 'a'.rstrip('a', 'b')]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)
