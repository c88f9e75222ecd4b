# nonlocal through several levels of nesting.
def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "inner"
        inner()
        return x
    before = x
    after = middle()
    return before, after, x

print(outer())
def accumulate():
    total = 0
    values = []
    def add(v):
        nonlocal total
        total += v
        values.append(v)
        return total
    return add, values
add, vals = accumulate()
add(1); add(2)
print(add(3), vals)
