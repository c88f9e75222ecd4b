# Capture patterns, wildcards, as-patterns and the default case.


def f(x):
    match x:
        case 1:
            return "one"
        case y:
            return ("captured", y)


def g(x):
    match x:
        case 1 as one:
            return one
        case (2 | 3) as small:
            return small
        case _:
            return "default"


def h(x):
    match x:
        case _:
            return "only wildcard"


def k(x):
    match x:
        case whole:
            pass
    return whole


def default_with_guard(x):
    match x:
        case 1:
            return "one"
        case _ if x > 10:
            return "big"
    return "small"


def default_at_module(x):
    match x:
        case 1:
            r = 1
        case _:
            r = 2
    return r


print(f(1), f(2), g(1), g(3), g(4), h(0), k(7), default_with_guard(11), default_with_guard(5))
print(default_with_guard(1), default_at_module(1), default_at_module(5))

match [1, 2]:
    case [a, b] as both:
        print(a, b, both)
