# Comprehension variables do not leak; the first iterable is evaluated outside.
x = "outer"
result = [x for x in range(3)]
print(result, x)
class K:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(K.doubled)
def f(n):
    return [n + i for i in range(n)]
print(f(3))
data = [[1, 2], [3, 4]]
print([y for x in data for y in x if y != x[0]])
