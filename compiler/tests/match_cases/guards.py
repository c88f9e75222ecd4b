# Guards, including guards on irrefutable patterns and complex conditions.


def gd(x, flag):
    match x:
        case [a, b] if a > b:
            return "descending"
        case [a, b] if a < b and flag:
            return "ascending with flag"
        case [a, b] if not (a == b or flag):
            return "neither"
        case n if isinstance(n, int) and 0 < n < 10:
            return "digit"
        case n if n:
            return "truthy"
        case _ if flag:
            return "flag"
        case _:
            return "rest"


def in_loop(items):
    out = []
    for it in items:
        match it:
            case 0:
                continue
            case -1:
                break
            case v if v % 2:
                out.append(v)
            case _:
                out.append(-it)
    return out


print(gd([2, 1], 0), gd([1, 2], 1), gd([1, 2], 0), gd(5, 0), gd("s", 0), gd(0, 1), gd(0, 0))
print(in_loop([1, 2, 0, 3, -1, 5]))
