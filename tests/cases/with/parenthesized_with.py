# Parenthesized multi-line context managers (3.10+ syntax).
from contextlib import nullcontext as nc

with (
    nc(1) as one,
    nc(2) as two,
    nc(3),
):
    print(one + two)

with (nc("a") as a, nc("b") as b):
    print(a + b)
