# Dicts across the small-dict boundary (no index up to eight entries):
# growing past it, deleting back under it, compacting, and keys with
# equal hashes, compared with CPython entry by entry.
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return self.v % 3
    def __eq__(self, o): return isinstance(o, K) and o.v == self.v
    def __repr__(self): return f"K{self.v}"
seed = 7
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
for trial in range(40):
    d = {}
    for step in range(rnd(40)):
        k = [rnd(20), str(rnd(20)), K(rnd(10)), (1, rnd(4))][rnd(4)]
        op = rnd(10)
        if op < 5:
            d[k] = step
        elif op < 7:
            d.pop(k, None)
        elif op < 8:
            d.setdefault(k, -1)
        else:
            d.get(k, "missing")
    print(len(d), list(d.items()))
big = {i: i for i in range(20)}
for i in range(0, 20, 2):
    del big[i]
for i in range(3, 20, 4):
    del big[i]
print(big, 7 in big, 8 in big, big.get(19))
