print(ord('A'), ord('a'), ord('0'), ord(' '), ord('\n'), ord('é'), ord('€'), ord('\U0001f600'))
print(chr(65), chr(97), chr(48), repr(chr(0)), chr(233), chr(8364), chr(0x1F600), repr(chr(127)))
print(ord(b'A'), ord(bytearray(b'z')), chr(0x10FFFF) == '\U0010ffff')
print(''.join(chr(ord(c) + 1) for c in 'HAL'), [ord(c) for c in 'abc'])
print(chr(True), ord(chr(1000)), len(chr(0x10000)))
for bad in [lambda: ord(''), lambda: ord('ab'), lambda: ord(5), lambda: ord(b'xy'),
            lambda: chr(-1), lambda: chr(0x110000), lambda: chr('a'), lambda: chr(1.5),
            lambda: chr(2 ** 70)]:
    try:
        print(bad())
    except (TypeError, ValueError, OverflowError) as exc:
        print(type(exc).__name__ + ':', exc)
