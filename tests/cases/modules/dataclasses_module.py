# dataclasses: generated methods, field(), helpers and their errors.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, FrozenInstanceError

@dataclass
class Point:
    x: int
    y: int = 0
@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    note: str = field(default='', compare=False, repr=False)
@dataclass(unsafe_hash=True)
class Box:
    items: list = field(default_factory=list)
    owner: Point = None
p = Point(1, 2)
print(p, Point(3), p == Point(1, 2), p != Point(2, 1), Point.__hash__)
print(Version(1, 2, 'x'), Version(1, 2) < Version(1, 10), sorted([Version(2), Version(1, 5)]))
print(Version(1) == Version(1, note='n'), hash(Version(1, 2)) == hash(Version(1, 2, 'z')))
print([f.name for f in fields(Version)], asdict(Box([1], p)), astuple(Box([2], p)))
print(replace(p, y=5), Box().items is not Box().items, Point.__match_args__)
for bad in (lambda: setattr(Version(1), 'major', 3), lambda: Point(),
            lambda: Point(1, 2, 3), lambda: fields(3), lambda: replace(p, z=1)):
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
for body in ("x: list = []", "x: int = 0\n    y: int"):
    try:
        exec(f"@dataclass\nclass Bad:\n    {body}")
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
@dataclass
class Child(Point):
    z: int = 9
    def __post_init__(self):
        self.total = self.x + self.y + self.z
print(Child(1, 2), Child(1).total, isinstance(Child(1), Point))
