# Indexing and slicing with negative indices, steps, assignment and deletion.
s = 'hello world'
l = list(range(10))
t = tuple(range(5))
print(s[0], s[-1], s[2:5], s[::-1], s[::3], s[-3:], s[:100], s[100:], s[5:2], s[-100:2])
print(l[::2], l[1::3], l[::-2], l[8:2:-2], l[-1:-4:-1], l[None:3], t[1:], t[::-1], t[:])
r = range(0, 20, 3)
print(r[2], r[-1], r[1:4], r[::-1], r[::2][1], len(r[2:]))
l[2:5] = ['a', 'b']
print(l)
l[::3] = [0, 0, 0]
print(l)
l[1:1] = range(3)
del l[::2]
print(l)
del l[-1]
l[0] = 'first'
print(l)
d = {'a': 1}
n = 5
d['b'] = 2
del d['a']
print(d, d['b'])
print('héllo'[1], 'héllo'[::-1], 'héllo'[1:3])
cases = [lambda: l[100], lambda: t[5], lambda: s[20], lambda: r[50], lambda: l['a'],
         lambda: t['a'], lambda: s['a'], lambda: n[0], lambda: d['zz'], lambda: l[::0],
         lambda: {}[[]]]
for expr in cases:
    try:
        print(expr())
    except Exception as e:
        print(type(e).__name__, e)
