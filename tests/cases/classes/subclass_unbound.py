class L(list):
    push = list.append
l = L()
list.append(l, 1)
l.push(2)
print(l, list.__len__(l), list.append, str.upper, dict.get, list.__getitem__(l, 0), type(list.append).__name__)
class D(dict):
    def __setitem__(self, k, v):
        dict.__setitem__(self, k, v * 2)
    def get(self, k, d=None):
        return dict.get(self, k, d)
d = D()
d[1] = 2
print(d, d.get(1), d.get(3, "x"), str.upper(type("S", (str,), {})("ab")))
print(list.append([], 1), str.count("abcb", "b"))
try:
    dict.get(5, 1)
except TypeError as e:
    print("TypeError")
class M(dict):
    def __repr__(self):
        return "M" + super().__repr__() + dict.__repr__(self)
print(M(a=1), str(M()))
