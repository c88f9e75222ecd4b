# Nested replacement fields inside format specs.
width = 10
precision = 3
value = 3.14159265
fill = "."
for w in (6, 8):
    print(f"[{value:{w}.{precision}f}]")
print(f"[{value:{fill}^{width}.{precision - 1}f}]")
print(f"[{'text':{'>' if width > 5 else '<'}{width}}]")
align = "<"
print(f"[{42:{align}{width}d}]")
print(f"{value:{width}}")
