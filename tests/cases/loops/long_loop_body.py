# A loop whose body is long enough that the backward jump needs EXTENDED_ARG.
acc = []
for i in range(3):
    x = i
    x = x + 1; x = x * 2; x = x - 1; x = x + 3; x = x * 2; x = x - 4; x = x + 5
    x = x + 1; x = x * 2; x = x - 1; x = x + 3; x = x * 2; x = x - 4; x = x + 5
    x = x + 1; x = x * 2; x = x - 1; x = x + 3; x = x * 2; x = x - 4; x = x + 5
    x = x + 1; x = x * 2; x = x - 1; x = x + 3; x = x * 2; x = x - 4; x = x + 5
    x = x % 1000; x = x + 1; x = x * 2; x = x - 1; x = x + 3; x = x * 2; x = x - 4
    x = x % 1000; x = x + 1; x = x * 2; x = x - 1; x = x + 3; x = x * 2; x = x - 4
    x = x % 1000; x = x + 1; x = x * 2; x = x - 1; x = x + 3; x = x * 2; x = x - 4
    x = x % 1000; x = x + 1; x = x * 2; x = x - 1; x = x + 3; x = x * 2; x = x - 4
    x = x % 1000; x = x + 1; x = x * 2; x = x - 1; x = x + 3; x = x * 2; x = x - 4
    x = x % 1000; x = x + 1; x = x * 2; x = x - 1; x = x + 3; x = x * 2; x = x - 4
    x = x % 1000; x = x + 1; x = x * 2; x = x - 1; x = x + 3; x = x * 2; x = x - 4
    x = x % 1000; x = x + 1; x = x * 2; x = x - 1; x = x + 3; x = x * 2; x = x - 4
    if x % 7 == 0:
        continue
    acc.append(x)
print(acc)
