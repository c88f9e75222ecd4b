# collections.defaultdict: __missing__, default_factory, repr, copy, |.
from collections import defaultdict
import copy
d = defaultdict(list)
d['a'].append(1); d['a'].append(2); d['b']
print(d, len(d), d.get('z'), 'z' in d, d.default_factory)
counts = defaultdict(int)
for word in 'the cat and the hat and the bat'.split():
    counts[word] += 1
print(counts, sorted(counts.items(), key=lambda kv: -kv[1])[0])
print(repr(defaultdict()), defaultdict(int, {'x': 1}, y=2), defaultdict.fromkeys('ab', 0))
c = d.copy(); c['c'] = 3
print(c, type(c).__name__, c is d, d)
print(copy.copy(d), copy.deepcopy(d) == d, isinstance(d, dict), 'd=%s' % d)
print(d | {'q': 1}, {'q': 1} | d, type({'q': 1} | d).__name__)
before = d
d |= {'r': 0}
print(d, d is before)
nested = defaultdict(lambda: defaultdict(int))
nested['x']['y'] += 5
print(nested['x']['y'], dict(nested['x']), list(nested))
d.default_factory = None
try:
    d['missing']
except KeyError as e:
    print('KeyError', e)
for bad in [3, 'abc']:
    try:
        defaultdict(bad)
    except TypeError as e:
        print('TypeError', e)
class Tally(defaultdict):
    pass
t = Tally(int, a=1); t['b'] += 2
print(t, dict(t), t.pop('a'), t)
