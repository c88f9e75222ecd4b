import sys
sys.setrecursionlimit(20000)
def leaf():
    yield 1
    yield 2
    return "done"
def chain(n):
    if n == 0:
        return (yield from leaf())
    return (yield from chain(n - 1))
g = chain(10_000)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("returned", e.value)
def million():
    for i in range(1_000_000):
        yield i
print(sum(million()))
