print('hello'.encode(), 'café'.encode(), 'café'.encode('utf-8'), 'café'.encode('latin-1'))
print('abc'.encode('ascii'), '€'.encode('utf-8'), len('😀'.encode()), 'x'.encode(encoding='utf-8'))
print('café'.encode('ascii', 'ignore'), 'café'.encode('ascii', 'replace'), 'café'.encode('ascii', errors='xmlcharrefreplace'))
print('café'.encode('ascii', 'backslashreplace'), b'caf\xc3\xa9'.decode(), b'caf\xe9'.decode('latin-1'))
print(b'ab\xffcd'.decode('utf-8', 'replace'), b'ab\xffcd'.decode('utf-8', 'ignore'), b'ab\xffcd'.decode('ascii', 'backslashreplace'))
print('café'.encode().decode() == 'café', 'UTF8'.encode('UTF8'), 'x'.encode('utf_8'))
for bad in [lambda: 'café'.encode('ascii'), lambda: b'\xff'.decode(), lambda: b'\xc3'.decode('utf-8'),
            lambda: 'é'.encode('nope-codec'), lambda: 'a'.encode(5), lambda: b'\x80abc'.decode('ascii')]:
    try:
        bad()
    except Exception as exc:
        print(type(exc).__name__ + ':', exc)
