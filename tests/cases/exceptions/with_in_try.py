# An exception raised in a with block inside try, suppressed or not.
class Suppress:
    def __init__(self, kind):
        self.kind = kind
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None)
        return t is not None and issubclass(t, self.kind)

try:
    with Suppress(KeyError):
        raise KeyError("gone")
    print("after suppressed")
    with Suppress(KeyError):
        raise ValueError("kept")
except ValueError as e:
    print("propagated", e)
