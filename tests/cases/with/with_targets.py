# with targets that are tuples, attributes and subscripts.
from contextlib import nullcontext

class NS:
    pass
ns = NS()
slots = [None]
with nullcontext((1, 2)) as (a, b):
    print(a, b)
with nullcontext("attr") as ns.value:
    pass
with nullcontext("item") as slots[0]:
    pass
with nullcontext([1, 2, 3]) as (first, *rest):
    print(first, rest)
print(ns.value, slots)
