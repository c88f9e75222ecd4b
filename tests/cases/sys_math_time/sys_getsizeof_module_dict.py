import sys


class A:
    def __sizeof__(self):
        return -1


class B:
    def __sizeof__(self):
        return 'x'


class C:
    def __sizeof__(self):
        return 10


for o in (A(), B()):
    try:
        sys.getsizeof(o)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(sys.getsizeof(C()), sys.getsizeof(B(), 5))
print(sys.getsizeof([1, 2]) > 0, sys.getsizeof('abc') > 0, sys.getsizeof(1) > 0)
print(sys.getsizeof([1] * 100) > sys.getsizeof([]), type(sys.getsizeof({})))
try:
    sys.getsizeof()
except TypeError as e:
    print(e)
print(type(sys.__dict__), sys.__dict__['__name__'], sys.__dict__ is vars(sys))
import math
print(math.__dict__['pi'] == math.pi)
