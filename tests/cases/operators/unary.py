# Unary operators: -, +, ~, not.
x = 5
y = -x
z = +y
w = ~x
print(x, y, z, w)
print(not x, not 0, not None, not [])
print(-(-x), --x, -+-x)
def neg_all(items):
    return [-i for i in items]
print(neg_all([1, -2, 3]))
print(not (x > 3 and y < 0))
