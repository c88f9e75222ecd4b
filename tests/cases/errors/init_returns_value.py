# An __init__ that returns a value: the TypeError's traceback ends at the call.
class R:
    def __init__(self, n):
        self.n = n
        return n


def make(n):
    return R(n)


print(make(None).n)
make(4)
