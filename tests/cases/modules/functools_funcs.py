from functools import reduce, partial, wraps, lru_cache, cache, total_ordering, cached_property, cmp_to_key
print(reduce(lambda a, b: a * b, [1, 2, 3, 4]), reduce(lambda a, b: a + b, [], 'init'), reduce(max, [3, 9, 2]))
try: reduce(max, [])
except TypeError as e: print('TypeError:', e)
p = partial(int, base=2); print(p('101'), partial(pow, 2)(5), partial(print, sep='-')(1, 2))
def deco(f):
    @wraps(f)
    def inner(*a, **k): return f(*a, **k) * 2
    return inner
@deco
def double_me(x):
    """Doc."""
    return x
print(double_me(4), double_me.__name__, double_me.__doc__, double_me.__wrapped__(4))
@lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
@cache
def sq(x): return x * x
print(sq(3), sq(3), sq.cache_info().hits)
@lru_cache
def ident(x): return x
print(ident(1), ident(1), ident.cache_info())
@total_ordering
class V:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return self.n == o.n
    def __lt__(self, o): return self.n < o.n
print(V(1) < V(2), V(1) > V(2), V(2) >= V(2), V(3) <= V(2), sorted([V(3), V(1)], key=lambda v: v.n)[0].n)
class C:
    calls = 0
    @cached_property
    def value(self):
        C.calls += 1
        return 42
c = C(); print(c.value, c.value, C.calls, 'value' in vars(c))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
