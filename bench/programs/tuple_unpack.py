# Tuple packing and unpacking, swaps.
a, b = 0, 1
for _ in range(5_000_000):
    a, b = b, (a + b) % 1000007
print(a, b)
