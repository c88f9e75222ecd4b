# Bitwise operators, shifts and inversion.
a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b)
print(a << 2, a >> 1, ~a, ~-1)
print(1 << 70)
mask = 0xFF
value = 0x1234
print(hex(value & mask), hex(value >> 8 & mask))
print(-16 >> 2, 5 & -2)
