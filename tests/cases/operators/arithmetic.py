# Every binary arithmetic operator on ints and floats.
a, b = 17, 5
print(a + b, a - b, a * b, a / b)
print(a // b, a % b, a ** 2, -a // b, -a % b)
x, y = 7.5, 2.0
print(x + y, x - y, x * y, x / y, x // y, x % y, x ** y)
print(2 ** -1, (-8) % 3, 10 // -3)
print(divmod(a, b), pow(3, 4, 5))
