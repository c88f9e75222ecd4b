d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 0), d.setdefault('c', 3), d.setdefault('a', 99), d)
print(d.pop('b'), d.pop('zz', 'dflt'), d)
d.update({'x': 10}, y=20)
d.update([('z', 30), ('a', 0)])
d.update(w=40)
print(d)
print(d.popitem(), d.popitem(), d)
print(list(d.keys()), list(d.values()), list(d.items()))
e = d.copy()
e['new'] = 1
print(d, e, e is d)
e.clear()
print(e, len(e))
print(dict.fromkeys(['p', 'q']), dict.fromkeys(range(3), 'v'), dict.fromkeys(''))
print(dict(), dict(a=1), dict([('k', 'v')]), dict({1: 2}, b=3), dict(zip('ab', 'cd')))
print({1: 'a'} | {2: 'b'}, {1: 'a', 2: 'b'} | {1: 'A'})
f = {1: 'x'}
f |= {2: 'y'}
f |= [(3, 'z')]
print(f, sorted(f), reversed(f) is not None, list(reversed(f)))
for bad in [lambda: {}.pop('k'), lambda: {}.popitem(), lambda: {'a': 1}['b']]:
    try:
        bad()
    except KeyError as exc:
        print('KeyError:', exc, repr(exc))
for bad in [lambda: {}.update(5), lambda: {}.update([1]), lambda: dict([(1, 2, 3)]), lambda: {}.get(),
            lambda: {[]: 1}, lambda: {}.setdefault({}, 1), lambda: {1: 2} | [(3, 4)], lambda: {}.pop()]:
    try:
        bad()
    except (TypeError, ValueError) as exc:
        print(type(exc).__name__ + ':', exc)
