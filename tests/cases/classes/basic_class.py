# A class with __init__, methods, class attributes and __repr__.
class Point:
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

p = Point(1, 2)
print(p, p.moved(3, 4), Point.dims, p.dims)
print(isinstance(p, Point), type(p).__name__)
