print(sum([]), sum([1, 2, 3]), sum([1, 2, 3], 10), sum(range(101)))
print(sum([0.1] * 10), sum([1, 2.5]), sum([True, True, False]), sum([], 7.5))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([10 ** 20, 10 ** 20]))
print(sum([1 + 2j, 3]), sum(x * x for x in range(4)), sum([2 ** 62, 2 ** 62, 2 ** 62]))
print(sum([1, 2], start=100), sum(iter([0.5, 0.25]), start=1))
for bad in [lambda: sum(['a', 'b'], ''), lambda: sum([1, 'x']), lambda: sum(5), lambda: sum([b'a'], b'')]:
    try:
        print(bad())
    except TypeError as exc:
        print('TypeError:', exc)
print(any([]), any([0, 0.0, '']), any([0, 'x']), any(iter([None, [0]])))
print(all([]), all([1, 'a', [0]]), all([1, 0, 1]), all(x > 0 for x in [1, 2, 3]))
print(any(range(0)), all(range(1, 5)), any({0: 'a'}), all({1: 0, 2: 0}))
seen = []


def mark(v):
    seen.append(v)
    return v


print(any(map(mark, [0, 3, 4])), seen)
seen.clear()
print(all(map(mark, [1, 0, 4])), seen)
try:
    any(3)
except TypeError as exc:
    print('TypeError:', exc)
