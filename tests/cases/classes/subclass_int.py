class I(int):
    def double(self):
        return self * 2

i = I(5)
print(i, i + 1, i * 2, -i, i == 5, isinstance(i, int), type(i).__name__, i.double())
print(type(i + 1).__name__, i < 7, [10, 20, 30, 40, 50, 60][i], bool(I()), I("12"), I("ff", 16))

class Flag(int):
    def __repr__(self):
        return "Flag(%d)" % int(self)

print(Flag(3), [Flag(3)], Flag(3) + 1, str(Flag(2)))
try:
    I("x")
except ValueError as e:
    print("ValueError", e)
print(hash(I(5)) == hash(5), {I(5): 1}.get(5), {5: 2}.get(I(5)), I(5) in {5}, I(5) in [5])
print(format(I(5), "03d"), "{:>4}|{}".format(I(7), Flag(1)), "%d" % I(8), round(I(7)), abs(I(-2)))
print(sorted([I(3), I(1)]), max(I(3), 2), sum([I(1), I(2)]), str(I(4)), divmod(I(7), 2), I(3) ** 2)
try:
    I(3) + "a"
except TypeError as e:
    print("TypeError", e)
