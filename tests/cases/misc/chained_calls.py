# Calls returning callables, calls on subscripts and on call results.
def adder(a):
    return lambda b: lambda c: a + b + c
print(adder(1)(2)(3))
ops = {"double": lambda v: v * 2, "neg": lambda v: -v}
print(ops["double"](4), ops["neg"](ops["double"](5)))
table = [[len, str.upper], [abs]]
print(table[0][1]("x"), table[1][0](-9))
print("a,b".split(",")[1].upper().center(5, "."))
print(getattr(str, "join")(":", ["p", "q"]))
