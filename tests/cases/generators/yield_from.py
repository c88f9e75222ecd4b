# yield from delegation, including the delegate's return value.
def inner():
    yield 1
    yield 2
    return "inner result"

def outer():
    result = yield from inner()
    yield result
    yield from range(3, 5)
    yield from "ab"

print(list(outer()))
def flatten(xs):
    for x in xs:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x
print(list(flatten([1, [2, [3, 4]], 5])))
