# Notes travel with split() parts; a re-raise in except* keeps the group.
def show(e, ind=""):
    notes = getattr(e, "__notes__", None)
    if isinstance(e, BaseExceptionGroup):
        print(ind + type(e).__name__, repr(e.message), notes)
        for sub in e.exceptions:
            show(sub, ind + "  ")
    else:
        print(ind + repr(e), notes)

leaf = ValueError(1)
leaf.add_note("leaf note")
group = ExceptionGroup("g", [leaf, TypeError(2), KeyError(3)])
group.add_note("group note")
try:
    try:
        raise group
    except* TypeError:
        raise
    except* KeyError:
        print("keys handled")
except ExceptionGroup as rest:
    show(rest)
    print(rest.__notes__ is group.__notes__, rest.exceptions[0] is leaf)
