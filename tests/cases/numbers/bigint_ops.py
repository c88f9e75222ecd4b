# Arbitrary-precision ints: arithmetic, division signs, shifts, bit ops.
a = 3 ** 100
b = -(7 ** 40)
print(a + b, a - b, a * b)
print(a // b, a % b, -a // 7, -a % 7, a // -(10 ** 20), a % -(10 ** 20))
print(a >> 100, b >> 10, b >> 1000, 1 << 200, a & (2 ** 64 - 1), b | 0xffff, a ^ b)
print(~a, -a, abs(b), a == 3 ** 100, a != b, a > b, b < 0)
print(a / 3 ** 98, 10 ** 30 / 10 ** 10, (2 ** 100 + 1) / 2 ** 50)
print(2 ** 200 // 2 ** 199, (2 ** 200) % 3, divmod(-(10 ** 25), 7), divmod(10 ** 25, -7))
print(pow(3, 200, 10 ** 9 + 7), pow(2, -1, 10 ** 20 + 39), pow(7, 3, -5))
print(hex(2 ** 100), bin(-(2 ** 70)), oct(8 ** 30), (2 ** 100).bit_length())
n = 1
for i in range(1, 30):
    n *= i
print(n, n // 2 ** 25, n % 1000003)
