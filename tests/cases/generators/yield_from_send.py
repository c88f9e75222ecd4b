# yield from a generator: the values sent through it and returned.
def inner():
    got = yield 1
    print("inner got", got)
    got = yield 2
    return ("ret", got)
def outer():
    r = yield from inner()
    print("outer got", r)
    r2 = yield from iter([7, 8])
    return r2
g = outer()
print(next(g), g.send("a"), g.send("b"), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
def fresh():
    x = yield 0
    return x
def sends_first():
    return (yield from fresh())
s = sends_first()
next(s)
try:
    s.send(5)
except StopIteration as e:
    print("returned", e.value)
