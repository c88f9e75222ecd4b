# printf-style str % args
print('%s|%r|%a' % ('é', 'é', 'é'), '%5d|%-5d|%05d|%+d|% d' % (42, 42, 42, 42, 42))
print('%x %X %o %#x %#o %.3d %5.3d' % (255, 255, 8, 255, 8, 5, -5), '%c%c' % (65, 'b'))
print('%.2f %e %g %10.3f %-8.1e| %G %010.2f' % (3.14159, 1234.5, 0.00001, 2.5, 1234.5, 1e-10, -3.14159))
print('%(a)s-%(b)d' % {'a': 'x', 'b': 3}, '%*d|%-*d|%.*f' % (5, 1, 4, 2, 2, 3.14159), '%d' % 3.7, '%s' % (1,))
print('100%%' % (), '%s' % {'a': 1}, '%.2s|%5s|%-5s|' % ('abc', 'ab', 'ab'), '%i %u %#X' % (True, -7, 255))
tests = [
    lambda: '%s %s' % (1,),
    lambda: '%s' % (1, 2),
    lambda: '%d' % 'a',
    lambda: '%y' % 1,
    lambda: '%' % (),
    lambda: 'abc' % 5,
    lambda: '%(a)s' % 1,
    lambda: '%x' % 1.5,
    lambda: '%f' % 'a',
    lambda: '%c' % 'ab',
    lambda: '%(a)s' % {},
    lambda: '%*d' % ('a', 1),
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
