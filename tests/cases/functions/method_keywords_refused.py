# Methods of built-in types that take no keywords say so.
calls = [
    lambda: [].append(x=1),
    lambda: [].pop(index=1),
    lambda: [3, 1].index(value=1),
    lambda: {1}.add(x=1),
    lambda: {1}.discard(x=1),
    lambda: {}.get(key=1),
    lambda: {}.keys(a=1),
    lambda: dict.fromkeys([1], value=2),
    lambda: ().count(x=1),
    lambda: (1).bit_length(a=1),
    lambda: True.bit_length(a=1),
    lambda: (1.0).is_integer(a=1),
    lambda: list.append([], x=1),
]
for call in calls:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
print([].append(1), {}.get(1, 2), [5].pop(0))
