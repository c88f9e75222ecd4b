# f-strings inside functions, lambdas, comprehensions and with dict access.
def row(label, *cols):
    return f"{label:<6}" + "".join(f"{c:>5}" for c in cols)

data = {"a": 1, "b": 22}
print(row("nums", 1, 22, 333))
print([f"{k}={v}" for k, v in data.items()])
fmt = lambda v: f"<{v!r}>"
print(fmt("x"), fmt(None))
print(f"{data['a']} {data['b']:03}")
print(f"{'%s' % 'old-style'} {row('x')!r}")
