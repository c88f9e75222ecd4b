# yield as an expression in different positions.
def echo():
    received = []
    x = yield
    received.append(x)
    y = (yield x) + 1
    received.append(y)
    print((yield), (yield "two"))
    yield received

g = echo()
next(g)
print(g.send("a"))
print(g.send(10))
print(g.send("first"))
print(g.send("second"))
