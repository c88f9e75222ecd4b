# StopIteration from map/filter inside a generator: PEP 479 turns it into
# RuntimeError; `yield from` an iterator takes the StopIteration's value.
def stop(v):
    raise StopIteration(v)

def g():
    yield next(map(stop, [1]))

try:
    next(g())
except RuntimeError as e:
    print("RuntimeError:", e, repr(e.__cause__))

def h():
    r = yield from map(stop, [8])
    yield r

print(list(h()))

def inner():
    yield 1
    return "done"

def outer():
    for x in map(lambda v: v * 10, inner()):
        yield x
    yield "after"

print(list(outer()))

def k():
    yield from filter(stop, [5])

try:
    print(list(k()))
except RuntimeError as e:
    print("RuntimeError:", e)
