print('{} and {}'.format('a', 'b'), '{1} {0} {1}'.format('x', 'y'), '{name}={val}'.format(name='k', val=3))
print('{0[1]} {0[0]}'.format(['p', 'q']), '{d[key]}'.format(d={'key': 'v'}), '{0.real}'.format(3 + 4j))
print('{:>5}|{:<5}|{:^5}'.format('r', 'l', 'c'), '{:05.1f}'.format(3.14159), '{!r} {!s} {!a}'.format('é', 'é', 'é'))
print('{{literal}} {}'.format(1), '{:{w}.{p}f}'.format(2.71828, w=8, p=2), '{0:x}{0:o}'.format(64))
print('{k} {k}'.format_map({'k': 'map'}), '{a}-{b}'.format_map({'a': 1, 'b': [2]}))
for bad in [lambda: '{}'.format(), lambda: '{1}'.format('a'), lambda: '{x}'.format(), lambda: '{'.format(1),
            lambda: '}'.format(), lambda: '{} {0}'.format(1, 2), lambda: '{:d}'.format('s'),
            lambda: '{0[5]}'.format([1]), lambda: '{!z}'.format(1), lambda: '{k}'.format_map({}),
            lambda: '{0.nope}'.format(1)]:
    try:
        print(bad())
    except Exception as exc:
        print(type(exc).__name__ + ':', exc)
