# super() and object.* reaching object's own methods from user classes.
class Base:
    def __init__(self, name):
        super().__init__()
        self.name = name
    def __repr__(self):
        default = super().__repr__()
        return f'Base({self.name}) default starts {default[:14]!r}'
    def __str__(self): return 'str:' + super().__str__()[:4]
    def __setattr__(self, key, value):
        super().__setattr__(key, str(value).upper())
    def __getattribute__(self, key):
        return object.__getattribute__(self, key)

class Child(Base):
    def __init__(self, name, extra):
        super().__init__(name)
        object.__setattr__(self, 'extra', extra)

c = Child('ab', 3)
print(repr(c), str(c), c.name, c.extra, [c.__class__.__name__])
print(Child.__init__ is Base.__init__, Base.__repr__ is not object.__repr__, object.__init__)
print(object.__repr__, object.__str__, object.__setattr__, type.__call__, type.__dict__['mro'])
print(Child.__mro__[-1].__init_subclass__.__name__, Child.__init_subclass__.__self__)
for f in [lambda: object.__repr__(), lambda: object.__str__(1, 2), lambda: super(Base, c).__missing__,
          lambda: object.__setattr__(c, 'x'), lambda: Base.__init__(c)]:
    try:
        print(f())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
