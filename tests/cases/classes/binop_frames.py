# Operators through Python special methods, run as frames of the loop:
# NotImplemented goes on to the reflected method, in-place falls back to
# the binary method, errors and recursion inside the method.
class A:
    def __init__(self, v): self.v = v
    def __add__(self, o):
        if isinstance(o, A): return A(self.v + o.v)
        return NotImplemented
    def __sub__(self, o): return NotImplemented
    def __mul__(self, k): return A(self.v * k)
    def __repr__(self): return f"A({self.v})"
class B:
    def __radd__(self, o): return "B.radd"
    def __rsub__(self, o): return "B.rsub"
class C(A):
    def __radd__(self, o): return "C.radd first"
print(A(1) + A(2), A(2) * 3)
print(A(1) + B(), A(1) - B())
print(A(1) + C(5))
for expr in (lambda: A(1) + 5, lambda: A(1) - A(2)):
    try:
        expr()
    except TypeError as e:
        print("TypeError:", e)
x = A(3)
x += A(4)
x *= 2
print(x)
class D:
    def __add__(self, o): raise ValueError("boom")
try:
    D() + 1
except ValueError as e:
    print("caught", e)
class R:
    def __add__(self, o): return self + o
try:
    R() + 1
except RecursionError as e:
    print("recursion", type(e).__name__)
