# collections.deque and the collections.abc classes (isinstance, mixins).
from collections import deque
import collections
import collections.abc as cabc
d = deque([1, 2, 3], maxlen=4)
d.append(4); d.append(5); d.appendleft(0)
print(d, d.maxlen, len(d), d[0], d[-1], list(reversed(d)), 3 in d)
d.rotate(1); print(d, d.popleft(), d.pop(), d)
d.extend("ab"); d.extendleft([7, 8]); print(d, d.count(7), d.index(2) if 2 in d else None)
e = deque()
print(e, bool(e), deque(range(3)) == deque([0, 1, 2]), collections.abc is cabc)
for bad in [e.pop, e.popleft, lambda: d.remove(99), lambda: deque(maxlen=-1)]:
    try:
        bad()
    except (IndexError, ValueError) as ex:
        print(type(ex).__name__, ex)
print(isinstance(d, cabc.MutableSequence), isinstance([], cabc.Sequence), isinstance((), cabc.MutableSequence))
print(isinstance({}, cabc.Mapping), isinstance({}.keys(), cabc.Set), isinstance("", cabc.Iterable), isinstance(1, cabc.Iterable))
print(isinstance(iter([]), cabc.Iterator), isinstance(len, cabc.Callable), isinstance((x for x in []), cabc.Generator))
print(issubclass(set, cabc.MutableSet), issubclass(frozenset, cabc.MutableSet), issubclass(dict, cabc.Sized))
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
print(isinstance(It(), cabc.Iterable), isinstance(It(), cabc.Iterator), isinstance(It(), cabc.Sized), issubclass(It, cabc.Collection))
class M(cabc.Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = M({"a": 1, "b": 2})
print(m.get("a"), m.get("z", 0), "a" in m, list(m.keys()), list(m.items()), list(m.values()))
print(m == {"a": 1, "b": 2}, isinstance(m, cabc.Mapping), isinstance(m, cabc.MutableMapping))
class Seq(cabc.Sequence):
    def __getitem__(self, i): return [10, 20, 30][i]
    def __len__(self): return 3
s = Seq()
print(list(s), 20 in s, s.index(30), s.count(10), list(reversed(s)), len(s))
cabc.Sequence.register(It)
print(issubclass(It, cabc.Sequence), issubclass(It, cabc.Reversible), issubclass(It, cabc.Mapping))
