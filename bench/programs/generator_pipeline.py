# A pipeline of generators: generator functions feeding each other, a
# chunking stage that keeps state between yields, yield from, and a
# generator expression consumed by a builtin.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1

def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x

def squares(src):
    for x in src:
        yield x * x

def both(src):
    # Delegation: every value passes through a yield from.
    yield from src

def chunked(src, size):
    chunk = []
    for x in src:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk

def run(n):
    total = 0
    count = 0
    for chunk in chunked(both(squares(evens(numbers(n)))), 16):
        total += sum(x % 1000 for x in chunk)
        count += 1
    return total, count

print(run(3_000_000))
