# split, rsplit, splitlines, join, strip, partition, replace
print('a,b,,c'.split(','), 'a,b,,c'.split(',', 1), '  a  b c  '.split(), '  a  b c  '.split(None, 1))
print('a b'.split(maxsplit=0), 'a,b,,c'.rsplit(',', 1), '  a  b c  '.rsplit(None, 1), 'aaa'.rsplit('aa'))
print(''.split(), ''.split(','), '\x1ca\x1db'.split(), 'x\u3000y'.split())
print('a\nb\r\nc\rd\x0be\x85f\u2028'.splitlines(), 'a\nb\r\n'.splitlines(True), ''.splitlines())
print('x\n'.splitlines(keepends=True), 'one\n\ntwo'.splitlines())
print('-'.join(['a', 'b']), repr(''.join([])), '/'.join('xyz'), '  xy  '.strip(), 'xxhixx'.strip('x'))
print(repr('  a '.lstrip()), repr('  a '.rstrip()), 'abcba'.strip('ab'), repr('\t\n x \x0c'.strip()))
print('aaa'.replace('a', 'b'), 'aaa'.replace('a', 'b', 2), 'abc'.replace('', '-'), 'abc'.replace('', '-', 2))
print('héllo wörld'.replace('l', 'L'), 'abc'.replace('abc', ''), 'a,b,c'.partition(','), 'a,b,c'.rpartition(','))
print('abc'.partition('x'), 'abc'.rpartition('x'), 'abc'.removeprefix('ab'), 'abc'.removesuffix('bc'))
tests = [
    lambda: 'abc'.split(1),
    lambda: 'a'.split(''),
    lambda: 'a'.split(',', 1, 2),
    lambda: 'a'.split(x=1),
    lambda: 'a'.join(1),
    lambda: '-'.join(['a', 1]),
    lambda: 'a'.join(),
    lambda: 'a'.strip(1),
    lambda: 'a'.strip(1, 2),
    lambda: 'a'.replace(1, 'b'),
    lambda: 'a'.replace('a'),
    lambda: 'a'.partition(''),
    lambda: 'a'.partition(),
    lambda: 'a'.removeprefix(1),
    lambda: 'a'.split(None, 'x'),
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
