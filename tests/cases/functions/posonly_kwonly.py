# Positional-only (/) and keyword-only (*) parameters together.
def f(a, b=2, /, c=3, *, d, e=5):
    return (a, b, c, d, e)

def g(x, /, *rest, y, **kw):
    return x, rest, y, kw

print(f(1, d=4))
print(f(1, 20, 30, d=40, e=50))
print(f(1, c=33, d=4))
print(g(1, 2, 3, y=4, z=5))
try:
    f(a=1, d=2)
except TypeError as e:
    print("TypeError", e)
