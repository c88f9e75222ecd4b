# Class patterns with positional and keyword sub-patterns.
from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


class Box:
    __match_args__ = ("content",)

    def __init__(self, content):
        self.content = content


def cls(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return ("on y axis", y)
        case Point(x, y=0):
            return ("on x axis", x)
        case Point(_, _, ):
            return "somewhere"
        case Box(Point(x=a) as pt):
            return ("boxed point", a, pt)
        case Box(content=[1, *r]):
            return ("boxed list", r)
        case Box():
            return "any box"
        case int(n) | float(n):
            return ("number", n)
        case str() as s:
            return ("string", s)
        case dict(a=_):
            return "unreachable"
    return "no"


for v in [Point(0, 0), Point(0, 3), Point(4, 0), Point(1, 1), Box(Point(5, 6)), Box([1, 2]), Box(3), 4, 4.5, "s"]:
    print(cls(v))
