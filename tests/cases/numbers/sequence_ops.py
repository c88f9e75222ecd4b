# Concatenation, repetition, containment and in-place list operations.
print('ab' + 'cd', [1] + [2, 3], (1,) + (2,), 'ab' * 3, 3 * [0], (1, 2) * 2, 'x' * 0, [1] * -2)
a = [1, 2]
b = a
a += [3]
a += (4, 5)
a += 'xy'
print(a, b is a)
a *= 2
print(len(b), b[-1])
t = (1,)
t += (2,)
print(t)
print('ell' in 'hello', '' in 'abc', 'z' not in 'abc', 2 in [1, 2], 3 in (1, 2), 'k' in {'k': 1}, 1 in {1, 2})
print(5 in range(0, 10, 5), 6 in range(0, 10, 5), -3 in range(0, -10, -3), 2.0 in range(3), 10 in range(10))
print({1: 2} | {3: 4}, {1, 2} | {3}, {1, 2} & {2, 3}, {1, 2} - {2}, {1, 2} ^ {2, 3})
d = {'a': 1}
d |= {'b': 2}
d |= [('c', 3)]
print(d)
cases = [lambda: 'a' + 1, lambda: [1] + (1,), lambda: (1,) + [1], lambda: 'a' * 1.5,
         lambda: 1 + 'a', lambda: 1 in 5, lambda: 1 in 'a', lambda: [] in {1},
         lambda: 'x' * (2 ** 70)]
for expr in cases:
    try:
        print(expr())
    except Exception as e:
        print(type(e).__name__, e)
