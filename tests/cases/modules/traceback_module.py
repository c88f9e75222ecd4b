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
    # (Source lines are left out: a run from a .pyc may not find them.)
    print(text.splitlines()[0], text.splitlines()[-1], text.count("  File "))
    parts = traceback.format_exception(e)
    print(len(parts), [p.splitlines()[0].split(",")[-1] for p in parts])
    print(traceback.format_exception_only(type(e), e))
    tb_parts = traceback.format_tb(e.__traceback__)
    print(len(tb_parts), [p.startswith("  File ") for p in tb_parts])
    class Sink:
        text = ""
        def write(self, s): Sink.text += s
    traceback.print_exc(file=Sink())
    print(Sink.text.splitlines()[0], Sink.text.splitlines()[-1])
try:
    try:
        {}["k"]
    except KeyError:
        raise ValueError("during")
except ValueError as e:
    parts = traceback.format_exception(type(e), e, e.__traceback__)
    print([p.splitlines()[0].split(",")[-1] if p.strip() else "blank" for p in parts])
print(traceback.format_exc().splitlines()[-1])
print(traceback.format_exception_only(None))
