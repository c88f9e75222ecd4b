import sys

for arg in [None, 0, 3, 'message', (1, 2)]:
    try:
        if arg is None:
            sys.exit()
        sys.exit(arg)
    except SystemExit as exc:
        print('SystemExit', repr(exc.code), exc.args, isinstance(exc, BaseException), isinstance(exc, Exception))
try:
    raise SystemExit(7)
except SystemExit as exc:
    print('raised directly', exc.code)
try:
    sys.exit(1)
except Exception:
    print('not reached')
except BaseException as exc:
    print('caught as BaseException', type(exc).__name__, exc.code)
print('still running')
