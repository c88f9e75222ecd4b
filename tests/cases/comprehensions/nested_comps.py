# Comprehensions nested inside comprehensions and lambdas inside them.
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
transposed = [[row[i] for row in matrix] for i in range(3)]
print(transposed)
fns = [lambda x, k=k: x + k for k in range(3)]
print([f(10) for f in fns])
print({k: [v for v in range(k)] for k in range(4)})
print(sum(sum(row) for row in matrix))
print(sorted({c for word in ["ab", "bc"] for c in word}))
