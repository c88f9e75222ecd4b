# Metaclass conflicts, callable metaclasses and type.__new__'s argument checks.
class M1(type): pass
class M2(type): pass
class A(metaclass=M1): pass
class B(metaclass=M2): pass
class M3(M1, M2): pass

def factory(name, bases, ns, **kw):
    return f'{name}{bases} with {sorted(k for k in ns if not k.startswith("__"))} {kw}'

class NotAClass(metaclass=factory, flag=1):
    x = 1
print(NotAClass)

class C(A, B, metaclass=M3): pass
print(type(C).__name__, [t.__name__ for t in type(C).__mro__])

class Prep(type):
    @classmethod
    def __prepare__(mcls, name, bases): return 42

for f in [lambda: type('AB', (A, B), {}), lambda: M1('X', (B,), {}),
          lambda: type.__new__(M1), lambda: type.__new__(M1, 'X'), lambda: type.__new__(int, 'X', (), {}),
          lambda: type.__new__(1), lambda: type('X', 1, {}), lambda: type('X', (), []), lambda: type(1, (), {}),
          lambda: type('X', (1,), {}), lambda: type(), lambda: type('a', 'b'), lambda: type.__init__(A, 1, 2),
          lambda: Prep('Y', (), {}).__name__, lambda: M1.__call__(A).__class__.__name__]:
    try:
        print(f())
    except TypeError as e:
        print(type(e).__name__, e)
try:
    class AB(A, B): pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Bad(metaclass=Prep): pass
except TypeError as e:
    print(type(e).__name__, e)
