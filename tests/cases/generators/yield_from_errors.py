# yield from a generator: errors through the delegation, re-entry, and
# an exhausted delegate.
def boom():
    yield 1
    raise KeyError("k")
def wrap():
    yield from boom()
try:
    list(wrap())
except KeyError as e:
    tb, names = e.__traceback__, []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("caught", repr(e), names)
def leaks():
    yield 1
    raise StopIteration("x")
def via():
    yield from leaks()
try:
    for v in via():
        print("v", v)
except RuntimeError as e:
    print("runtime", e, repr(e.__cause__))
def selfref():
    yield from me
me = selfref()
try:
    next(me)
except ValueError as e:
    print("value", e)
done = iter(())
def exhausted():
    r = yield from (x for x in done)
    yield ("after", r)
print(list(exhausted()))
