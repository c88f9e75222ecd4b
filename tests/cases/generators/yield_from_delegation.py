# throw() and close() on a generator suspended in `yield from` go to the
# iterator it delegates to: a generator, or any object with throw/close.
class Sub:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration(self.n * 10)
        return self.n
    def send(self, v):
        print("sub send", v); return self.__next__()
    def throw(self, e):
        print("sub throw", repr(e))
        raise StopIteration("thrown-result")
    def close(self):
        print("sub close")

def inner():
    try:
        yield "inner"
    except KeyError as e:
        print("inner caught", e)
        return "inner result"

def outer():
    print("outer got", (yield from Sub()))
    print("outer got", (yield from inner()))
    yield from [7, 8]

g = outer()
print(next(g), g.send("x"), type(g.gi_yieldfrom).__name__)
print(g.throw(ValueError("v")), g.gi_yieldfrom.__name__)
print(g.throw(KeyError("k")), type(g.gi_yieldfrom).__name__)
try:
    g.throw(IndexError("i"))
except IndexError as e:
    print("propagated", repr(e), g.gi_frame)
g2 = outer(); next(g2)
g2.close()
print(g2.gi_yieldfrom, g2.gi_frame)
