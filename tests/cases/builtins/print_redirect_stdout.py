# print() writes to whatever sys.stdout is now.
import contextlib
import io
import sys

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("hidden", 1, sep="-")
    print("more", end="!")
print(repr(buf.getvalue()))

class Collector:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)

old = sys.stdout
sys.stdout = c = Collector()
print("a", "b")
sys.stdout = None
print("nothing")
sys.stdout = old
print(c.parts)
