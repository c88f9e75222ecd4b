# A generator whose last reference goes in a store (attribute, item, cell,
# unpacking) is finalized right there, before the next statement.
def gen(tag):
    try:
        yield 1
    finally:
        print("closed", tag)

class Box:
    pass

b = Box()
b.g = gen("attr"); next(b.g)
b.g = None
print("after attr")
d = {"k": gen("item")}; next(d["k"])
d["k"] = 0
print("after item")
def cell():
    g = gen("cell"); next(g)
    def drop():
        nonlocal g
        g = None
        print("after cell")
    drop()
cell()
x, y = gen("unpack"), 2; next(x)
x, y = 1, 2
print("after unpack")
print(gen("attrread").gi_running)
print("end")
