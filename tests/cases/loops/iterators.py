# Loops driving user-defined iterators.
class Countdown:
    def __init__(self, start):
        self.n = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

for v in Countdown(4):
    print(v)
it = iter([10, 20, 30])
print(next(it), next(it), next(it, "done"), next(it, "done"))
print(list(Countdown(3)), sum(Countdown(5)))
