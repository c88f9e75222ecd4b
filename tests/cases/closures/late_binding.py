# Closures bind variables, not values.
funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])
def make():
    fs = []
    for j in range(3):
        def g(j=j):
            return j * 10
        fs.append(g)
    return fs
print([f() for f in make()])
def rebinding():
    v = 1
    get = lambda: v
    v = 2
    return get()
print(rebinding())
