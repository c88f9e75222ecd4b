# Walrus inside comprehensions binds in the enclosing scope.
def running_totals(values):
    total = 0
    sums = [total := total + v for v in values]
    return sums, total

print(running_totals([1, 2, 3, 4]))
lines = ["a=1", "junk", "b=2"]
parsed = [m for line in lines if (m := line.partition("=")) and m[1]]
print(parsed)
print([(y := n * n, y + 1) for n in range(3)], y)
