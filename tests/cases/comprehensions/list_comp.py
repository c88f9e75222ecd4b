# List comprehensions with conditions and nested loops.
squares = [x * x for x in range(8)]
evens = [x for x in range(20) if x % 2 == 0 if x % 3]
pairs = [(a, b) for a in range(3) for b in "xy"]
flat = [v for row in [[1, 2], [3], []] for v in row]
print(squares)
print(evens)
print(pairs)
print(flat)
print([[i * j for j in range(3)] for i in range(3)])
