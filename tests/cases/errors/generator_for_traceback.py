# An error inside a generator driven by `for`: the traceback runs through
# the loop's frame and the generator's, as CPython prints it.
def gen(n):
    for i in range(n):
        yield 10 // (2 - i)


def consume():
    total = 0
    for v in gen(5):
        total += v
    return total


print(sum(gen(2)))
consume()
