# An unbound local in the second half of a fused load pair: the traceback
# points at the second name, as CPython's does.
def f(flag):
    a = 1
    if flag:
        b = 2
    return a + b


print(f(True))
f(False)
