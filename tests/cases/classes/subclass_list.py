class L(list):
    def total(self):
        return sum(self)

l = L([3, 1, 2])
l.append(5)
l.extend((8,))
print(l, type(l).__name__, len(l), l.total(), isinstance(l, list))
print(l[0], l[1:], 3 in l, 9 in l, sorted(l), list(l), l + [9], type(l + [9]).__name__)
l += [7]
print(l, type(l).__name__, bool(L()), bool(l), l == [3, 1, 2, 5, 8, 7], l != [])
l.x = 1
l[0] = 30
del l[1]
print(l.x, str(l), repr(l), f"{l}", [x * 2 for x in l], l.pop(), l.index(2))
l.sort(reverse=True)
print(l, l * 2, max(l), min(l), list(reversed(l)))

class M(list):
    def __init__(self, *items):
        super().__init__(items)

    def __getitem__(self, i):
        return super().__getitem__(i) * 10

    def __len__(self):
        return 99

m = M(1, 2)
print(m[1], m, len(m), list(m), 2 in m)
try:
    L(5)
except TypeError as e:
    print("TypeError", e)
try:
    l.nope
except AttributeError as e:
    print("AttributeError", e)
print(L(), L("ab"), [L([1])] == [[1]])
