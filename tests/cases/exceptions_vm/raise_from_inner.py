def show(exc):
    print(type(exc).__name__, repr(str(exc)), type(exc.__cause__).__name__, type(exc.__context__).__name__,
          exc.__suppress_context__)

try:
    try:
        [][0]
    except IndexError as inner:
        raise LookupError('wrapped') from inner
except LookupError as exc:
    show(exc)
    print(exc.__cause__ is exc.__context__)
try:
    try:
        {}['x']
    except KeyError:
        raise ValueError('hidden') from None
except ValueError as exc:
    show(exc)
    print(repr(exc.__context__))
try:
    raise ValueError from OSError
except ValueError as exc:
    show(exc)
for bad in [lambda: exec('raise 5'), lambda: exec('raise ValueError from 3')]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)
