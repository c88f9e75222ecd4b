# __setattr__ and __delattr__ overrides with object.__setattr__ and super().
class Recorder:
    def __setattr__(self, name, value):
        print('set', name, value)
        super().__setattr__(name, value * 2)
    def __delattr__(self, name):
        print('del', name)
        object.__delattr__(self, name)

r = Recorder()
r.a = 21
setattr(r, 'b', 'x')
print(r.a, r.b, sorted(vars(r)))
del r.a
print(sorted(vars(r)), hasattr(r, 'a'))

class Frozen:
    def __init__(self, x): object.__setattr__(self, 'x', x)
    def __setattr__(self, name, value): raise AttributeError(f'{name} is frozen')
    def __delattr__(self, name): raise AttributeError(f'cannot delete {name}')
f = Frozen(3)
print(f.x)

class Plain: pass
p = Plain()
object.__setattr__(p, 'y', 4)
print(p.y, p.__dict__)
object.__delattr__(p, 'y')
print(p.__dict__)
for fn in [lambda: setattr(f, 'x', 4), lambda: delattr(f, 'x'), lambda: delattr(r, 'zz'),
           lambda: object.__setattr__(1, 'x', 2), lambda: object.__setattr__(Plain, 'x', 2),
           lambda: object.__delattr__(p, 'y'), lambda: object.__setattr__(p, 5, 1),
           lambda: setattr(object(), 'x', 1), lambda: p.__setattr__('only_name')]:
    try:
        fn()
        print('ok')
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
