# An exception in __del__ is reported and ignored; __del__ runs once, even
# when it resurrects its object.
class Bad:
    def __del__(self):
        print("Bad.__del__")
        raise ValueError("from __del__")


Bad()
print("after Bad")
saved = []


class Phoenix:
    def __del__(self):
        print("Phoenix.__del__")
        saved.append(self)


p = Phoenix()
p = None
print("resurrected:", len(saved), type(saved[0]).__name__)
saved.clear()
print("cleared again, no second __del__")


class Base:
    def __del__(self):
        print("Base.__del__ of", type(self).__name__)


class Derived(Base):
    pass


d = Derived()
del d
print("end")
