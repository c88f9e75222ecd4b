B = 10 ** 20
print(range(0, B, B) == range(0, 1), range(0, B, B) == range(0, 1, 7), range(B, B) == range(0))
print(range(B) == range(0, B, 1), range(B) != range(B + 1), range(5, B, B) == range(5, 6))
print(hash(range(0, B, B)) == hash(range(0, 1, 7)), hash(range(B, B)) == hash(range(3, 1)))
print(hash(range(B)) == hash(range(0, B)), hash(range(3)) == hash(range(0, 3, 1)))
d = {range(0): 'empty', range(7, 8): 'one', range(B): 'big'}
print(d[range(B, 0)], d[range(7, B, B)], d[range(0, B, 1)], len({range(B), range(0, B)}))
print(len(range(-2 ** 63, 2 ** 63 - 1, 3)), range(-2 ** 63, 2 ** 63 - 1, 3)[-1])
print(type(iter(range(B))).__name__, type(iter(range(5))).__name__)
print(type(reversed(range(-2 ** 63, 0))).__name__, type(reversed(range(0))).__name__)
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
print(range(Idx(B), Idx(B + 9), Idx(4)), range(B)[Idx(-2)], range(True, 3))
match range(B, B + 4):
    case [a, b, *rest]:
        print(a, b, rest)
print(sum(range(B, B + 4)), max(range(-B, -B + 4)), sorted(range(B, B - 3, -1)))
print(list(enumerate(range(2 ** 63 - 1, 2 ** 63 + 1))), tuple(range(5)[2:B]), range(5)[::-B])
