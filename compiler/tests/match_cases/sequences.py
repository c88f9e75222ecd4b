# Sequence patterns: fixed length, stars in every position, wildcards.


def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return ("one", a)
        case [a, b]:
            return ("two", a, b)
        case (a, b, c):
            return ("three", a, b, c)
        case [_, _, _, _]:
            return "four wildcards"
        case [first, *rest, last] if len(rest) > 3:
            return ("long", first, rest, last)
        case [*init, 9]:
            return ("ends in 9", init)
        case [0, *tail]:
            return ("starts with 0", tail)
        case [a, b, *_]:
            return ("two and more", a, b)
    return "no"


def star_wild(x):
    match x:
        case [*_]:
            return "any sequence"


def subscr(x):
    match x:
        case [a, *_, b]:
            return (a, b)
        case [*_, c]:
            return c
        case [d, *_]:
            return d


def subscr2(x):
    match x:
        case [1, _, *_, _, z]:
            return z
        case [_, *_, _]:
            return "wild"
        case [_, y, *_]:
            return y


def nested(x):
    match x:
        case [[a, b], [c, [d, *e]]]:
            return (a, b, c, d, e)
        case [(1, x), (2, y)]:
            return (x, y)


for v in [[], [1], [1, 2], (1, 2, 3), [1, 2, 3, 4], [1, 2, 3, 4, 5, 6], [1, 9], [0, 5, 6, 7, 8], [5, 6, 7, 8, 1], "str"]:
    print(seq(v))
print(star_wild([]), star_wild(()), star_wild("no"))
print(subscr([1, 2, 3]), subscr([1]), subscr2([1, 2, 3, 4, 5]), subscr2([2, 3]), subscr2([2]))
print(nested([[1, 2], [3, [4, 5, 6]]]), nested([(1, "x"), (2, "y")]))
