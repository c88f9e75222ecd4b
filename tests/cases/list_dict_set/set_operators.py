a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a <= b, {3} <= b, {3, 4} < b, b < b, b <= b, a >= {1}, a > a, a == {4, 3, 2, 1}, a != b)
print(3 in a, 9 not in a, len(a | b), set() == frozenset(), {1} < frozenset({1, 2}))
c = set(a)
c |= {10}
c &= {1, 2, 10, 11}
c -= {2}
c ^= {1, 7}
print(c)
fs = frozenset([1, 2])
print(fs | {3}, {3} | fs, fs & {2}, type(fs | {3}).__name__, type({3} | fs).__name__, fs - fs)
print(frozenset({1, 2}) == {1, 2}, hash(frozenset()) == hash(frozenset([])), {frozenset({1}): 'k'})
print(sorted({'x', 'y'} | {'z'}), set(), frozenset(), {0, False, 0.0}, {1, True, 1.0})
for bad in [lambda: a | [1], lambda: a & 5, lambda: a - 'ab', lambda: a < [1], lambda: fs ^ None]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)
try:
    c |= [1]
except TypeError as exc:
    print('TypeError:', exc)
