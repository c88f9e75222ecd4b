# map, filter, zip, enumerate and reversed are types, not functions.
for t in (map, filter, zip, enumerate, reversed):
    print(t, type(t), t.__name__, t.__qualname__, t.__module__)
m = map(abs, [-1, 2, -3])
print(type(m), isinstance(m, map), iter(m) is m, next(m), m.__next__(), list(m))
print(isinstance(filter(None, []), filter), isinstance(zip(), zip))
print(isinstance(enumerate([]), enumerate), type(enumerate("a")).__name__)
print(isinstance(reversed((1, 2)), reversed), isinstance(reversed([1]), reversed))
print(type(reversed([1])).__name__, type(reversed("ab")).__name__)
print(issubclass(map, object), map.__mro__, callable(zip))
print(repr(map(abs, []))[:13], repr(zip())[:13])
print(sorted(filter(lambda v: v % 2, range(7)), reverse=True))
print(list(enumerate("xy", start=3)), list(reversed(range(3))))
try:
    map(abs)
except TypeError as e:
    print("TypeError:", e)
try:
    filter(None)
except TypeError as e:
    print("TypeError:", e)
try:
    map(abs, [1], x=2)
except TypeError as e:
    print("TypeError:", e)
try:
    class L(type(iter([]))):
        pass
except TypeError as e:
    print("TypeError:", e)
