# Small-int arithmetic and overflow into big ints.
a, b = 17, -5
print(a + b, a - b, a * b, a // b, a % b, a / b, a ** 2, -a // 4, -a % 4)
print(a << 3, a >> 2, -a >> 2, a & b, a | b, a ^ b, ~a, -a, +a)
big = 9223372036854775807
print(big + 1, big * big, -big - 2, (big + 1) - 1, type(big + 1 - 1).__name__)
print(2 ** 64, 2 ** 63 - 1, -(2 ** 63), 1 << 63, (1 << 64) >> 1)
print(True + True, True * 10, False - 1, -True, ~False, True << 3)
x = 10
x += 5
x -= 3
x *= 4
x //= 5
x %= 7
x **= 3
x <<= 2
x >>= 1
x &= 0xff
x |= 0x100
x ^= 3
print(x)
print(10 / 4, 10 // 4, -10 // 4, 10 % -4, 7 / 7, 2 ** -2, (-2) ** 3, 0 ** 0)
