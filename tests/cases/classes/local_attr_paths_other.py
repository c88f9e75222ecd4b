# Reads of a local's attribute off the cached path: __slots__, built-in
# objects, an unbound local, a missing attribute; and f(*seq).
class P:
    __slots__ = ("v",)
    def __init__(self):
        self.v = 7

p = P()
def slot(o):
    return o.v
print(slot(p), slot(p))
def builtin(s):
    return s.upper(), s.__len__()
print(builtin("abc"), builtin("de"))
def unbound():
    if False:
        o = 1
    return o.x
try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def no_attr(o):
    return o.y
try:
    no_attr(object())
except AttributeError as e:
    print("AttributeError:", e)
def star(f, args):
    return f(*args)
print(star(max, [3, 9, 2]), star(divmod, (17, 5)), ",".join(("x", "y")))
