# __new__ and __init__: who gets which arguments, and CPython's errors.
class Tracked:
    def __new__(cls, *args, **kwargs):
        print('new', cls.__name__, args, kwargs)
        return super().__new__(cls)
    def __init__(self, a, b=2):
        print('init', a, b)
        self.total = a + b

t = Tracked(1, b=5)
print(t.total, type(t).__name__)

class Cached:
    _cache = {}
    def __new__(cls, key):
        if key not in cls._cache:
            cls._cache[key] = object.__new__(cls)
        return cls._cache[key]
    def __init__(self, key): self.key = key
print(Cached('a') is Cached('a'), Cached('a') is Cached('b'), Cached('b').key)

class Other:
    def __new__(cls): return 'not an instance'
    def __init__(self): print('never printed')
print(Other())

class NoInit: pass
class NewOnly:
    def __new__(cls, x): return super().__new__(cls)
class BadInit:
    def __init__(self): return 5
print(type(NewOnly(3)).__name__, NoInit.__init__ is object.__init__, NoInit.__new__ is object.__new__)
for f in [lambda: NoInit(1), lambda: NoInit(x=1), lambda: BadInit(), lambda: object.__new__(1),
          lambda: object.__new__(int), lambda: object.__new__(NewOnly, 1), lambda: object.__init__(),
          lambda: object.__init__(t, 1), lambda: object.__init__(NoInit(), 1), lambda: Tracked(),
          lambda: super(Tracked, t).__init__(1)]:
    try:
        print(f())
    except TypeError as e:
        print(type(e).__name__, e)
