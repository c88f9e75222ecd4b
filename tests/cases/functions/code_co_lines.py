# code.co_lines() and code.co_lnotab, decoded from the location table.
def loop(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += i
    return total


def guarded(a):
    try:
        a = 1 / a
    except ZeroDivisionError:
        a = None
    finally:
        a = [a]
    return a


def spread(x,
           y):
    return (x +
            y *
            2)


for f in (loop, guarded, spread, lambda: 0):
    code = f.__code__
    lines = list(code.co_lines())
    print(f.__name__, lines)
    print(code.co_lnotab)
    print(lines[0][0], lines[-1][1] == len(code.co_code))
    print(all(a[1] == b[0] for a, b in zip(lines, lines[1:])))
it = loop.__code__.co_lines()
print(type(it).__name__, iter(it) is it, next(it))
print(sorted({line for _, _, line in guarded.__code__.co_lines() if line}))
