# del on names, attributes, subscripts, slices and tuples of targets.
a = 1
b = [0, 1, 2, 3, 4, 5]
c = {"x": 1, "y": 2}
class O:
    pass
o = O()
o.attr = 5
del a
del b[0], b[1:3]
del c["x"]
del o.attr
print(b, c, hasattr(o, "attr"))
try:
    print(a)
except NameError as e:
    print("NameError", e)
def local_del():
    v = 3
    del v
    return "ok"
print(local_del())
