# globals(), locals(), vars() and exec-free dynamic lookups.
g = 1
def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))
print("g" in globals(), globals()["g"])
class C:
    x = 1
    names = sorted(k for k in locals() if not k.startswith("__"))
print(C.names)
print(sorted(vars(C).keys())[-2:])
