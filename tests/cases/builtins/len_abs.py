print(len(''), len('hello'), len('héllo'), len([1, 2, 3]), len(()))
print(len({1: 'a', 2: 'b'}), len({1, 2, 2, 3}), len(frozenset()), len(range(0, 100, 7)))
print(len(b'bytes'), len(bytearray(4)), len(range(10, 0)), len(range(-5, 5, 2)))
print(len([[1, 2], [3]]), len({}.keys()), len({'a': 1}.items()))
print(abs(-7), abs(7), abs(0), abs(-3.25), abs(2.5), abs(-0.0))
print(abs(-10 ** 30), abs(True), abs(False), abs(3 - 4j), abs(-float('inf')))
print(abs(-(2 ** 63)), abs(-9223372036854775807 - 1))
for bad in [5, 3.0, None]:
    try:
        len(bad)
    except TypeError as exc:
        print('TypeError:', exc)
for bad in ['s', [1], None]:
    try:
        abs(bad)
    except TypeError as exc:
        print('TypeError:', exc)
try:
    len()
except TypeError as exc:
    print('TypeError:', exc)
try:
    len([], [])
except TypeError as exc:
    print('TypeError:', exc)
