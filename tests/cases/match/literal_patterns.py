# Value patterns: literals, negative numbers, strings, dotted names.
import enum

class Color(enum.Enum):
    RED = 1
    GREEN = 2

def describe(v):
    match v:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5 | 2j:
            return "float or complex"
        case "hi" | b"bytes":
            return "greeting"
        case Color.RED:
            return "red"
        case _:
            return "other"

for v in (0, -1, 1.5, 2j, "hi", b"bytes", Color.RED, Color.GREEN):
    print(describe(v))
