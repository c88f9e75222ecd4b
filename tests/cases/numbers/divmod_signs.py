# Floor division and modulo take the divisor's sign, for ints and floats.
for a in (7, -7, 0):
    for b in (3, -3):
        print(a, b, a // b, a % b, divmod(a, b), a / b)
for a in (7.5, -7.5):
    for b in (2, -2.0):
        print(a, b, a // b, a % b, divmod(a, b))
print(divmod(2 ** 70, -3), divmod(-(2 ** 70), 3), (-(2 ** 70)) % 3)
print(-9223372036854775808 // -1, -9223372036854775808 % -1)
print(1 % 0.3, -1 % 0.3, 1e300 % 7, -1e-300 % 1)
