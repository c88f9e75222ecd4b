# copy.copy/deepcopy of instances of dict and list subclasses keep their
# items and attributes; dict() and dict.update() accept a class's mapping.
import copy
class Config(dict):
    pass
class Stack(list):
    pass
c = Config(a=[1], b=2); c.name = 'cfg'
s = Stack([1, [2]]); s.top = 'x'
for f in (copy.copy, copy.deepcopy):
    c2, s2 = f(c), f(s)
    print(type(c2).__name__, c2, c2.name, c2['a'] is c['a'])
    print(type(s2).__name__, s2, s2.top, s2[1] is s[1])
class Pairs:
    def __init__(self, data):
        self.data = data
    def keys(self):
        return [k for k in self.data]
    def __getitem__(self, key):
        return self.data[key] * 10
p = Pairs({'x': 1, 'y': 2})
d = dict(p); d.update(p, z=0)
print(d, dict(p, w=5))
