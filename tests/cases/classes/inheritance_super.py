# Inheritance with super() in __init__ and overridden methods.
class Animal:
    def __init__(self, name):
        self.name = name

    def speak(self):
        return "..."

    def intro(self):
        return f"{self.name} says {self.speak()}"

class Dog(Animal):
    def __init__(self, name, tricks):
        super().__init__(name)
        self.tricks = tricks

    def speak(self):
        return "woof" + super().speak()

d = Dog("Rex", ["sit"])
print(d.intro(), d.tricks, Dog.__mro__[1].__name__)
