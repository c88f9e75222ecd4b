# collections.OrderedDict: move_to_end, popitem(last=), order-sensitive ==.
from collections import OrderedDict
import copy
od = OrderedDict([('a', 1), ('b', 2), ('c', 3)])
print(od, list(od), od['b'], len(od), 'c' in od)
od.move_to_end('a'); print(od)
od.move_to_end('c', last=False); print(od)
od.move_to_end('c'); od.move_to_end('b', False); print(list(od.items()))
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(), repr(OrderedDict(x=1)), OrderedDict.fromkeys('xy', 0))
o1, o2 = OrderedDict(a=1, b=2), OrderedDict(b=2, a=1)
print(o1 == o2, o1 != o2, o1 == dict(o2), dict(o2) == o1, o1 == {'b': 2, 'a': 1})
print(o1 == OrderedDict(a=1, b=2), o1 != OrderedDict(a=1, b=2))
print(o1 | {'c': 3}, {'z': 0} | o1, o1.copy(), type(o1.copy()).__name__)
print(copy.copy(o1), copy.deepcopy(o1), list(reversed(o1)))
o1['z'] = 26; o1['a'] = 0; del o1['b']
print(o1, o1.setdefault('n', 5), o1.pop('z'), o1)
o1.update([('q', 1)], r=2); print(o1, isinstance(o1, dict))
lru = OrderedDict()
for key in [1, 2, 3, 1, 4]:
    if key in lru:
        lru.move_to_end(key)
    lru[key] = str(key)
    if len(lru) > 3:
        lru.popitem(last=False)
print(lru)
for bad in [lambda: OrderedDict().popitem(), lambda: od.move_to_end('missing'),
            lambda: OrderedDict(a=1)['b']]:
    try:
        bad()
    except KeyError as e:
        print('KeyError', e)
try:
    OrderedDict(1)
except TypeError as e:
    print('TypeError', e)
