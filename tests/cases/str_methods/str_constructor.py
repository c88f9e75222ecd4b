print(repr(str()), repr(str(0)), repr(str(-1.5)), repr(str([1, 'a'])), repr(str(None)), repr(str(str)))
print(repr(str(b'abc')), repr(str(b'abc', 'ascii')), repr(str(b'\xe2\x82\xac', encoding='utf-8')))
print(repr(str(b'a\xffb', 'utf-8', 'replace')), repr(str(b'a\xffb', errors='ignore', encoding='utf-8')))
print(repr(str(object=5)), repr(str(1e16)), repr(str(1e15)), repr(str(123456789.123456789)))
print(repr(str(0.1 + 0.2)), repr(str(True)), repr(str((1,))), repr(str({1: {2: 3}})))
for bad in [lambda: str(1, 'ascii'), lambda: str(b'x', 5), lambda: str(b'x', 'ascii', 'strict', 1),
            lambda: str(foo=1)]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)
