print(list(map(abs, [-1, 2, -3])), list(map(str, range(3))), list(map(len, [])))
print(list(map(pow, [2, 3, 4], [3, 2])), list(map(lambda a, b, c: a + b + c, 'ab', 'cd', 'ef')))
print(list(map(int, ['1', '-20', ' 3 '])), list(map(str.upper, ['a', 'b'])))
m = map(lambda x: x * 10, [1, 2, 3])
print(next(m), list(m), list(m))
print(list(filter(None, [0, 1, False, True, '', 'a', [], [0], None])))
print(list(filter(lambda n: n % 3 == 0, range(10))), list(filter(str.isdigit, 'a1b22c')))
f = filter(None, iter([0, 5, 0, 6]))
print(next(f), next(f), next(f, 'stop'))
print(tuple(map(float, '123')), sorted(filter(lambda s: len(s) > 1, ['aa', 'b', 'ccc'])))
try:
    list(map(int, ['1', 'x']))
except ValueError as exc:
    print('ValueError:', exc)
for bad in [lambda: map(len), lambda: map(len, 5), lambda: filter(None, 3), lambda: list(map(5, [1]))]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)
