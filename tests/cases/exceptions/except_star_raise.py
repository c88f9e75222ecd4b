# Raising and re-raising inside except* handlers (PREP_RERAISE_STAR).
def show(e, ind=""):
    if isinstance(e, BaseExceptionGroup):
        print(ind + type(e).__name__, repr(e.message), len(e.exceptions))
        for sub in e.exceptions:
            show(sub, ind + "  ")
    else:
        print(ind + repr(e))

def run(body):
    try:
        body()
    except BaseException as e:
        show(e)

def reraise_and_raise():
    inner = ExceptionGroup("in", [ValueError(3), KeyError(4)])
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), inner])
    except* ValueError:
        raise
    except* TypeError:
        raise RuntimeError("new")
run(reraise_and_raise)

def raise_group_var():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as g:
        raise g
run(raise_group_var)

def naked():
    try:
        raise ValueError("naked")
    except* ValueError as g:
        print("caught", repr(g), type(g).__name__)
        raise KeyError("k")
run(naked)
