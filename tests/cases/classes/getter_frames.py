# Property getters and unary special methods run as frames of the loop:
# shadowing, setters, AttributeError with and without __getattr__.
class P:
    def __init__(self, x): self._x = x
    @property
    def x(self): return self._x * 2
    @x.setter
    def x(self, v): self._x = v
    @property
    def bad(self): raise AttributeError("nope")
    def __neg__(self): return P(-self._x)
    def __invert__(self): return "inv"
    def __pos__(self): return NotImplemented
p = P(3)
print(p.x, (-p).x, ~p, +p)
p.x = 10
print(p.x, p.__dict__)
p.__dict__["x"] = "shadow"
print(p.x)
try:
    p.bad
except AttributeError as e:
    print("AttributeError", e)
class G(P):
    def __getattr__(self, name): return "getattr " + name
g = G(1)
print(g.bad, g.x, g.missing)
class Q(P):
    x = property(lambda self: "lambda getter")
print(Q(1).x, [P(i).x for i in range(3)])
def deep(n):
    class R:
        @property
        def r(self): return self.r
    try:
        R().r
    except RecursionError:
        print("recursion")
deep(1)
