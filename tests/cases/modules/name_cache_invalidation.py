# Name lookups are cached per instruction; every rebinding must show.
def show():
    return len("abc")
out = []
for step in range(4):
    if step == 1:
        len = lambda s: "shadowed len"        # a global now shadows the builtin
    if step == 2:
        del len                               # and goes away again
    if step == 3:
        import builtins
        builtins.len = lambda s: "patched"    # the builtin itself changes
    out.append((show(), len("xy")))
print(out)
import builtins
del builtins.len
counter = 0
def bump():
    global counter
    counter += 1
for _ in range(3):
    bump()
    print(counter, end=" ")
print()
class C:
    x = 1
    for i in range(3):
        x = x + i                              # STORE_NAME/LOAD_NAME in a class body
    y = x * 2
print(C.x, C.y)
code = compile("a = a + 1 if 'a' in dir() else 0\nb = a", "<s>", "exec")
for ns in ({}, {"a": 10}, {}):
    for _ in range(2):
        exec(code, ns)
    print(ns.get("a"), ns.get("b"))
