# return, break and continue inside with blocks.
from contextlib import contextmanager

@contextmanager
def noisy(n):
    yield n
    print("closing", n)

def find(limit):
    for i in range(10):
        with noisy(i) as v:
            if v % 2:
                continue
            if v >= limit:
                return "found %d" % v
            if v > 100:
                break
    return None

print(find(3))
