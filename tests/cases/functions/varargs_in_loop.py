# *args functions bound in the evaluation loop, f(*t) through CALL, and
# the binder's errors.
def f(a, b=2, *rest, c=3, **kw):
    return (a, b, rest, c, kw)
def g(a, b=2, *rest, c=3):
    return (a, b, rest, c)
def h(*args):
    return args
def k(x, *args, y):
    return x, args, y
print(g(1), g(1, 5), g(1, 5, 6, 7), g(1, 5, 6, c=9), g(a=1), g(1, c=0))
print(h(), h(1), h(1, 2, 3), h(*[1, 2]), h(*(3, 4)), h(*range(3)))
print(f(1, 2, 3, d=4), f(*[1, 2, 3, 4]))
print(k(1, 2, 3, y=4), k(1, y=2))
for call in (lambda: g(), lambda: g(1, a=2), lambda: k(1, 2), lambda: g(1, d=3), lambda: h(a=1), lambda: k(*[])):
    try:
        call()
    except TypeError as e:
        print(e)
class C:
    def m(self, *a): return a
    def __init__(self, *a): self.a = a
print(C().m(1, 2), C(*[1, 2]).a, C().m(*(5,)))
print(max(*[3, 1, 2]), print(*["x", "y"], sep="-"))
def rec(n, *a):
    return rec(n + 1, *a)
try:
    rec(0, 1)
except RecursionError:
    print("recursion ok")
