def show(exc):
    print(type(exc).__name__, repr(str(exc)), type(exc.__cause__).__name__, type(exc.__context__).__name__,
          exc.__suppress_context__)

try:
    raise ValueError('plain')
except ValueError as exc:
    show(exc)
try:
    raise KeyError('k') from TypeError('cause')
except KeyError as exc:
    show(exc)
    print(repr(exc.__cause__), exc.__cause__ is exc.__context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError('during handling')
except RuntimeError as exc:
    show(exc)
