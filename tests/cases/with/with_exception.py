# Exceptions raised in with bodies: suppressed by contextlib.suppress.
from contextlib import suppress

with suppress(ZeroDivisionError):
    print("before")
    1 / 0
    print("never")
print("after suppress")

def g():
    with suppress(KeyError):
        return {}["x"]
    return "fell through"

print(g())
try:
    with suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("caught", e)
