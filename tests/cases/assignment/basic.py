# Plain, chained and tuple assignment.
a = 1
b = c = d = 2
x, y = 3, 4
x, y = y, x
p, q, r = "abc"
(m, n), o = (5, 6), 7
[s, t] = [8, 9]
u = v = [1, 2]
u.append(3)
print(a, b, c, d, x, y)
print(p, q, r, m, n, o, s, t)
print(v, u is v)
a, b, c = c, a, b
print(a, b, c)
