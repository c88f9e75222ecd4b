# `s += t` on a local may grow the string in place; aliases must not see it.
def build():
    s = "ab"
    t = s
    s += "c"
    print(s, t)
    parts = ""
    for i in range(2000):
        parts += str(i % 10)
    print(len(parts), parts[-5:], parts.count("7"))
    u = "x" * 3
    v = u
    u += "y"
    print(u, v)
    w = "é"
    h = hash(w)
    w += "ü"
    print(w, len(w), hash(w) == hash("éü"), h == hash("é"))
    k = "key"
    d = {k: 1}
    k += "s"
    print(d, k, d.get("key"), "keys" in d)
    lst = ["a"]
    x = lst[0]
    x += "b"
    print(lst, x)
    return s

print(build())
g = "mod"
g += "ule"
print(g)
