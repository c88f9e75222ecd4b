# Assignment expressions (:=) in conditions, comprehensions and calls.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
i = 0
while (item := data[i]) != 9:
    i += 1
print("found", item, "at", i)
squares = [y for x in data if (y := x * x) > 10]
print(squares, y)
print((total := sum(data)), total // n)
def f():
    return [last := v for v in range(3)], last
print(f())
