# Arguments that are captured by inner functions (cells that are also args).
def scale(factor, *extra, **options):
    def apply(v):
        return v * factor + len(extra) + len(options)
    return apply

def capture_all(a, b, c):
    return lambda: (c, b, a)

f = scale(3, 1, 2, key=1)
print(f(10))
print(capture_all(1, 2, 3)())
def shadow(x):
    x = x + 1
    def get():
        return x
    return get()
print(shadow(4))
