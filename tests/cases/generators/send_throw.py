# send(), throw() and close() on generators.
def accumulator():
    total = 0
    while True:
        try:
            v = yield total
        except ValueError:
            print("reset")
            total = 0
            continue
        if v is None:
            break
        total += v
    return total

g = accumulator()
print(next(g), g.send(5), g.send(10))
print(g.throw(ValueError))
print(g.send(3))
try:
    g.send(None)
except StopIteration as e:
    print("stopped with", e.value)
