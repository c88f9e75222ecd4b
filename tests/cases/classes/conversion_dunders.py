# abs, int, float, complex, round and math.trunc/floor/ceil on instances.
import math

class Num:
    def __init__(self, v): self.v = v
    def __abs__(self): return Num(abs(self.v))
    def __int__(self): return int(self.v) + 100
    def __float__(self): return self.v / 2
    def __complex__(self): return complex(self.v, 1)
    def __round__(self, ndigits=None): return ('round', ndigits)
    def __trunc__(self): return 'trunc'
    def __floor__(self): return 'floor'
    def __ceil__(self): return 'ceil'

class OnlyIndex:
    def __index__(self): return 7

class OnlyFloat:
    def __float__(self): return 2.5

class Bad:
    def __int__(self): return 'x'
    def __float__(self): return 1
    def __complex__(self): return 2.0

n = Num(-3.7)
print(abs(n).v, int(n), float(n), complex(n), round(n), round(n, 2), round(n, None))
print(math.trunc(n), math.floor(n), math.ceil(n))
print(int(OnlyIndex()), float(OnlyIndex()), complex(OnlyIndex()), complex(OnlyFloat(), OnlyIndex()))
print(math.floor(OnlyFloat()), math.ceil(OnlyFloat()), math.sqrt(OnlyIndex()), math.sqrt(OnlyFloat()))
for f in [lambda: int(Bad()), lambda: float(Bad()), lambda: complex(Bad()), lambda: abs(object()),
          lambda: int(object()), lambda: float(object()), lambda: complex(object()), lambda: complex(1, object()),
          lambda: round(object()), lambda: round(object(), 1), lambda: math.trunc(OnlyFloat()),
          lambda: math.floor(object()), lambda: math.sqrt(object()), lambda: round(1.5, OnlyFloat())]:
    try:
        print(f())
    except TypeError as e:
        print(type(e).__name__, e)
