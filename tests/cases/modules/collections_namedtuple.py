# collections.namedtuple: fields, indexing, unpacking, helpers and errors.
from collections import namedtuple

Point = namedtuple('Point', 'x y')
Color = namedtuple('Color', ['r', 'g', 'b'], defaults=[0, 255])
p = Point(1, y=2)
print(p, p.x, p[1], p[-1], p[:1], len(p), list(p), Point._fields, Point.__doc__)
x, y = p
print(x, y, p == (1, 2), (1, 2) == p, p < Point(1, 3), hash(p) == hash((1, 2)), 2 in p)
print(Color(10), Color._field_defaults, Color._make([1, 2, 3]), p._replace(x=9))
print(p._asdict(), p + (3,), p * 2, tuple(p), "%d-%d" % tuple(p), p.count(1), p.index(2))
print(Point.x.__doc__, Point.__match_args__, type(p).__name__, [*reversed(p)])
match p:
    case Point(a, b):
        print('matched', a, b)
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__, e)
for call in (lambda: Point(1), lambda: Point(1, 2, 3), lambda: p._replace(z=1),
             lambda: Point._make([1]), lambda: namedtuple('T', 'a a'),
             lambda: namedtuple('T', 'a _b'), lambda: namedtuple('T', 'a class'),
             lambda: namedtuple('T', 'a 1b')):
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(namedtuple('R', 'a _b class a', rename=True)._fields)
