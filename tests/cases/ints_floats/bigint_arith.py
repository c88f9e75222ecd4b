a = 2 ** 100
b = 3 ** 50
print(a, b, a + b, a - b, b - a, a * b, a // b, a % b, -a // b, -a % b, a // -b, a % -b)
print(a / b, a ** 2, -a, +a, abs(-a), a == 2 ** 100, a > b, a < -b, a != a + 1)
print(2 ** 63, 2 ** 63 - 1 + 1, -(2 ** 63) - 1, (2 ** 63 - 1) * 2, 9223372036854775807 + 1)
print(-9223372036854775808 // -1, -9223372036854775808 % -1, abs(-9223372036854775808), -(-9223372036854775808))
print(10 ** 40 // 10 ** 20, 10 ** 40 % 7, (10 ** 40 + 1) % 10 ** 20, divmod(-(10 ** 30), 10 ** 15 + 1))
n = 1
for i in range(1, 31):
    n *= i
print(n, n // 2 ** 26, len(str(n)), str(n)[:5], int(str(n)) == n)
print(1 << 100, (1 << 100) >> 99, -(1 << 70) >> 3, 12345678901234567890 & 0xFFFF, (2 ** 80) | 1, (2 ** 80) ^ (2 ** 80 + 5))
print(~(2 ** 70), -1 & (2 ** 70 - 1), (-(2 ** 65)) & 0xFF, (-(2 ** 65)) | 1, (-5) ^ (2 ** 64))
print(a * 1.0, float(a), int(float(a)) == a, 2 ** 100 / 2 ** 99, 7 ** 23 % 1000)
for bad in [lambda: a // 0, lambda: a % 0, lambda: 1 << -1, lambda: a / 0, lambda: float(10 ** 400), lambda: 10 ** 400 / 3,
            lambda: 1 << 2 ** 70]:
    try:
        print(bad())
    except Exception as exc:
        print(type(exc).__name__ + ':', exc)
