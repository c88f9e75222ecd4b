def helper(x):
    return x * 2


print(callable(helper), callable(len), callable(int), callable(1), callable('s'), callable(lambda: 0))
print(callable(str.upper), callable([].append), callable(None), callable(ValueError))
print(getattr(5, 'real'), getattr(3 + 4j, 'imag'), getattr('abc', 'upper')(), getattr(helper, '__name__'))
print(getattr(1, 'nope', 'fallback'), getattr(None, 'x', None), hasattr(1, 'bit_length'), hasattr(1, 'nope'))
setattr(helper, 'tag', 'blue')
print(helper.tag, getattr(helper, 'tag'), hasattr(helper, 'tag'))
delattr(helper, 'tag')
print(hasattr(helper, 'tag'), getattr(helper, 'tag', 'gone'))
helper.count = 3
print(helper.count, helper(helper.count))
for bad in [lambda: getattr(1, 'nope'), lambda: getattr('s', 'missing'), lambda: getattr([], 'x'),
            lambda: delattr(helper, 'tag'), lambda: setattr(5, 'x', 1), lambda: getattr(1, 2),
            lambda: setattr([], 'append', 3), lambda: hasattr(1, None), lambda: delattr(5, 'real')]:
    try:
        print(bad())
    except (AttributeError, TypeError) as exc:
        print(type(exc).__name__ + ':', exc)
