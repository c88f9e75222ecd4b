# while loops: counting, infinite with break, nested with continue.
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("i", i)
n = 27
steps = 0
while True:
    if n == 1:
        break
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
a = 0
while a < 3:
    b = 0
    while b < a:
        b += 1
    a += 1
print(a, b)
