# collections.Counter: counting, most_common, elements, arithmetic, repr.
from collections import Counter
c = Counter('abracadabra')
print(c, c['a'], c['z'], 'z' in c, c.total(), len(c))
print(c.most_common(2), c.most_common(0), Counter('abcab').most_common())
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1).elements()))
print(Counter({'x': 3, 'y': 1}), Counter(x=1, y=2), Counter(['p', 'q', 'p']))
c.update('aaz'); c.update({'b': 10}, r=1); c.subtract({'d': 5}); c.subtract('c')
print(c)
p, q = Counter(a=3, b=1, c=2), Counter(a=1, b=2, d=-1)
print(p + q, p - q, p | q, p & q)
print(+Counter(a=1, b=-2, c=0), -Counter(a=1, b=-2), Counter(), repr(Counter()))
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) != Counter(a=2), Counter(a=1) == {'a': 1})
print(Counter('ab') <= Counter('aab'), Counter('aab') < Counter('ab'), Counter('aab') >= Counter('ab'))
x = Counter(a=1, b=5)
x += Counter(a=-3, c=2); print(x)
x -= Counter(b=1); print(x)
x |= Counter(c=7); x &= Counter(b=2, c=3); print(x)
del x['nope']; del x['b']; print(x, x.copy(), type(x.copy()).__name__)
words = Counter()
for w in 'one two two three three three'.split():
    words[w] += 1
print(words, dict(words), words.most_common(1))
try:
    Counter.fromkeys('ab')
except NotImplementedError as e:
    print('NotImplementedError', e)
for bad in [lambda: Counter() + 1, lambda: hash(Counter()), lambda: Counter(5)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
class Tally(Counter):
    pass
print(Tally('aab'), Counter('aab') == Tally('aab'), 'got %s' % Tally('ab'))
