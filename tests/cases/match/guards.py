# Guards that fall through to later cases, with captured names.
def bucket(n):
    match n:
        case int(v) if v < 0:
            return "negative"
        case int(v) if v % 2 == 0 and v > 100:
            return "big even"
        case int(v) if v % 2 == 0:
            return "even"
        case int():
            return "odd"
        case str() as s if s.isdigit():
            return bucket(int(s))
        case _:
            return "not a number"

print([bucket(v) for v in (-3, 200, 4, 7, "12", "x", None)])
