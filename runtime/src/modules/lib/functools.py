"""pyrite's functools: higher-order helpers, written in Python and compiled
by pyrite when first imported."""

_initial_missing = object()


def reduce(function, iterable, initial=_initial_missing):
    it = iter(iterable)
    if initial is _initial_missing:
        for value in it:
            break
        else:
            raise TypeError('reduce() of empty iterable with no initial value')
    else:
        value = initial
    for item in it:
        value = function(value, item)
    return value


class partial:
    """partial(func, *args, **keywords): func with some arguments fixed."""

    def __init__(self, func, *args, **keywords):
        if not callable(func):
            raise TypeError('the first argument must be callable')
        self.func, self.args, self.keywords = func, args, keywords

    def __call__(self, *args, **keywords):
        return self.func(*self.args, *args, **{**self.keywords, **keywords})

    def __repr__(self):
        parts = [repr(self.func)] + [repr(a) for a in self.args]
        parts += ['%s=%r' % kv for kv in self.keywords.items()]
        return 'functools.partial(' + ', '.join(parts) + ')'


WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=('__dict__',)):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            continue
        setattr(wrapper, attr, value)
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=('__dict__',)):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


def cmp_to_key(mycmp):
    class K:
        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

    return K


def total_ordering(cls):
    """Fill in the missing rich comparisons from one of < <= > >= and ==."""
    derived = {
        '__lt__': {
            '__gt__': lambda self, other: _flip(self.__lt__(other), self == other, False),
            '__le__': lambda self, other: _or_eq(self.__lt__(other), self, other),
            '__ge__': lambda self, other: _not(self.__lt__(other)),
        },
        '__le__': {
            '__ge__': lambda self, other: _flip(self.__le__(other), self == other, True),
            '__lt__': lambda self, other: _and_ne(self.__le__(other), self, other),
            '__gt__': lambda self, other: _not(self.__le__(other)),
        },
        '__gt__': {
            '__lt__': lambda self, other: _flip(self.__gt__(other), self == other, False),
            '__ge__': lambda self, other: _or_eq(self.__gt__(other), self, other),
            '__le__': lambda self, other: _not(self.__gt__(other)),
        },
        '__ge__': {
            '__le__': lambda self, other: _flip(self.__ge__(other), self == other, True),
            '__gt__': lambda self, other: _and_ne(self.__ge__(other), self, other),
            '__lt__': lambda self, other: _not(self.__ge__(other)),
        },
    }
    namespace = vars(cls)
    defined = [op for op in ('__lt__', '__le__', '__gt__', '__ge__') if op in namespace]
    if not defined:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = defined[0]
    for name, func in derived[root].items():
        if name not in defined:
            func.__name__ = name
            setattr(cls, name, func)
    return cls


def _not(result):
    return result if result is NotImplemented else not result


def _or_eq(result, self, other):
    return result if result is NotImplemented else result or self == other


def _and_ne(result, self, other):
    return result if result is NotImplemented else result and self != other


def _flip(result, equal, or_equal):
    # a > b is (not a < b and a != b); a >= b is (not a <= b or a == b).
    if result is NotImplemented:
        return result
    return (not result or equal) if or_equal else (not result and not equal)


class cached_property:
    """A property computed once per instance and then stored in it."""

    def __init__(self, func):
        self.func = func
        self.attrname = func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = self.func(instance)
        instance.__dict__[self.attrname] = value
        return value


def lru_cache(maxsize=128, typed=False):
    if callable(maxsize) and not isinstance(maxsize, int):
        return _lru_wrapper(maxsize, 128)
    return lambda func: _lru_wrapper(func, maxsize)


def cache(func):
    return _lru_wrapper(func, None)


def _lru_wrapper(func, maxsize):
    results = {}
    stats = [0, 0]

    def wrapper(*args, **kwargs):
        key = args
        if kwargs:
            key += (_kwd_mark,) + tuple(kwargs.items())
        if key in results:
            stats[0] += 1
            value = results.pop(key)
            results[key] = value
            return value
        stats[1] += 1
        value = func(*args, **kwargs)
        results[key] = value
        if maxsize is not None and len(results) > maxsize:
            del results[next(iter(results))]
        return value

    def cache_info():
        return _CacheInfo(stats[0], stats[1], maxsize, len(results))

    def cache_clear():
        results.clear()
        stats[0] = stats[1] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return update_wrapper(wrapper, func)


_kwd_mark = object()


class _CacheInfo:
    """What cache_info() returns (CPython's is a named tuple)."""

    def __init__(self, hits, misses, maxsize, currsize):
        self.hits, self.misses = hits, misses
        self.maxsize, self.currsize = maxsize, currsize

    def __iter__(self):
        return iter((self.hits, self.misses, self.maxsize, self.currsize))

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def __repr__(self):
        return 'CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)' % tuple(self)
