import sys

print(float.fromhex('0x1p-1074'), float.fromhex('0x1.8p-1074'), float.fromhex('0x0.8p-1074'), float.fromhex('0x1.00000000000008p0'))
print(float.fromhex('0x1.fffffffffffff7p1023'), float.fromhex('0x3p-1076'))
print(complex(1, -0.0), complex(0, -0.0), complex(1j, -0.0), complex(1 + 2j, 3j), (3 + 4j).conjugate())
print((7).real, (7).imag, True.numerator, (2 ** 70).denominator, (1.5).imag, (2j).real)
print(slice(-10 ** 20, 10 ** 20, 3).indices(10), slice(None, None, -2).indices(7), slice(3).start)
print(range(10, -10, -3).index(-5), range(0, 20, 5).count(15), range(5).count(2.0), range(5).index(True))
print(max(3, 1, 3.0), min(2, 2.0), max('b', 'a', 'c'), isinstance(1, ((str,), (bytes, (int,)))))
print(int('٣٤', 16), float(' ١.٥\u3000'), int('\u0967\u0966'), sys.version_info.major, sys.float_info.dig)


def scope(a):
    first = locals()
    b = a + 1
    second = locals()
    return first is second, sorted(k for k in first if k != 'first' and k != 'second')


print(scope(1))
for bad in [lambda: setattr(5, 'real', 1), lambda: setattr([], 'append', 1), lambda: setattr(int, 'y', 1),
            lambda: setattr(slice(1), 'stop', 2), lambda: print('x', file=3), lambda: print(sep=1),
            lambda: issubclass(3, int), lambda: int.from_bytes('ab', 'big'), lambda: max([1, 'a'])]:
    try:
        bad()
    except (AttributeError, TypeError) as exc:
        print(type(exc).__name__ + ':', exc)
