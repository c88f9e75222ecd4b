# cyc_a and cyc_b import each other; cyc_b runs while cyc_a is half done.
from . import cyc_b
READY = True
