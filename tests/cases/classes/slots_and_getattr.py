# __slots__, __getattr__ fallbacks and setattr/getattr builtins.
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1

class Dynamic:
    def __getattr__(self, name):
        return name.upper()

s = Slotted()
s.b = 2
print(s.a, s.b)
try:
    s.c = 3
except AttributeError:
    print("no slot c")
d = Dynamic()
print(d.hello, getattr(d, "x"))
setattr(d, "real", 5)
print(d.real, getattr(s, "zzz", "default"))
