# Annotated assignments inside a class body and a function body.
class Point:
    x: int = 0
    y: int = 0
    label: str

    def norm(self) -> int:
        total: int = self.x * self.x + self.y * self.y
        unused: float
        return total

p = Point()
p.x, p.y = 3, 4
print(p.norm())
print(Point.__annotations__)
def f(a: int, b: "str" = "q", *args: int, k: bool = True, **kw: float) -> None:
    pass
print(f.__annotations__)
