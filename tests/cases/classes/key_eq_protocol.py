# Key equality: identity first, then the stored key's __eq__ on a hash match.
calls = []
class K:
    def __init__(self, n, h):
        self.n, self.h = n, h
    def __hash__(self):
        return self.h
    def __eq__(self, o):
        calls.append((self.n, getattr(o, "n", o)))
        return isinstance(o, K) and self.n == o.n
a, b, c = K(1, 5), K(2, 5), K(3, 6)
d = {a: "a", b: "b", c: "c"}
calls.clear()
print(d[a], calls)
calls.clear()
print(d[K(2, 5)], calls)
calls.clear()
print(K(3, 7) in d, calls)
class Raiser(K):
    def __eq__(self, o):
        raise RuntimeError("eq failed")
    __hash__ = K.__hash__
e = {(r := Raiser(0, 9)): 1}
try:
    e[K(0, 9)]
except RuntimeError as err:
    print("RuntimeError:", err)
print(e[r])
class Mutator(K):
    def __eq__(self, o):
        box.clear()
        return False
    __hash__ = K.__hash__
box = {Mutator(1, 3): 1}
print(Mutator(2, 3) in box, box)
class Same(K):
    __hash__ = K.__hash__
    def __eq__(self, o):
        return True
print({1.0: "f", Same(0, 1): "s"}, {Same(0, 1): "s"}.get(1), 1 in {Same(0, 1)})
