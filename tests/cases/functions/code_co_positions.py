# code.co_positions(): (line, end_line, col, end_col) per code unit.
def gen(n):
    yield n
    got = yield from range(
        n)
    return [i * 2
            for i in range(3)
            if i]


def calls(obj):
    return obj.method(1,
                      2)[0].attr


def handler(x):
    try:
        return x.y
    except (AttributeError,
            TypeError) as e:
        raise ValueError(x) from e


for f in (gen, calls, handler):
    code = f.__code__
    positions = list(code.co_positions())
    print(f.__name__, len(positions) * 2 == len(code.co_code))
    for p in positions:
        print(p)
print(type(calls.__code__.co_positions()).__name__)
comp = gen.__code__.co_consts
print([list(c.co_positions())[:4] for c in comp if hasattr(c, "co_positions")])
