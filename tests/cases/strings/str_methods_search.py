# find/rfind/index/rindex/count/startswith/endswith with start/end, non-ASCII positions
s = 'hello'
print(s.find('l'), s.rfind('l'), s.find('z'), s.find('l', 3), s.find('l', -2), s.find('', 5), s.find('', 6))
print(s.find('l', None, 3), s.rfind('l', 0, 3), s.find('lo', 1, 4), s.index('e'), s.rindex('l'))
print(s.count('l'), s.count(''), s.count('l', 3), 'aaaa'.count('aa'), s.count('', 10), s.count('', 2, 4))
u = 'héllo wörld'
print(u.find('l'), u.rfind('l'), u.find('ö'), u.index('w', 2), u.count('l', 3), u.find('l', -3))
print(s.startswith('he'), s.startswith(('x', 'he')), s.endswith('lo'), s.startswith('l', 2))
print(s.endswith('l', 0, 4), 'abc'.startswith('', 3), 'abc'.startswith('', 4), u.startswith('ll', 2), u.endswith('wö', 0, 8))
tests = [
    lambda: s.find(1),
    lambda: s.index('b'),
    lambda: s.rindex('b', 1),
    lambda: s.find(),
    lambda: s.find('a', 1, 2, 3),
    lambda: s.count(1),
    lambda: s.find('a', 'x'),
    lambda: s.find('a', 1.5),
    lambda: s.startswith(1),
    lambda: s.startswith(('a', 1)),
    lambda: s.endswith(),
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
