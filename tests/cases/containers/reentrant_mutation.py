# Containers changed by the Python code they call back into: CPython's
# errors where it raises, its results where it carries on.
l = [3, 1, 2]
try:
    l.sort(key=lambda v: l.append(v) or v)
except ValueError as e:
    print("sort key:", e)
d = {1: 1}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print("dict:", e)
class R:
    def __repr__(self):
        grows.append(1)
        return "R"
grows = [R(), R()]
print(repr(grows))
class Clears:
    def __eq__(self, other):
        target.clear()
        return False
    def __lt__(self, other):
        target.clear()
        return True
target = [1, 2, 3]
print(Clears() in target, target)
target = [Clears(), Clears(), Clears()]
try:
    target.sort()
    print("sorted", len(target))
except ValueError as e:
    print("sort:", e)
