# zip(strict=True) checks that every argument has the same length.
print(list(zip("ab", [1, 2], strict=True)))
print(list(zip(strict=True)), list(zip("abc", strict=True)))
print(list(zip("ab", [1, 2, 3])), list(zip("ab", [1, 2, 3], strict=False)))
cases = [
    ("ab", [1]),
    ("a", [1, 2]),
    ("ab", "ab", "a"),
    ("a", "ab", "ab"),
    ("abc", "abc", "ab", "abc"),
]
for args in cases:
    z = zip(*args, strict=True)
    got = []
    try:
        for item in z:
            got.append(item)
    except ValueError as e:
        print("ValueError:", e, got)
try:
    zip("a", strict=True, other=1)
except TypeError as e:
    print("TypeError:", e)
try:
    zip("a", stric=True)
except TypeError as e:
    print("TypeError:", e)
