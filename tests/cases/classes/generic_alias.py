# Subscripted built-in types (list[int], ...) as annotations use them.
class Node:
    pass

aliases = [list[int], dict[str, list[int]], tuple[int, ...], set[Node], frozenset['x'], type[Node]]
for a in aliases:
    print(a, a.__origin__, a.__args__, a.__parameters__)
print(type(list[int]), type(list[int]).__name__, type(list[int]).__module__)

def scale(values: list[float], factor: float = 2.0) -> list[float]:
    return [v * factor for v in values]

total: dict[str, int] = {'a': 1}
print(scale([1.0, 2.5]), scale.__annotations__['values'], __annotations__)
for f in [lambda: isinstance([], list[int]), lambda: issubclass(list, list[int]),
          lambda: int[str], lambda: Node[int]]:
    try:
        print(f())
    except TypeError as e:
        print(type(e).__name__, e)
