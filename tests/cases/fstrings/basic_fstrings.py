# f-strings with expressions, method calls and literal braces.
name = "World"
n = 42
items = [1, 2, 3]
print(f"Hello, {name}!")
print(f"{n} squared is {n * n}")
print(f"{name.lower()} has {len(name)} letters")
print(f"{{literal braces}} and {items[1]}")
print(f"")
print(f"{'nested quotes'}")
print(f"{n}" f"{n}" "plain" f"{name!r}")
