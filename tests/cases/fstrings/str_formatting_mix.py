# f-strings compared with format() and %-formatting of the same values.
import math
pi = math.pi
print(f"{pi:.4f}", "{:.4f}".format(pi), "%.4f" % pi)
print(f"{10:#06x}", format(10, "#06x"), "%#06x" % 10)
print(f"{'a'!r:>5}", "{!r:>5}".format("a"))
print(f"{True} {None} {...}")
print(f"{3 + 4j} {-0.0} {1e100}")
