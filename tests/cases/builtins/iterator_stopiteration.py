# A StopIteration with a value escaping an iterator or a callback passes
# through map, filter, zip and enumerate to next(), as in CPython.
class A:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration(42)

def gen(x):
    return x
    yield

def stop(v):
    raise StopIteration(v)

def show(label, f):
    try:
        print(label, "->", f())
    except StopIteration as e:
        print(label, "StopIteration", e.args)
    except ValueError as e:
        print(label, "ValueError", e)

show("next gen", lambda: next(gen(42)))
show("map gen", lambda: next(map(abs, gen(42))))
show("map gen None", lambda: next(map(abs, gen(None))))
show("map func", lambda: next(map(stop, [7])))
show("filter func", lambda: next(filter(stop, [7])))
show("filter inner", lambda: next(filter(None, A())))
show("enumerate", lambda: next(enumerate(gen(5))))
show("zip", lambda: next(zip([1], A())))
show("zip strict", lambda: next(zip(A(), strict=True)))
show("zip strict 2", lambda: next(zip([1], A(), strict=True)))
show("dunder", lambda: map(abs, gen(9)).__next__())
show("default", lambda: next(map(stop, [1]), "dflt"))
show("iter callable", lambda: next(iter(lambda: stop(4), None)))
show("consumers", lambda: (list(map(stop, [1])), sum(map(stop, [1])), tuple(zip(A()))))
show("for", lambda: [x for x in enumerate(gen(3))])
