class S(str):
    def __new__(cls, v, tag=""):
        o = super().__new__(cls, v)
        o.tag = tag
        return o
s = S("abc", "t")
print(s, s.tag, "xabc".endswith(s), s in "xabcx", "b" in s, s.startswith(S("a")), getattr(s, "tag"))
print(sorted([S("b"), S("a")]), S("a") < "b", s * 2, s[::-1], s.replace("b", "B"), str(s), int(S("7")))
print("{}-{}".format(s, 1), f"{s!r:>8}", s.encode(), {s: 1}, len({s, "abc"}))
class P(tuple):
    __slots__ = ()
    @property
    def x(self):
        return self[0]
p = P((4, 5))
print(p.x, p, p == (4, 5), p[1:], tuple(p), p.index(5), hash(p) == hash((4, 5)), max(p))
try:
    p.y = 1
except AttributeError as e:
    print("AttributeError", e)
class I(int):
    def __new__(cls, v):
        return int.__new__(cls, v * 2)
print(I(4), I(4) + I(1), range(I(3)), [0] * I(1), bin(I(2)), hex(I(8)), I(4).bit_length(), int(I(3)), float(I(1)))
class L(list):
    pass
import json
print(json.dumps({"a": L([1, 2])}), L([1]) is not L([1]), L([3, 1]).copy(), type(L([1]).copy()).__name__, L([1]) * 2)
x = L([1, 2, 3])
a, *b = x
print(a, b, *x, x[-1], x.count(1), enumerate(x).__next__(), list(zip(x, x)), dict.fromkeys(x))
