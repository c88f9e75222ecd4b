s = slice(5)
print(s, s.start, s.stop, s.step, slice(1, 10), slice(1, 10, 2), slice(None, None, -1))
print(s.indices(10), slice(2, -1).indices(6), slice(None, None, -1).indices(4), slice(-100, 100, 3).indices(7))
print(slice(10, 0, -2).indices(5), slice(0, 0).indices(0), slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
data = list('abcdefgh')
cut = slice(1, 7, 2)
print(data[cut], 'abcdefgh'[cut], tuple(data)[cut], range(20)[cut], b'abcdefgh'[cut])
print(slice(1, 2) < slice(1, 3), slice('a', 'b').start, slice(None).stop)
for bad in [lambda: slice(), lambda: slice(1, 2, 3, 4), lambda: slice(1).indices('a'),
            lambda: hash(slice(1))]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)
for bad in [lambda: slice(1, 2, 0).indices(5), lambda: slice(1).indices(-1)]:
    try:
        bad()
    except ValueError as exc:
        print('ValueError:', exc)
