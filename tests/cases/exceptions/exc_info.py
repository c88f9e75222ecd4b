# sys.exc_info and exception attributes inside and after handlers.
import sys
try:
    raise LookupError("look")
except LookupError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None)
print(sys.exc_info())
try:
    raise ValueError("a", "b")
except ValueError as e:
    print(e.args, str(e), repr(e))
e2 = Exception("stored")
print(e2.args, isinstance(e2, BaseException))
