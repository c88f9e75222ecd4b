# Class patterns with positional (__match_args__) and keyword sub-patterns.
from dataclasses import dataclass

@dataclass
class Point:
    x: int
    y: int

@dataclass
class Circle:
    center: Point
    r: int

def where(obj):
    match obj:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, y=0):
            return f"on x axis at {x}"
        case Circle(Point(x, y), r=r) if r > 10:
            return f"big circle at {x},{y}"
        case Circle(center=c):
            return f"small circle at {c.x}"
        case int(n) | float(n):
            return f"number {n}"
        case _:
            return "unknown"

for o in (Point(0, 0), Point(0, 5), Point(3, 0), Circle(Point(1, 2), 20), Circle(Point(7, 8), 1), 4, 2.5, "s"):
    print(where(o))
