# Subscript and slice stores with every slice form.
a = list(range(10))
a[0] = -1
a[2:4] = ["x", "y", "z"]
a[::3] = [0] * len(a[::3])
a[-1] = 99
b = list(range(8))
b[1:7:2] = "abc"
grid = [[0] * 3 for _ in range(2)]
grid[1][2] = 7
key = (1, 2)
d = {}
d[key] = "t"
d[3, 4] = "implicit tuple"
print(a, b, grid, d)
