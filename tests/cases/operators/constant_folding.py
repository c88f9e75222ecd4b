# Expressions the compiler folds at compile time (and ones it must not).
a = 2 * 3 + 4
b = "ab" * 3
c = (1, 2) + (3,)
d = -5
e = 2 ** 10
f = 1 / 0 if False else 7
g = "x" * 5000
h = 2 ** 100
i = ~7 & 0xF
j = not True
print(a, b, c, d, e, f, len(g), h, i, j)
print(10 // 3, 10 % 3, 1 << 3, 3.0 * 2)
