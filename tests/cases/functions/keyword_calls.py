# Calls with keyword arguments, KW_NAMES and mixed unpacking.
def show(a, b, c=0, d=0):
    return f"a={a} b={b} c={c} d={d}"

print(show(1, 2))
print(show(1, b=2))
print(show(b=1, a=2, d=4))
print(show(*[1, 2], **{"d": 9}))
print(show(1, *(2,), c=3, **{"d": 4}))
print(dict(one=1, two=2))
print(sorted([3, 1, 2], key=lambda v: -v, reverse=False))
