# Comprehensions capturing enclosing function variables.
def table(n):
    base = 10
    return [[base * r + c for c in range(n)] for r in range(n)]

def filters(limit):
    keep = lambda v: v < limit
    return [v for v in range(10) if keep(v)]

def gen_scale(k):
    return list(x * k for x in range(4))

print(table(3))
print(filters(4))
print(gen_scale(3))
