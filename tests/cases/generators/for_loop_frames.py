# Generators driven by `for` (resumed as frames of the same loop).
import sys
def gen(n):
    for i in range(n):
        yield i, sys.exc_info()[0]
    return "done"
try:
    raise KeyError("outer")
except KeyError:
    print([x for x in gen(2)])
for a, _ in (g := gen(5)):
    if a == 2:
        break
print(next(g), list(g))
def bad():
    yield 1; raise StopIteration("inner")
try:
    for v in bad():
        print("got", v)
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
def boom():
    yield 1 / 0
try:
    print([v for v in boom()])
except ZeroDivisionError as e:
    print("caught", e)
def selfish():
    yield g2.gi_running
    try: next(g2)
    except ValueError as e: yield str(e)
g2 = selfish()
print(list(g2), g2.gi_running)
def inner_handler():
    try:
        raise ValueError("v")
    except ValueError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
print([x for x in inner_handler()], sys.exc_info()[0])
