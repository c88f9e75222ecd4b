# Class calls run __init__ as a frame of the loop: results, errors, recursion.
class P:
    def __init__(self, x, y):
        self.x = x; self.y = y
    def __repr__(self): return f"P({self.x}, {self.y})"
print(P(1, 2), [P(i, i) for i in range(3)])
class R:
    def __init__(self):
        return 3
try:
    R()
except TypeError as e:
    print(e)
class G:
    def __init__(self):
        yield 1
try:
    G()
except TypeError as e:
    print(e)
class E:
    def __init__(self, a):
        raise ValueError(a)
try:
    E(5)
except ValueError as e:
    print(repr(e))
class S:
    def __init__(self, n):
        self.n = n
        self.child = S(n - 1) if n else None
s = S(3); print(s.child.child.child.n, s.child.child.child.child)
class W:
    def __init__(self, a, b=2): self.s = a + b
print(W(1).s, W(1, 5).s)
def deep(n): return deep(n - 1) if n else S(2)
print(deep(10).n)
