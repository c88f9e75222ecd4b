# Augmented assignment with every operator.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x //= 5; print(x)
x %= 3; print(x)
x **= 4; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x &= 0b110; print(x)
x |= 1; print(x)
x ^= 0b101; print(x)
y = 7.0
y /= 2; print(y)
s = "ab"
s *= 3; print(s)
