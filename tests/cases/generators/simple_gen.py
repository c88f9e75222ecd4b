# Generator functions with yield in loops and conditionals.
def evens(limit):
    n = 0
    while n < limit:
        if n % 2 == 0:
            yield n
        n += 1

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

print(list(evens(10)))
f = fib()
print([next(f) for _ in range(10)])
