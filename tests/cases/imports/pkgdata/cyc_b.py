try:
    from .cyc_a import READY
except ImportError as e:
    print("cyc_b:", type(e).__name__, str(e).split(" (")[0] + " (...)")
from . import cyc_a
print("cyc_b sees cyc_a.READY:", hasattr(cyc_a, "READY"))
