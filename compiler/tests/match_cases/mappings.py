# Mapping patterns: literal and attribute keys, **rest, empty.


class K:
    A = "a"
    B = "b"


def m(x):
    match x:
        case {}:
            return "empty-or-any mapping"


def m2(x):
    match x:
        case {"a": 1, "b": b}:
            return ("a1", b)
        case {K.A: a, K.B: [b, *_]}:
            return ("attr keys", a, b)
        case {1: one, **rest}:
            return ("one", one, rest)
        case {None: n, True: t, b"x": bx, -1: neg, 2.5: f}:
            return ("singletons", n, t, bx, neg, f)
        case {**rest}:
            return ("rest", rest)
        case {"nested": {"deep": d}}:
            return ("unreachable?", d)
    return "not a mapping"


print(m({}), m({1: 2}), m([]))
print(m2({"a": 1, "b": 2}), m2({"a": "x", "b": [5, 6]}), m2({1: 2, 3: 4}))
print(m2({None: 1, True: 2, b"x": 3, -1: 4, 2.5: 5}), m2({7: 8}), m2(3))
