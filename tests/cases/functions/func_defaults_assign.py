# Assigning __defaults__ / __kwdefaults__ changes what calls use.
def f(a, b=1, c=2):
    return (a, b, c)

print(f.__defaults__, f(0))
f.__defaults__ = (10, 20)
print(f.__defaults__, f(0), f(0, c=5))
f.__defaults__ = (7, 8, 9)
print(f(), f(1))
f.__defaults__ = None
print(f.__defaults__)
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)
try:
    f.__defaults__ = [1]
except TypeError as e:
    print("TypeError:", e)

def g(*, k=1, m=2):
    return (k, m)

print(g.__kwdefaults__, g())
g.__kwdefaults__ = {"k": 5, "m": 6}
print(g.__kwdefaults__, g(), g(m=0))
g.__kwdefaults__ = None
try:
    g()
except TypeError as e:
    print("TypeError:", e)
try:
    g.__kwdefaults__ = (1,)
except TypeError as e:
    print("TypeError:", e)
print("__defaults__" in f.__dict__)
del f.__defaults__, g.__kwdefaults__
print(f.__defaults__, g.__kwdefaults__)
