d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 0))
print(d.setdefault('c', 3), d.setdefault('a', 9))
print(list(d.items()))
print(d.pop('b'), d.pop('zz', 'none'))
try:
    d.pop('zz')
except KeyError as e:
    print(type(e).__name__, e.args)
d.update({'x': 10}, y=20)
d.update([('p', 1), ('q', 2)])
print(list(d.keys()), list(d.values()))
print(d.popitem(), len(d))
e = d.copy()
e.update(new=1)
print(len(d), len(e))
e.clear()
print(len(e), list(e))
try:
    e.popitem()
except KeyError as err:
    print(type(err).__name__, err.args)
f = dict.fromkeys('abc', 0)
print(list(f.items()))
g = dict([(1, 'one'), (2, 'two')], three=3)
print(list(g.items()))
print(list(dict(zip('xy', [1, 2])).items()))
try:
    dict([1])
except TypeError as err:
    print(type(err).__name__, err.args)
try:
    dict(['a'])
except ValueError as err:
    print(type(err).__name__, err.args)
try:
    for k in d:
        d.setdefault((k,), 1)
except RuntimeError as err:
    print(type(err).__name__, err.args)
