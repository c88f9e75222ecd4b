from collections import OrderedDict


class MyDict(dict):
    pass


A = type("A", (), OrderedDict(a=1, b=2, c=3))
print([k for k in A.__dict__ if not k.startswith('__')], A.a, A.c)
B = type("B", (A,), MyDict(x=lambda self: 42))
print(B().x(), B.b, B.__mro__[1] is A)
try:
    type("C", (), [('a', 1)])
except TypeError as e:
    print(e)
