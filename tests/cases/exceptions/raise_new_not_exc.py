# An exception class whose __new__ returns a non-exception.
class Bad(Exception):
    def __new__(cls, *args):
        return 42

class Good(Exception):
    def __new__(cls, *args):
        return ValueError("from new")

for c in (Bad, Good):
    try:
        raise c
    except Exception as e:
        print(type(e).__name__, e)

def gen():
    try:
        yield 1
    except TypeError as e:
        print("in gen:", e)
        yield 2

g = gen()
print(next(g))
print(g.throw(Bad))
try:
    gen().throw(Bad, "x")
except TypeError as e:
    print("TypeError:", e)
try:
    raise Bad()
except TypeError as e:
    print("TypeError:", e)
