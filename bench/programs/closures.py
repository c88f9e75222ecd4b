# Closures: counters kept in cells, nonlocal updates, decorators that wrap
# functions in closures, and functions made in a loop.
def make_counter(step):
    count = 0
    def bump():
        nonlocal count
        count += step
        return count
    return bump

def logged(fn):
    calls = [0]
    def wrapper(*args):
        calls[0] += 1
        return fn(*args)
    wrapper.calls = calls
    return wrapper

def scaled(factor):
    def decorate(fn):
        def inner(x):
            return fn(x) * factor
        return inner
    return decorate

@logged
def add(a, b):
    return a + b

@scaled(3)
def inc(x):
    return x + 1

def adders(n):
    return [lambda x, k=k: x + k for k in range(n)]

def run(n):
    c1 = make_counter(1)
    c2 = make_counter(2)
    total = 0
    fs = adders(8)
    for i in range(n):
        total += c1() + c2()
        total = add(total, inc(i)) % 1_000_003
        total += fs[i % 8](i) % 7
    return total, add.calls[0]

print(run(1_000_000))
