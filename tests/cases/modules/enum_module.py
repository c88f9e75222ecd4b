# enum: Enum, IntEnum, Flag, auto, unique, lookups and their errors.
from enum import Enum, IntEnum, Flag, auto, unique

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self):
        return f"{self.name} is {self.value}"

print(list(Color), len(Color), Color.RED, repr(Color.GREEN), Color)
print(Color['BLUE'], Color(2), Color.CRIMSON is Color.RED, Color.RED.describe())
print(list(Color.__members__), Color.RED == Color.RED, Color.RED == 1)
print(type(Color.RED), isinstance(Color.BLUE, Color), f"[{Color.RED}]")
for bad in (lambda: Color(7), lambda: Color['PINK'], lambda: setattr(Color, 'RED', 5)):
    try:
        bad()
    except (ValueError, KeyError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(type(e).__name__, e)

class Level(IntEnum):
    LOW = auto()
    HIGH = auto()
print(Level.LOW, repr(Level.HIGH), Level.HIGH == 2, Level.LOW < Level.HIGH, Level.HIGH + 1, [0, 1, 2][Level.LOW])

class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, list(rw), ~Perm.R, bool(Perm(0)), repr(Perm(0)))
print(Perm(3) is rw, [m.value for m in Perm], dir(Color))
