import copy
class L(list):
    def __str__(self):
        return "L!"
    def __eq__(self, o):
        return True
l = L([1])
print(l, [l], l == 5, l != 5, str(l))
class I(int): pass
try:
    I(1) < "a"
except TypeError as e:
    print(e)
class D(dict):
    def __iter__(self):
        return iter(["x"])
d = D(a=1)
print(list(d), d, len(d), dict(d), sorted(d.items()))
c = copy.copy(L([1, 2]))
print(type(c).__name__, c == [9])
class Stack(list):
    def push(self, x):
        self.append(x)
        return self
s = Stack().push(1).push(2)
print(s, s.pop(), s, vars(s), s.__dict__, s.__class__.__name__, Stack.__mro__)
