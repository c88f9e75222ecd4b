# throw() args pass unchecked to a delegate; StopIteration escaping map's function.
class It:
    def __iter__(self):
        return self
    def __next__(self):
        return 1
    def throw(self, *args):
        print("throw", args)
        return 2

def gen():
    r = yield from It()
    print("r", r)

def outer():
    yield from gen()

for args in ((123,), (ValueError,), (ValueError, "v"), (KeyError, 1, None)):
    g = outer()
    next(g)
    print(g.throw(*args))
try:
    outer().throw()
except TypeError as e:
    print("TypeError:", e)

def f(x):
    if x < 3:
        return x * 10
    raise StopIteration(99)

def g2():
    print("got", (yield from map(f, range(9))))

print(list(g2()), list(map(f, range(9))), sum(map(f, range(9))))
print(list(filter(lambda x: f(x) >= 0, range(9))), next(map(f, [5]), "d"))
try:
    next(map(f, [7]))
except StopIteration as e:
    print("StopIteration", e.args)
