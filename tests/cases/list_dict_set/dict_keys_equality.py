d = {}
d[1] = 'int one'
d[1.0] = 'float one'
d[True] = 'bool one'
print(d, len(d))
d[0] = 'zero'
d[False] = 'false'
d[0.0] = 'fzero'
print(d)
d[(1, 2)] = 'tuple'
d[2 ** 70] = 'big'
d[-1] = 'neg'
d[-2] = 'neg2'
print(d[(1, 2)], d[2 ** 70], d[-1], d[-2], d[1.0], (1, 2) in d, (2, 1) in d)
d[frozenset({1})] = 'fs'
print(d[frozenset([1])], None in d)
d[None] = 'none'
print(d[None], list(d)[-1])
m = {n: n * n for n in range(6)}
for key in list(m):
    if key % 2:
        del m[key]
print(m, m == {0: 0, 4: 16, 2: 4}, {1: 1} != {1: 2})
for bad in [lambda: d[[1]], lambda: d[{}], lambda: {}.get([])]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)
try:
    del d['absent']
except KeyError as exc:
    print('KeyError:', exc)
