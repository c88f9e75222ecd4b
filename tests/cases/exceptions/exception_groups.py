# ExceptionGroup and BaseExceptionGroup: construction, attributes, str/repr, MRO.
eg = ExceptionGroup("many", [ValueError(1), TypeError("t")])
print(type(eg).__name__, eg.message, eg.exceptions, eg.args)
print(str(eg), repr(eg))
print(str(ExceptionGroup("one", (KeyError("k"),))))
print(ExceptionGroup.__mro__)
print(ExceptionGroup.__bases__, BaseExceptionGroup.__mro__)
print(isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
b = BaseExceptionGroup("only exceptions", [ValueError()])
print(type(b).__name__)
b = BaseExceptionGroup("mixed", [ValueError(), KeyboardInterrupt()])
print(type(b).__name__, repr(b), isinstance(b, Exception))
bad = [
    lambda: ExceptionGroup("x"),
    lambda: ExceptionGroup(1, [ValueError()]),
    lambda: ExceptionGroup("x", {ValueError()}),
    lambda: ExceptionGroup("x", []),
    lambda: ExceptionGroup("x", [ValueError(), 2]),
    lambda: ExceptionGroup("x", [KeyboardInterrupt()]),
    lambda: ExceptionGroup("x", [ValueError()], extra=1),
    lambda: ExceptionGroup("x", "ab"),
    lambda: ExceptionGroup("x", [ValueError()], 3),
]
for make in bad:
    try:
        make()
    except Exception as e:
        print(type(e).__name__, e)
try:
    eg.message = "new"
except AttributeError as e:
    print(type(e).__name__, e)
class MyGroup(ExceptionGroup):
    pass
m = MyGroup("mine", [OSError(2)])
print(type(m).__name__, m, [c.__name__ for c in MyGroup.__mro__])
try:
    MyGroup("m", [SystemExit()])
except TypeError as e:
    print(type(e).__name__, e)
