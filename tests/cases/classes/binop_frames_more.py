# Special-method operators with subclasses, inside generators, and a
# reflected method after the forward one returned NotImplemented.
class A:
    def __init__(self, v): self.v = v
    def __add__(self, o):
        if isinstance(o, A): return A(self.v + o.v)
        return NotImplemented
    def __repr__(self): return f"A({self.v})"
class S(A):
    pass
print(S(1) + A(2), A(1) + S(2))
def gen():
    yield A(1) + A(10)
    yield A(2) + A(20)
print(list(gen()))
class N:
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return "N.radd"
print(1 + N())
