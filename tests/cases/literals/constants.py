# The singleton constants and Ellipsis.
x = None
t = True
f = False
e = ...
print(x, t, f, e)
print(x is None, t is True, f is not True)
print(type(e).__name__, e is Ellipsis)
print(True + True, False * 5)
def stub():
    ...
print(stub())
