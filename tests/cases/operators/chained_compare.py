# Chained comparisons, which evaluate the middle operands once.
def trace(v):
    print("eval", v)
    return v

x = 5
print(1 < x < 10)
print(1 < x > 10)
print(0 <= x <= 5 <= 5 < 6)
print(trace(1) < trace(2) < trace(0) < trace(9))
print(1 == 1 != x is not None)
def between(lo, v, hi):
    return lo <= v < hi
print(between(0, 3, 4), between(0, 4, 4))
if 0 < x < 3 or 4 < x < 6:
    print("branch taken")
