# split(), subgroup() and derive(): by type, tuple of types, predicate.
def show(e, ind=""):
    if isinstance(e, BaseExceptionGroup):
        print(ind + type(e).__name__, repr(e.message), len(e.exceptions))
        for sub in e.exceptions:
            show(sub, ind + "  ")
    else:
        print(ind + repr(e))

inner = ExceptionGroup("inner", [ValueError(3), KeyError(4)])
eg = ExceptionGroup("eg", [ValueError(1), TypeError(2), inner])
eg.add_note("a note")
eg.__cause__ = OSError("cause")
match, rest = eg.split(ValueError)
show(match)
show(rest)
print(match.__notes__, match.__notes__ is eg.__notes__, match.__cause__ is eg.__cause__)
print(eg.split(OSError), eg.split(BaseException)[0] is eg)
show(eg.subgroup((KeyError, TypeError)))
show(eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 1))
print(eg.subgroup(lambda e: False), eg.subgroup(lambda e: True) is eg)
show(eg.derive([OSError(5)]))
print(type(eg.derive([KeyboardInterrupt()])).__name__)
for call in [lambda: eg.split(1), lambda: eg.split(len), lambda: eg.split(),
             lambda: eg.subgroup((ValueError, 2)), lambda: eg.derive([]),
             lambda: eg.split(lambda e: 1 / 0)]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
