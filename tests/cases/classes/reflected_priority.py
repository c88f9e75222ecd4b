# A subclass's reflected operator goes first, as CPython decides it.
class A:
    def __add__(self, o): return "A.add"
    def __radd__(self, o): return "A.radd"
    def __lt__(self, o): return "A.lt"
    def __gt__(self, o): return "A.gt"
class B(A):
    def __radd__(self, o): return "B.radd"
    def __gt__(self, o): return "B.gt"
class Plain(A): pass
class D(A):
    def __radd__(self, o): return NotImplemented
class E(A):
    def __gt__(self, o): return NotImplemented
print(A() + B(), B() + A(), A() + A())
print(A() < B(), B() < A())
print(A() + Plain(), A() < Plain())
print(A() + D(), A() < E())
class C(int):
    def __radd__(self, o): return "C.radd"
    def __lt__(self, o): return "C.lt"
    def __gt__(self, o): return "C.gt"
print(1 + C(2), C(2) + 1, 1 < C(2), C(2) < 1)
class F(float):
    def __rsub__(self, o): return "F.rsub"
print(1.5 - F(2), F(2) - 1.5)
