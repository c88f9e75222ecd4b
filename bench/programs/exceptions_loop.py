# Raising and catching exceptions in a loop.
def check(i):
    if i % 3 == 0:
        raise ValueError(i)
    return i

caught = 0
total = 0
for i in range(2_200_000):
    try:
        total += check(i)
    except ValueError:
        caught += 1
print(caught, total)
