# type(name, bases, dict) and the metaclass methods reachable from a class.
def init(self, x): self.x = x

Point = type('Point', (), {'__init__': init, 'dims': 2, 'norm': lambda self: abs(self.x)})
p = Point(-3)
print(Point, Point.__name__, Point.__qualname__, Point.__module__, Point.__bases__, p.norm(), p.dims)
Point3 = type('Point3', (Point,), {'dims': 3})
print(Point3.__mro__, Point3(4).x, Point3.dims, isinstance(Point3(1), Point), type(Point3) is type)
print(type(p) is Point, type(Point), type(type), type(1), type.__name__)

class Meta(type):
    def tagged(cls, tag):
        return f'{cls.__name__}:{tag}'
    @property
    def upper_name(cls):
        return cls.__name__.upper()
    @staticmethod
    def helper():
        return 'static helper'
    @classmethod
    def which(mcls):
        return mcls.__name__

Tagged = Meta('Tagged', (), {'value': 10})
print(Tagged.tagged('x'), Tagged.upper_name, Tagged.helper(), Tagged.which(), Tagged.value)
Sub = type('Sub', (Tagged,), {})
print(type(Sub).__name__, Sub.tagged('y'), Sub.upper_name)
print(sorted(k for k in Point.__dict__ if not k.startswith('__')), Point.__doc__)
print(Point.__subclasses__(), Point.mro(), Tagged.__class__)
for f in [lambda: Tagged().tagged, lambda: Tagged.nope, lambda: Point.__dict__['missing'],
          lambda: setattr(int, 'x', 1), lambda: setattr(Point, '__qualname__', 5), lambda: Meta.tagged(1, 2)]:
    try:
        print(f())
    except (AttributeError, TypeError, KeyError) as e:
        print(type(e).__name__, e)
