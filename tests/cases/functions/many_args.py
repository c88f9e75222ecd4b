# Functions with many parameters and calls with many arguments.
def many(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t):
    return a + b + c + d + e + f + g + h + i + j + k + l + m + n + o + p + q + r + s + t

print(many(*range(20)))
print(many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20))
print(many(a=1, b=1, c=1, d=1, e=1, f=1, g=1, h=1, i=1, j=1,
           k=1, l=1, m=1, n=1, o=1, p=1, q=1, r=1, s=1, t=1))
def kwmany(**kw):
    return len(kw)
print(kwmany(**{f"k{i}": i for i in range(30)}))
