# Classes can derive from map, filter, zip, enumerate and reversed.
class M(map):
    pass

x = M(lambda v: v + 10, range(4))
print(type(x).__name__, isinstance(x, map), iter(x) is x, next(x), list(x))

class E(enumerate):
    def __next__(self):
        i, v = super().__next__()
        return v, i

print(list(E("ab", 5)), [p for p in E("c")])

class Z(zip):
    label = "zipped"

z = Z("ab", [1, 2, 3])
print(list(z), Z.__mro__, z.label)

class F(filter):
    def __iter__(self):
        print("F.__iter__")
        return self

print(list(F(None, [0, 1, 2, 0, 3])))

class R(reversed):
    pass

print(list(R([1, 2, 3])), isinstance(R("ab"), reversed))
print(list(M(pow, [2, 3], [5, 2])), sum(M(len, ["ab", "cde"])))
