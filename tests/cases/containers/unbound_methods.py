# Methods looked up on the type take the instance as their first argument.
print(str.count("abcb", "b"), str.upper("x"), list.index([3, 4], 4))
print(dict.get({1: 2}, 1), set.union({1}, {2}), int.bit_length(255))
f = str.split
print(f("a b c"), f("a-b", "-"))
for call in [
    lambda: str.count(1, 2),
    lambda: set.add(frozenset(), 1),
    lambda: int.bit_length("x"),
    lambda: float.is_integer(1),
    lambda: frozenset({1}).add(2),
    lambda: frozenset({1}).update([5]),
    lambda: str.nosuch,
]:
    try:
        call()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print(frozenset({1, 2}).union([3]), frozenset({1}).copy())
