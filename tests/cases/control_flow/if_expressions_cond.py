# Conditions that compile to jump chains: and/or/not in if and while.
def check(a, b, c):
    if a and (b or c):
        return 1
    if not a or not b:
        return 2
    if a and not (b and c):
        return 3
    return 4

for args in [(1, 0, 1), (0, 1, 1), (1, 1, 0), (1, 1, 1), (1, 0, 0)]:
    print(args, check(*args))
n = 0
while n < 10 and not n == 5:
    n += 1
print(n)
