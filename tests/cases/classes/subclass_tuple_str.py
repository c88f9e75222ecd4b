class T(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    def swap(self):
        return T(self[1], self[0])

t = T(1, 2)
print(t, t[0], len(t), t + (3,), t.swap(), type(t.swap()).__name__)
a, b = t
print(a, b, t == (1, 2), t.count(1), isinstance(t, tuple), list(t))

class P(tuple):
    pass

print(P(), P([1, 2]), P("ab") < ("b",), type(P()).__name__)
try:
    T(1)
except TypeError as e:
    print("TypeError", e)

class S(str):
    def shout(self):
        return self.upper() + "!"

s = S("hi")
print(s, s.shout(), s + "x", len(s), s == "hi", repr(s), s[0], "h" in s)
print(type(s).__name__, type(s + "x").__name__, s.split("i"), f"<{s}>", "-".join([s, s]))

class R(str):
    def __str__(self):
        return "R!"

print(R("q"), str(R("q")), repr(R("q")), R("q") + "w", S(5))
print({S("k"): 1}["k"], {"k": 2}[S("k")], hash(S("z")) == hash("z"), "%s" % S("v"))
