print(type(1), type(1.0), type('a'), type(None), type([]), type(()), type({}))
print(type(True), type(1j), type(b''), type(range(1)), type(len), type(type))
print(type(set()), type(frozenset()), type(bytearray()), type(slice(1)), type(ValueError()))
print(type(1) is int, type(True) is bool, type(2 ** 100) is int, type(1) == type(2))
print(type(lambda: 0).__name__, type(iter([])).__name__, type(iter('')).__name__)
print(type(iter(range(2))).__name__, type(zip()).__name__, type(map(abs, [])).__name__)
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), id(None) == id(None), type(id(a)) is int)
print(hash(0), hash(1), hash(-1), hash(-2), hash(10 ** 30) == hash(10 ** 30), hash(True))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(1.0) == hash(1), hash(0.5))
print(hash(()), hash((1, 2)), hash((1, (2, 3))), hash((1, 2)) == hash((1, 2)))
print(hash(3.0) == hash(3), hash(1.5), hash(-1.5), hash(float('inf')), hash(-float('inf')))
for bad in [[], {}, set(), (1, [2]), bytearray()]:
    try:
        hash(bad)
    except TypeError as exc:
        print('TypeError:', exc)
print(type('x', ) is str)
try:
    type()
except TypeError as exc:
    print('TypeError:', exc)
