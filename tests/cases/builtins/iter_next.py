it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, None), next(it, 'again'))
try:
    next(it)
except StopIteration as exc:
    print('StopIteration', repr(exc), exc.args)
s = iter('ab')
print(iter(s) is s, list(s), list(s))
d = iter({'one': 1, 'two': 2})
print(next(d), next(d))
stack = [0, 10, 20, 30, 40]
print(list(iter(stack.pop, 20)), stack)
counter = [0]


def tick():
    counter[0] += 1
    return counter[0]


print(list(iter(tick, 5)))
print(next(iter(range(100, 200))), next(iter((7,))), list(iter(b'AB')))
for bad in [lambda: iter(5), lambda: next([1]), lambda: iter(5, 0), lambda: next(5, 1)]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)
