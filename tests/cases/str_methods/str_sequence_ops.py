s = 'python'
print(s[0], s[-1], s[1:4], s[::-1], s[::2], s[-3:], s[:100], s[4:2], s[1:-1:2], s[::-3])
print(s + '3', s * 2, 3 * 'ab', s * 0, s * -1, 'a' < 'b', 'abc' < 'abd', 'Z' < 'a', 'ab' < 'abc')
print(s == 'python', s != 'Python', 'é' > 'z', min(s), max(s), sorted(s), list(s)[:2])
print(len(s * 1000), s.index('h'), ''.join(reversed(s)), str(s) is s)
t = 'x'
t += 'y'
t *= 3
print(t)
for bad in [lambda: s[6], lambda: s[-7]]:
    try:
        bad()
    except IndexError as exc:
        print('IndexError:', exc)
for bad in [lambda: s + 1, lambda: s * 1.5, lambda: s['a'], lambda: s < 1, lambda: s * 'a',
            lambda: s.__setitem__(0, 'P'), lambda: s[1.0]]:
    try:
        bad()
    except (TypeError, AttributeError) as exc:
        print(type(exc).__name__ + ':', exc)
try:
    s[0] = 'P'
except TypeError as exc:
    print('TypeError:', exc)
try:
    del s[0]
except TypeError as exc:
    print('TypeError:', exc)
