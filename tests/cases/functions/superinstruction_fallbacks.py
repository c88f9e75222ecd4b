# Pairs the runtime fuses (load+load, load+const, store+load, compare+jump)
# still behave when the second half must not run or takes the slow path.
def unbound_second():
    a = 1
    if a > 5:
        b = 2
    return a + b

def unbound_after_store():
    x = 3
    y = x
    del x
    return y, x

for f in (unbound_second, unbound_after_store):
    try:
        f()
    except UnboundLocalError as e:
        print(type(e).__name__, e)

nan = float("nan")
for a, b in [(1, 2), (2, 1), (1.5, 1.5), (nan, nan), (1, 1.0), ("a", "b"), ((1,), (1,))]:
    out = []
    for op in ("<", "<=", "==", "!=", ">", ">="):
        if eval(f"a {op} b"):
            out.append(op)
    print(a, b, out, a < b if a == a else "nan")

i, total = 0, 0
while i < 10:
    if i % 3 != 0:
        total += i
    i += 1
print(total)
try:
    if 1 < "x":
        pass
except TypeError as e:
    print(e)
