# __getattribute__ overrides, object.__getattribute__, and __getattr__ fallbacks.
class Traced:
    def __init__(self): self.x = 1
    def __getattribute__(self, name):
        if name == 'hidden':
            raise AttributeError('hidden is hidden')
        value = object.__getattribute__(self, name)
        return ('traced', value) if name == 'x' else value
    def __getattr__(self, name): return 'fallback:' + name
    def method(self): return 'method called'

t = Traced()
print(t.x, t.hidden, t.missing, t.method(), getattr(t, 'other'), hasattr(t, 'anything'))

class ViaSuper:
    def __getattribute__(self, name):
        return super().__getattribute__(name.lower())
    def shout(self): return 'shout'
v = ViaSuper(); v.value = 5
print(v.VALUE, v.SHOUT(), type(v).__name__, v.__class__.__name__)

class Prop:
    broken = property(lambda self: object().missing)
    def __getattr__(self, name): return 'rescued ' + name
print(Prop().broken)

class Late: pass
obj = Late()
Late.__getattr__ = lambda self, name: 'late ' + name
print(obj.anything)
del Late.__getattr__
class Child(Late): pass
Late.__getattribute__ = lambda self, name: 'always ' + name
print(obj.a, Child().b)
for f in [lambda: object.__getattribute__(Traced(), 'nope'), lambda: object.__getattribute__(t, 1),
          lambda: Late.__dict__['nope'], lambda: object.__getattribute__(t)]:
    try:
        print(f())
    except (AttributeError, TypeError, KeyError) as e:
        print(type(e).__name__, e)
