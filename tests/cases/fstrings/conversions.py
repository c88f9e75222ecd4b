# Conversions !r, !s, !a and self-documenting = expressions.
s = "caf\u00e9"
val = 3.5
print(f"{s!r} {s!s} {s!a}")
print(f"{val=}")
print(f"{s = }")
print(f"{val * 2 = :.3f}")
print(f"{[1, 2]!r:>12}")
class P:
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "a P"
print(f"{P()} {P()!r} {P()!s}")
