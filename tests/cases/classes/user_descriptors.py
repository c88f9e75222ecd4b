class Typed:
    def __set_name__(self, owner, name):
        self.name = '_' + name
        print('set_name', owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None: return self
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if not isinstance(value, int): raise TypeError(self.name[1:] + ' must be int')
        setattr(obj, self.name, value)
class NonData:
    def __get__(self, obj, objtype=None): return 'computed'
class P:
    x = Typed()
    y = Typed()
    nd = NonData()
    def __init__(self, x, y): self.x = x; self.y = y
p = P(1, 2)
print(p.x, p.y, vars(p), p.nd)
p.nd = 'shadow'
print(p.nd)
try: p.x = 'a'
except TypeError as e: print(e)
