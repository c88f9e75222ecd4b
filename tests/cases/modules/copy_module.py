# copy.copy and copy.deepcopy: containers, instances, hooks and cycles.
import copy
class P:
    def __init__(self, x, y):
        print("init called")
        self.x, self.y = x, y
    def __repr__(self):
        return "P(%r, %r)" % (self.x, self.y)
a = [1, [2, 3], {"k": [4]}, P(1, [5])]
b, c = copy.copy(a), copy.deepcopy(a)
print(b == a, b is a, b[1] is a[1], c[1] is a[1], c[2] == a[2], c[2]["k"] is a[2]["k"])
print(c[3], c[3] is a[3], c[3].y is a[3].y, type(c[3]).__name__)
p2 = copy.copy(a[3]); print(p2, p2.y is a[3].y)
t = (1, 2, [3])
print(copy.deepcopy(t) is t, copy.deepcopy(t) == t, copy.copy(t) is t, copy.deepcopy((1, "s")))
r = [1]
r.append(r)
r2 = copy.deepcopy(r)
print(r2[1] is r2, r2 is not r, len(r2))
shared = [0]
pair = copy.deepcopy([shared, shared])
print(pair[0] is pair[1], pair[0] is shared)
class Q:
    def __copy__(self):
        return "custom copy"
    def __deepcopy__(self, memo):
        return "custom deep"
print(copy.copy(Q()), copy.deepcopy([Q()]), copy.copy({1, 2}), copy.deepcopy(frozenset([1])))
class S:
    def __init__(self):
        self.a = 1
    def __getstate__(self):
        return {"a": 99}
    def __setstate__(self, state):
        self.a = state["a"] + 1
print(copy.copy(S()).a, copy.deepcopy(S()).a, copy.copy(len) is len, copy.copy(P) is P)
d = {"x": [1], "y": (2, [3])}
e = copy.deepcopy(d)
e["x"].append(9); e["y"][1].append(9)
print(d, e, copy.copy(ValueError("v")).args, issubclass(copy.Error, Exception))
