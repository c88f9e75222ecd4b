# Tuples on both sides of the three-item inline storage: building,
# comparing, hashing, slicing, concatenating, unpacking and *args.
def f(*args):
    return args
sizes = [tuple(range(n)) for n in range(6)]
for t in sizes:
    print(len(t), t, t == tuple(list(t)), hash(t) == hash(tuple(list(t))))
print([t[1:] for t in sizes])
print(sizes[2] + sizes[2], sizes[3] + (9,), sizes[4][:3], sizes[5][::2])
print(f(), f(1), f(1, 2, 3), f(1, 2, 3, 4), f(*sizes[5]))
a, b, c = sizes[3]
w, *rest = sizes[5]
print(a, b, c, w, rest)
d = {sizes[3]: "three", sizes[4]: "four"}
print(d[(0, 1, 2)], d[(0, 1, 2, 3)], (0, 1, 2) in d, (0, 1) in d)
print(sorted([(2, 1), (1, 2, 3), (1,), (1, 2, 3, 4), ()]))
print(list(zip("ab", "cd", "ef")), list(enumerate("xy")), dict(a=1).items())
print(divmod(7, 2), (1, 2) * 2, (1, 2, 3, 4) < (1, 2, 3, 5), min((3, 1), (2, 9)))
