# Instance dicts of one class that grow differently: the first instance
# gets many attributes, later ones few; deletions, clear() and re-adding.
class P:
    pass

big = P()
for i in range(20):
    setattr(big, "a%d" % i, i)
small = [P() for _ in range(3)]
for n, p in enumerate(small):
    p.x = n
    p.y = n * 2
print(len(vars(big)), [vars(p) for p in small])
del big.a3, big.a0
big.a0 = "back"
print(list(vars(big))[:4], list(vars(big))[-2:], big.a0)
small[0].__dict__.clear()
small[0].z = 9
print(vars(small[0]), hasattr(small[0], "x"))
d = {i: i for i in range(12)}
for i in range(0, 12, 2):
    del d[i]
d.clear()
d["k"] = 1
s = set(range(10))
for i in range(9):
    s.discard(i)
s.add(100)
print(d, sorted(s), len(s))
