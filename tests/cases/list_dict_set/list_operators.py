a = [1, 2]
b = [3]
print(a + b, a * 3, 2 * b, a * 0, [] * 5, a == [1, 2], a != b, a < b, [1, 2] < [1, 2, 0], [2] > [1, 9])
print(1 in a, 5 in a, [1] in [[1], 2], a[0], a[-1], len(a + a), [[0] * 2] * 2)
c = a
c += [9]
print(a, c is a)
c *= 2
print(a)
c *= 0
print(a, c)
d = [[]] * 3
d[0].append('shared')
print(d)
print(list(), list('ab'), list((1, 2)), list({3: 4}), list(range(3)), list([5, 6]))
print([1, 2] == (1, 2), [] == [], [float('nan')] == [float('nan')])
n = float('nan')
print([n] == [n], n in [n])
for bad in [lambda: a + (1,), lambda: a * 1.0, lambda: a < (1,), lambda: [1] < ['a'], lambda: list(1)]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)
try:
    c += 5
except TypeError as exc:
    print('TypeError:', exc)
