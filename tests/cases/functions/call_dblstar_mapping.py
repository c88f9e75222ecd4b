# ** in calls: duplicates, non-string keys, any mapping with keys().
def f(a=None, b=None, **kw):
    return (a, b, sorted(kw.items()))

class M:
    def keys(self):
        return ["a", "z"]
    def __getitem__(self, k):
        return k * 2

print(f(**M()))
print(f(1, **M(), b=3) if False else f(b=3, **M()))
print({**M(), "q": 1})
for call in (
    lambda: f(**{"a": 1}, **{"a": 2}),
    lambda: f(a=1, **{"a": 2}),
    lambda: f(**M(), **{"z": 0}),
    lambda: f(**{1: 2}),
    lambda: f(**{"x": 1}, **{1: 2}),
    lambda: f(**3),
    lambda: f(**{}, **[1]),
    lambda: print(**{"sep": 1}, **{"sep": 2}),
    lambda: {**3},
    lambda: f(1, **{"a": 2}),
):
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)

class Bad:
    def keys(self):
        raise AttributeError("nope")
try:
    f(**Bad())
except TypeError as e:
    print("TypeError:", e)
