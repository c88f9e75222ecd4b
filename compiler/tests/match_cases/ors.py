# Or-patterns: with and without captures, captures in different orders,
# nested or-patterns, irrefutable last alternative.


def o(x):
    match x:
        case 1 | 2 | 3:
            return "small"
        case [a, 1] | [1, a]:
            return ("pair with 1", a)
        case (a, b, 0) | (b, a, 1):
            return ("reordered", a, b)
        case {"k": k, "v": v} | [k, v, "kv"]:
            return ("kv", k, v)
        case [a, b, c, 2] | [c, b, a, 3] | [b, c, a, 4]:
            return ("three names", a, b, c)
        case [x, (1 | 2) as y] | [(1 | 2) as y, x, _]:
            return ("nested or", x, y)
        case str() | bytes():
            return "text"
        case [q] | q:
            return ("irrefutable last", q)


for v in [1, [5, 1], [1, 6], (1, 2, 0), (1, 2, 1), {"k": 1, "v": 2}, [3, 4, "kv"], [1, 2, 3, 2], [1, 2, 3, 3], [1, 2, 3, 4], [9, 2], [1, 9, 0], "s", [7], 8.0]:
    print(o(v))
