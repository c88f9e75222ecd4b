# Conditional expressions, nested and inside calls.
def classify(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"

for n in (-2, 0, 3):
    print(n, classify(n))
x = 10
y = x * 2 if x > 5 else x / 2
print(y)
print([v if v % 2 else -v for v in range(5)])
print(max(1, 2) if x else min(1, 2))
