# Traceback objects: the chain, its frames and lines, with_traceback.
import sys
def inner():
    raise ValueError("deep")
def outer():
    inner()
try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb is not None, sys.exc_info()[2] is not None)
    lines = []
    while tb is not None:
        lines.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_lasti >= 0))
        tb = tb.tb_next
    print(lines)
    print(repr(e.__traceback__)[:20], type(e.__traceback__.tb_frame).__name__)
    e2 = KeyError("k").with_traceback(e.__traceback__.tb_next)
    print(e2.__traceback__.tb_frame.f_code.co_name, e2.__traceback__.tb_next.tb_lineno)
    e2.__traceback__ = None
    print(e2.__traceback__)
    try:
        e2.__traceback__ = 5
    except TypeError as t:
        print("TypeError", t)
print(ValueError().__traceback__)
try:
    raise KeyError("x").with_traceback(None)
except KeyError as k:
    print(k.__traceback__.tb_frame.f_code.co_name, k.__traceback__.tb_next)
