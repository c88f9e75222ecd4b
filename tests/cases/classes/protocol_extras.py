MISSING = object()
print(type(MISSING).__name__, MISSING is MISSING, MISSING == object(), str(MISSING)[:15])
print({MISSING: 1}.get(MISSING), {}.get('k', MISSING) is MISSING)
class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, scale=1): return (x + self.n) * scale
add2 = Adder(2)
print(add2(3), add2(3, scale=10), callable(add2), callable(MISSING), list(map(add2, [1, 2])))
class Squares:
    def __getitem__(self, i):
        if i >= 4: raise IndexError(i)
        return i * i
print(list(Squares()), 9 in Squares(), sorted(Squares(), reverse=True))
for a, b in zip(Squares(), 'xyz'): print(a, b)
obj = Adder(5)
obj.extra = 'e'
print(vars(obj))
delattr(obj, 'extra')
print(vars(obj), hasattr(obj, 'extra'))
try: delattr(obj, 'extra')
except AttributeError as e: print('AttributeError:', e)
def f(): pass
f.tag = 1
print(vars(f)); del f.tag; print(vars(f))
print(Ellipsis, ... is Ellipsis, NotImplemented, type(NotImplemented).__name__)
for bad in (lambda: object(1), lambda: setattr(MISSING, 'a', 1)):
    try: bad(); print('ok')
    except (TypeError, AttributeError) as e: print(type(e).__name__, e)
try: format(5, '.2s')
except ValueError as e: print(e)
