print(list(enumerate('abc')), list(enumerate([])), list(enumerate('ab', 5)))
print(list(enumerate(['x', 'y'], start=-2)), list(enumerate(range(3), start=10 ** 20)))
for i, (a, b) in enumerate(zip('pq', [1, 2]), 1):
    print(i, a, b)
e = enumerate('hi')
print(next(e), next(e), next(e, 'end'))
print(list(zip()), list(zip([1, 2, 3])), list(zip('abc', range(10))))
print(list(zip([1, 2], [3, 4], [5, 6])), dict(zip('ab', [1, 2])))
print(list(zip(*[(1, 'a'), (2, 'b'), (3, 'c')])))
print(list(zip([1, 2], [3, 4], strict=True)))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as exc:
    print('ValueError:', exc)
try:
    list(zip([1], [3, 4], strict=True))
except ValueError as exc:
    print('ValueError:', exc)
try:
    list(zip([1], [2], [3, 4], strict=True))
except ValueError as exc:
    print('ValueError:', exc)
for bad in [lambda: enumerate(5), lambda: zip([1], 2), lambda: enumerate('a', 'b')]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)
