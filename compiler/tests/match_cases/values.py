# Literal, negative, complex, string, bytes, attribute and singleton patterns.
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2


def describe(x):
    match x:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case -2.5:
            return "minus two and a half"
        case 1 + 2j:
            return "complex"
        case -3 - 4j:
            return "negative complex"
        case "hello" "world":
            return "concatenated"
        case b"bytes":
            return "bytes"
        case Color.RED:
            return "red"
        case Color.GREEN | Color.RED:
            return "green"
        case None:
            return "none"
        case True:
            return "true"
        case False:
            return "false"
    return "other"


for v in [0, -1, 1.5, -2.5, 1 + 2j, -3 - 4j, "helloworld", b"bytes", Color.RED, Color.GREEN, None, True, False, 99]:
    print(describe(v))

match 5:
    case 5:
        print("module-level five")
