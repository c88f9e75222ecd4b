x = 10
print(eval("x + 5"))
print(eval("y * 2", {"y": 21}))
ns = {}
exec("a = 3\nb = a + 4", ns)
print(ns["b"], "__builtins__" in ns)
exec("x = 99")
print(x)
code = compile("40 + 2", "<expr>", "eval")
print(eval(code))
print(callable(print), callable(1), callable(len))
print(hasattr("s", "upper"), hasattr(1, "nope"))
print(getattr(1, "nope", "default"))
print(hash(1) == hash(1.0), hash(True))
print(id(ns) == id(ns))
print("x" in globals())


def f(p, q=2):
    r = p + q
    return sorted(locals().items())


print(f(1))
e = ValueError("bad", 2)
print(e.args, str(KeyError("k")) if False else "ok", StopIteration(7).value, SystemExit(3).code)
try:
    eval("1 +")
except SyntaxError as err:
    print("SyntaxError")
try:
    getattr(1, 2)
except TypeError as err:
    print(err)
