# Format specifiers: width, alignment, precision, sign, grouping, types.
x = 1234567.891
n = 255
print(f"{x:,.2f}|{x:>15.1f}|{x:<15.0f}|{x:^15e}")
print(f"{n:b} {n:o} {n:x} {n:X} {n:#x} {n:08d} {n:+d}")
print(f"{-n:_} {n:c} {0.25:%} {1/3:.5}")
print(f"{'left':<8}|{'right':>8}|{'mid':*^9}")
print(f"{3:{0}>5}")
