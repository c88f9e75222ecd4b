# str.format and str.format_map: fields, conversions, nested specs, errors
print('{} and {}'.format(1, 'a'), '{1}{0}'.format('a', 'b'), '{x}-{y!r}'.format(x=1, y='s'), '{{}}{}'.format(3))
print('{0:>5}|{0:<5}|{0:^5}'.format('ab'), '{:{}}|'.format(3, 4), '{:{w}.{p}f}'.format(3.14159, w=8, p=2))
print('{0[0]}{0[1]}'.format([7, 8]), '{d[k]}'.format(d={'k': 'v'}), '{!a}'.format('é'), '{:,}'.format(1234567))
print('{0.args}'.format(ValueError(1)), '{a}'.format_map({'a': 5}), '{:%}'.format(0.25), '{:*^10}'.format('mid'))
print('{0!r:>6}'.format('x'), '{:}'.format(7), '{0}{0}'.format('z'), '{t[1]}'.format(t=(4, 5)), '{}'.format(None))
tests = [
    lambda: '{0}{}'.format(1, 2),
    lambda: '{}{0}'.format(1, 2),
    lambda: '{'.format(),
    lambda: '}'.format(),
    lambda: '{0!x}'.format(1),
    lambda: '{a'.format(),
    lambda: '{x}'.format(),
    lambda: '{1}'.format(0),
    lambda: '{0:{1:{2}}}'.format(1, 2, 3),
    lambda: '{:d}'.format('a'),
    lambda: '{a}'.format_map({}),
    lambda: '{0[5]}'.format([1]),
    lambda: '{:s}'.format(1),
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
