# property, staticmethod and classmethod decorators.
class Temp:
    scale = "C"

    def __init__(self, c):
        self._c = c

    @property
    def f(self):
        return self._c * 9 / 5 + 32

    @f.setter
    def f(self, value):
        self._c = (value - 32) * 5 / 9

    @staticmethod
    def boiling():
        return 100

    @classmethod
    def freezing(cls):
        return cls(0)

t = Temp(100)
print(t.f)
t.f = 32
print(t._c, Temp.boiling(), Temp.freezing().f)
