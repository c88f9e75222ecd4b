# Branches on constants that the compiler removes.
if True:
    print("always")
if False:
    print("never")
if 0:
    print("never either")
else:
    print("else of 0")
while 0:
    print("unreachable")
if __debug__:
    print("debug on")
x = 1 if True else 2
print(x)
def f():
    if None:
        return 1
    return 2
print(f())
