# Special methods whose signatures are not exactly (self, other) or (self):
# defaults, *args, keyword-only parameters and wrong arity are bound by the
# general path, with CPython's errors.
class A:
    def __add__(self): return 1
    def __sub__(self, o, extra=5): return extra
    def __mul__(self, *args): return args
    def __truediv__(self, o, *, k=2): return k
    def __neg__(self, *rest): return ("neg", rest)
    def __invert__(self, x): return x
    @property
    def p(self, default="d"): return default
try:
    A() + 1
except TypeError as e:
    print(e)
print(A() - 1, A() * 2, A() / 3, -A(), A().p)
try:
    ~A()
except TypeError as e:
    print(e)
