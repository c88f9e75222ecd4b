# collections.ChainMap: lookups through the maps, writes to the first.
from collections import ChainMap
import collections.abc
defaults = {'color': 'red', 'user': 'guest', 'size': 1}
args = {'user': 'ann'}
cm = ChainMap(args, defaults)
print(cm, cm['user'], cm['color'], len(cm), list(cm), 'size' in cm, 'x' in cm)
print(cm.get('x'), cm.get('x', 0), cm.get('user'), sorted(cm.items()), dict(cm))
cm['size'] = 2
print(args, defaults['size'], cm['size'])
child = cm.new_child()
child['user'] = 'bob'
print(child, child['user'], child.parents, child.parents['user'], child.maps[1] is args)
print(cm.new_child({'a': 1}), cm.new_child(b=2), ChainMap(), bool(ChainMap()), bool(cm))
print(cm.pop('size'), cm, cm.copy(), type(cm.copy()).__name__)
print(cm | {'k': 1}, ChainMap({'a': 1}, {'b': 2}).maps)
scopes = ChainMap({'x': 1})
inner = scopes.new_child({'y': 2})
print(inner['x'], inner['y'], list(inner.keys()), list(inner.values()))
print(isinstance(cm, collections.abc.MutableMapping), isinstance(cm, dict))
d = {}; d.update(cm); print(d)
for bad in [lambda: cm['missing'], lambda: cm.__delitem__('color'),
            lambda: cm.pop('color'), lambda: ChainMap({}, {'a': 1}).popitem()]:
    try:
        bad()
    except KeyError as e:
        print('KeyError', e)
del cm['user']; print(cm, cm['user'])
cm.clear(); print(cm, len(cm))
