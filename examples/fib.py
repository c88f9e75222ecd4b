"""Fibonacci numbers three ways: recursive, iterative and as a generator."""


def fib_recursive(n):
    if n < 2:
        return n
    return fib_recursive(n - 1) + fib_recursive(n - 2)


def fib_iterative(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def fib_sequence():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


if __name__ == "__main__":
    gen = fib_sequence()
    first = [next(gen) for _ in range(15)]
    print("first 15:", first)
    assert all(fib_recursive(i) == fib_iterative(i) == v for i, v in enumerate(first))
    print(f"fib(90) = {fib_iterative(90)}")
    print(f"fib(20) recursively = {fib_recursive(20)}")
