# Operators on strings and sequences: +, *, %, in, indexing.
s = "hello"
print(s + " world", s * 2, 3 * "ab")
print("%s has %d letters" % (s, len(s)))
print("%(name)s=%(v)05.2f" % {"name": "pi", "v": 3.14159})
print("ell" in s, s[0], s[-1], s[1:4])
print([1, 2] + [3], [0] * 3, (1,) * 2)
print("-".join(["a", "b", "c"]), "a,b,c".split(","))
