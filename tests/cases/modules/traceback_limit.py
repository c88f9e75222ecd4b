import sys
import traceback


def f0():
    raise ValueError("value")


def f1():
    f0()


def frames(text):
    return [l.split(', ')[-1] for l in text.splitlines() if l.startswith('  File')] + [text.splitlines()[-1]]


try:
    f1()
except ValueError as e:
    err = e
for limit in (None, 2, 1, 0, -1, -2):
    print(limit, frames(''.join(traceback.format_exception(err, limit=limit))))
for limit in (1, 0, -3):
    sys.tracebacklimit = limit
    print('sys', limit, frames(''.join(traceback.format_exception(err))))
    try:
        f1()
    except ValueError:
        print('exc', limit, frames(traceback.format_exc()))
del sys.tracebacklimit
print(hasattr(sys, 'tracebacklimit'), len(frames(''.join(traceback.format_exception(err)))))
