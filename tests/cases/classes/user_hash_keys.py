# Instances with their own __hash__/__eq__ as dict keys and set members.
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return isinstance(o, P) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"P({self.x}, {self.y})"

d = {P(1, 2): "a", P(3, 4): "b"}
print(d[P(1, 2)], P(3, 4) in d, P(5, 6) in d, d.get(P(3, 4)))
d[P(1, 2)] = "c"
print(len(d), d)
print(d.pop(P(3, 4)), d.setdefault(P(1, 2), "z"), d.setdefault(P(7, 7), "n"))
del d[P(7, 7)]
print(d, list(d.keys()), P(1, 2) in d.keys(), (P(1, 2), "c") in d.items())
s = {P(1, 1), P(1, 1), P(2, 2)}
print(len(s), P(2, 2) in s, sorted(s, key=lambda p: p.x))
s.add(P(2, 2)); s.discard(P(1, 1)); print(s)
s.remove(P(2, 2)); print(s, len({P(0, 0)} | {P(0, 0)}), {P(1, 1)} & {P(1, 1), P(2, 2)})
print({P(1, 1)} == {P(1, 1)}, {P(1, 1)} <= {P(1, 1), P(3, 3)}, {P(1, 1)} ^ {P(1, 1)})
print(frozenset([P(4, 4)]) == frozenset([P(4, 4)]), hash(frozenset([P(4, 4)])) == hash(frozenset([P(4, 4)])))
print({P(i % 3, 0): i for i in range(9)})
print({P(i % 2, 0) for i in range(9)})
print(dict.fromkeys([P(1, 1), P(1, 1)]), dict([(P(0, 1), 1), (P(0, 1), 2)]))
print({(P(1, 2), 3): "t"}[(P(1, 2), 3)], hash((P(1, 2), 3)) == hash(((1, 2), 3)))
try:
    d[P(9, 9)]
except KeyError as e:
    print("KeyError", e)
try:
    s.remove(P(9, 9))
except KeyError as e:
    print("KeyError", e)
