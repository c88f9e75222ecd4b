# Integer, float and complex literals in several spellings.
a = 42
b = 0x_FF
c = 0o755
d = 0b1010_1010
e = 1_000_000
f = 3.25
g = 1e-3
h = 6.02e23
i = 2j
j = 1.5 + 0.5j
big = 123456789012345678901234567890
print(a, b, c, d, e)
print(f, g, h)
print(i, j, j.real, j.imag)
print(big, big * big)
print(-0.0, 0.0, 1 / 3)
