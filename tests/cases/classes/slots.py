# __slots__: no __dict__, fixed attributes, member descriptors, inheritance.
class Point:
    __slots__ = ('x', 'y')
    def __init__(self, x): self.x = x

class Point3(Point):
    __slots__ = ['z']

class Loose(Point):
    pass

class WithDict:
    __slots__ = ('a', '__dict__')

p = Point(1)
p.y = 2
print(p.x, p.y, hasattr(p, '__dict__'), Point.x, type(Point.y).__name__, Point.__slots__)
q = Point3(5); q.z = 6
print(q.x, q.z, sorted(k for k in Point3.__dict__ if not k.startswith('__')))
l = Loose(7); l.extra = 8
print(l.x, l.__dict__)
w = WithDict(); w.a = 1; w.b = 2
print(w.a, w.__dict__)
del p.y
class Private:
    __slots__ = ('__secret',)
    def __init__(self): self.__secret = 's'
    def get(self): return self.__secret
print(Private().get(), list(Private.__dict__)[:3])
for f in [lambda: setattr(p, 'z', 3), lambda: p.y, lambda: delattr(p, 'y'), lambda: p.__dict__,
          lambda: vars(p), lambda: type('C', (), {'__slots__': ('v',), 'v': 1}),
          lambda: type('C', (Point, WithDict), {}), lambda: type('C', (), {'__slots__': ('1x',)}),
          lambda: type('C', (), {'__slots__': (1,)}), lambda: type('C', (WithDict,), {'__slots__': ('__dict__',)}),
          lambda: Point.x.__get__(q), lambda: Point3.z.__set__(q, 9) or q.z, lambda: Point.x.__get__(1)]:
    try:
        print(f())
    except (AttributeError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
