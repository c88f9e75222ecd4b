# Captures into globals, closures (cells), class bodies (mangled names)
# and match inside try/with/loops.
counter = 0


def to_global(x):
    global counter
    match x:
        case [counter, *_]:
            pass
    return counter


def to_cell(x):
    match x:
        case {"a": a, **rest}:
            pass

    def inner():
        return a, rest

    return inner()


class C:
    match {"__k": 1}:
        case {"__k": __private}:
            found = __private


def in_try(x):
    try:
        match x:
            case [a, b]:
                return a + b
            case _:
                raise ValueError(x)
    except ValueError:
        return "bad"
    finally:
        print("finally")


async def in_async(x):
    match await x:
        case 1:
            return 1


print(to_global([5, 6]), counter, to_cell({"a": 1, "b": 2}), C.found, C._C__private, in_try([1, 2]), in_try(1))
