# Deeply nested sequence/mapping/class patterns.
def evaluate(tree):
    match tree:
        case ("num", int(n)):
            return n
        case ("neg", sub):
            return -evaluate(sub)
        case ("add" | "mul") as op, left, right:
            a, b = evaluate(left), evaluate(right)
            return a + b if op == "add" else a * b
        case {"let": [name, value], "in": body}:
            return evaluate(body) if name else evaluate(value)
        case _:
            raise ValueError(tree)

expr = ("add", ("num", 2), ("mul", ("num", 3), ("neg", ("num", 4))))
print(evaluate(expr))
print(evaluate({"let": ["x", ("num", 1)], "in": ("num", 9)}))
