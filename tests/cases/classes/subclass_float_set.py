class F(float):
    pass

f = F(1.5)
print(f, f * 2, type(f).__name__, f > 1, F())

try:
    F("nope")
except ValueError as e:
    print("ValueError", e)


class Fs(frozenset):
    pass

class St(set):
    pass

s = St([1, 2])
s.add(3)
print(sorted(s), len(Fs([1, 1, 2])), 2 in Fs([2]), type(s).__name__, bytes(b"ab") == b"ab")

class B(bytes):
    pass

b = B(b"xy")
print(b, len(b), b[0], b + b"z", b.decode(), type(b).__name__, hash(b) == hash(b"xy"))
