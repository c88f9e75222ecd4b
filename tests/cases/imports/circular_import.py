# Circular imports see a partly initialised module; a module may replace
# itself in sys.modules; a failed import leaves nothing behind.
import sys
import pkgdata.cyc_a as a
print("cyc_a.READY:", a.READY, a.cyc_b.cyc_a is a)
import pkgdata.replaced
print(sys.modules["pkgdata.replaced"], pkgdata.replaced)
from pkgdata import replaced
print(replaced)
for attempt in range(2):
    try:
        import pkgdata.broken
    except ValueError as e:
        print(attempt, e, "pkgdata.broken" in sys.modules, hasattr(pkgdata, "broken"))
