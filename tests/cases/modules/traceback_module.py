# The traceback module: format_exc, format_exception, format_tb, print_exc.
import sys
import traceback
def inner(x):
    return 10 // x
def outer():
    return inner(0)
try:
    outer()
except ZeroDivisionError as e:
    text = traceback.format_exc()
    print(text.splitlines()[0], text.splitlines()[-1], len(text.splitlines()))
    parts = traceback.format_exception(e)
    print(len(parts), [p.splitlines()[0] for p in parts])
    print(traceback.format_exception_only(type(e), e))
    tb_parts = traceback.format_tb(e.__traceback__)
    print(len(tb_parts), [p.count("\n") for p in tb_parts])
    class Sink:
        text = ""
        def write(self, s): Sink.text += s
    traceback.print_exc(file=Sink())
    print([l.strip() for l in Sink.text.splitlines() if "File" not in l])
try:
    try:
        {}["k"]
    except KeyError:
        raise ValueError("during")
except ValueError as e:
    parts = traceback.format_exception(type(e), e, e.__traceback__)
    print([p.splitlines()[0] if p.strip() else "blank" for p in parts])
print(traceback.format_exc())
print(traceback.format_exception_only(None))
