# Nested with statements and multiple items in one with.
from contextlib import contextmanager

@contextmanager
def tag(name):
    print("<%s>" % name)
    yield name
    print("</%s>" % name)

with tag("html"):
    with tag("body") as b:
        with tag("p") as p, tag("b") as bb:
            print(b, p, bb)
with tag("x") as x, tag("y"):
    print(x)
