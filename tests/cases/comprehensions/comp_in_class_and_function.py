# Comprehensions in class bodies, functions and as default values.
class Table:
    size = 3
    rows = [list(range(3)) for _ in range(2)]
    labels = {i: chr(65 + i) for i in range(3)}

def build(n, init=[i for i in range(2)]):
    return [init[:] for _ in range(n)]

print(Table.rows, Table.labels)
print(build(2))
print(list(map(lambda t: t[0] + t[1], [(1, 2), (3, 4)])))
