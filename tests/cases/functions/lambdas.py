# Lambdas with defaults, keyword-only args, closures and immediate calls.
square = lambda x: x * x
add = lambda a, b=10: a + b
kw = lambda *, k=1: k * 2
varargs = lambda *a, **k: (a, k)
adders = [lambda v, i=i: v + i for i in range(3)]
print(square(7), add(1), add(1, 2), kw(), kw(k=5))
print(varargs(1, 2, z=3))
print([f(10) for f in adders])
print((lambda: "immediate")())
print(sorted(["bb", "a", "ccc"], key=lambda s: len(s)))
nested = lambda x: lambda y: x + y
print(nested(3)(4))
