# All comparison operators, including identity and membership.
a, b = 3, 7
print(a < b, a <= b, a == b, a != b, a > b, a >= b)
items = [1, 2, 3]
print(2 in items, 5 not in items)
x = None
print(x is None, x is not None)
print("abc" < "abd", (1, 2) < (1, 3), [1] == [1])
print(a == 3.0, 1 != 1.0)
