# The handled exception seen in generators resumed by for, next() and yield
# from, with or without one in the caller; kept across a yield in except.
import sys

def name():
    return type(sys.exc_info()[1]).__name__ if sys.exc_info()[1] else None

def plain():
    yield from (name(), name())

def handler():
    yield name()
    try:
        raise KeyError("k")
    except KeyError:
        yield name()
        yield name()
    yield name()

def outer():
    try:
        raise ValueError("v")
    except ValueError:
        yield name()
        yield from handler()
        yield name()
    yield name()

print([x for x in plain()], [x for x in handler()], [x for x in outer()])
g = handler()
try:
    raise IndexError("i")
except IndexError:
    print(next(g), next(g), name())
print(next(g), name(), next(g), next(g, "done"))
for a in outer():
    try:
        raise TypeError("t")
    except TypeError:
        print(a, name(), [x for x in plain()], name())
