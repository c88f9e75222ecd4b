# Dict and set comprehensions.
words = ["apple", "bob", "kayak", "cat", "level"]
lengths = {w: len(w) for w in words}
palins = {w for w in words if w == w[::-1]}
inverse = {v: k for k, v in {"a": 1, "b": 2}.items()}
squares = {n % 5 for n in range(20)}
print(lengths)
print(sorted(palins))
print(inverse, sorted(squares))
print({(i, j): i * j for i in range(2) for j in range(2)})
