# Annotated assignments at module level (stored in __annotations__).
x: int = 5
y: str
name: "forward ref" = "n"
items: list[int] = [1, 2]
class C:
    pass
c = C()
c.attr: int = 3
d = {}
d["key"]: float = 1.5
(z): int = 9
print(x, name, items, c.attr, d, z)
print(sorted(__annotations__))
