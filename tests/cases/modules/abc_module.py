# abc: ABCMeta, abstract methods, register and virtual subclasses.
from abc import ABC, ABCMeta, abstractmethod

class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...
    @property
    @abstractmethod
    def sides(self): ...

class Square(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s * self.s
    def name(self): return "square"
    sides = 4

class Half(Shape):
    def area(self): return 0

for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print(type(e).__name__, e)
sq = Square(3)
print(sq.area(), sq.name(), sq.sides, type(Shape) is ABCMeta)
print(sorted(Shape.__abstractmethods__), Square.__abstractmethods__)

class Drawable(metaclass=ABCMeta):
    @abstractmethod
    def draw(self): ...

class Circle: pass
print(Drawable.register(Circle) is Circle)
print(isinstance(Circle(), Drawable), issubclass(Circle, Drawable))
print(isinstance(sq, Drawable), isinstance(sq, Shape), issubclass(int, Shape))
Drawable.register(int)
print(isinstance(5, Drawable), issubclass(bool, Drawable))
