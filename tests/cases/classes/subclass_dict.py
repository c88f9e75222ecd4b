class D(dict):
    def __missing__(self, k):
        return k * 2

d = D(a=1)
d["b"] = 2
print(d, d["a"], d["zz"], d.get("q"), list(d.items()), len(d), "a" in d, "zz" in d)
print(type(d).__name__, isinstance(d, dict), dict(d), sorted(d), d == {"a": 1, "b": 2})

class Counter(dict):
    def __init__(self, words):
        super().__init__()
        for w in words:
            self[w] = self.get(w, 0) + 1

    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)

c = Counter(["x", "y", "x"])
print(c, c.keys(), list(c.values()), c.pop("X"), c)
del c["Y"]
print(c, bool(c))
try:
    c["nothing"]
except KeyError as e:
    print("KeyError", e)

class P(dict):
    pass

p = P([(1, 2)], z=3)
p.update({4: 5})
print(p, p.copy(), type(p.copy()).__name__, {**p})
try:
    del p["missing"]
except KeyError as e:
    print("KeyError", e)
