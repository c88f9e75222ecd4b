"""pyrite's itertools: lazy iterator building blocks, written in Python and
compiled by pyrite when first imported. Each is a generator or a small
iterator class; results and laziness follow CPython's itertools."""


class count:
    """count(start=0, step=1): start, start+step, start+2*step, ..."""

    def __init__(self, start=0, step=1):
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if self._step == 1:
            return 'count(%r)' % (self._n,)
        return 'count(%r, %r)' % (self._n, self._step)


class repeat:
    """repeat(obj[, times]): obj again and again (times times if given)."""

    def __init__(self, obj, times=None):
        self._obj = obj
        self._left = times

    def __iter__(self):
        return self

    def __next__(self):
        if self._left is not None:
            if self._left <= 0:
                raise StopIteration
            self._left -= 1
        return self._obj

    def __length_hint__(self):
        return 0 if self._left is None else max(self._left, 0)

    def __repr__(self):
        if self._left is None:
            return 'repeat(%r)' % (self._obj,)
        return 'repeat(%r, %r)' % (self._obj, max(self._left, 0))


def cycle(iterable):
    saved = []
    for item in iterable:
        yield item
        saved.append(item)
    while saved:
        for item in saved:
            yield item


def accumulate(iterable, func=None, *, initial=None):
    it = iter(iterable)
    total = initial
    if initial is None:
        for total in it:
            break
        else:
            return
    yield total
    for item in it:
        total = total + item if func is None else func(total, item)
        yield total


class chain:
    """chain(*iterables): the items of each iterable in turn."""

    def __init__(self, *iterables):
        self._sources = iter(iterables)
        self._current = None

    @classmethod
    def from_iterable(cls, iterables):
        c = cls()
        c._sources = iter(iterables)
        return c

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            if self._current is None:
                self._current = iter(next(self._sources))
            for item in self._current:
                return item
            self._current = None


def compress(data, selectors):
    for item, keep in zip(data, selectors):
        if keep:
            yield item


def dropwhile(predicate, iterable):
    it = iter(iterable)
    for item in it:
        if not predicate(item):
            yield item
            break
    for item in it:
        yield item


def takewhile(predicate, iterable):
    for item in iterable:
        if not predicate(item):
            return
        yield item


def filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    for item in iterable:
        if not predicate(item):
            yield item


def starmap(function, iterable):
    for args in iterable:
        yield function(*args)


def islice(iterable, *args):
    s = slice(*args)
    start = 0 if s.start is None else s.start
    stop, step = s.stop, 1 if s.step is None else s.step
    for name, v in (('Indices', start), ('Stop argument', stop)):
        if v is not None and (not isinstance(v, int) or v < 0):
            raise ValueError(name + ' for islice() must be None or an integer: 0 <= x <= sys.maxsize.')
    if not isinstance(step, int) or step <= 0:
        raise ValueError('Step for islice() must be a positive integer or None.')
    return _islice(iter(iterable), start, stop, step)


def _islice(it, start, stop, step):
    wanted = start
    i = 0
    while stop is None or i < stop:
        for item in it:
            break
        else:
            return
        if i == wanted:
            yield item
            wanted += step
        i += 1


def pairwise(iterable):
    it = iter(iterable)
    for a in it:
        for b in it:
            yield a, b
            a = b
        return


def zip_longest(*iterables, fillvalue=None):
    iters = [iter(x) for x in iterables]
    live = len(iters)
    if not live:
        return
    while True:
        row = []
        for i, it in enumerate(iters):
            try:
                row.append(next(it))
            except StopIteration:
                live -= 1
                if not live:
                    return
                iters[i] = repeat(fillvalue)
                row.append(fillvalue)
        yield tuple(row)


class _Grouper:
    """The shared state of groupby and its groups."""

    def __init__(self, iterable, key):
        self.it = iter(iterable)
        self.key = key
        self.done = False
        self.have = False
        self.value = self.current = None
        self.generation = 0

    def advance(self):
        try:
            v = next(self.it)
        except StopIteration:
            self.done = True
            self.have = False
            return False
        self.value = v
        self.current = v if self.key is None else self.key(v)
        self.have = True
        return True


def groupby(iterable, key=None):
    g = _Grouper(iterable, key)
    if not g.advance():
        return
    while not g.done:
        k = g.current
        g.generation += 1
        yield k, _group(g, k, g.generation)
        # Skip what the caller did not consume of this group.
        while not g.done and g.current == k:
            g.advance()


def _group(g, k, generation):
    while g.generation == generation and not g.done and g.current == k:
        v = g.value
        g.advance()
        yield v


def tee(iterable, n=2):
    if not isinstance(n, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
    if n < 0:
        raise ValueError('n must be >= 0')
    it = iter(iterable)
    buffers = [[] for _ in range(n)]

    def branch(mine):
        while True:
            if not mine:
                try:
                    v = next(it)
                except StopIteration:
                    return
                for b in buffers:
                    b.append(v)
            yield mine.pop(0)

    return tuple(branch(b) for b in buffers)


def product(*iterables, repeat=1):
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(p) for p in iterables] * repeat
    return _product(pools, 0, ())


def _product(pools, i, prefix):
    if i == len(pools):
        yield prefix
        return
    for item in pools[i]:
        yield from _product(pools, i + 1, prefix + (item,))


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r < 0:
        raise ValueError('r must be non-negative')
    if r > n:
        return iter(())
    return (tuple(pool[i] for i in idx) for idx in product(range(n), repeat=r)
            if len(set(idx)) == r)


def combinations(iterable, r):
    return _ascending_picks(iterable, r, lambda n: permutations(range(n), r))


def combinations_with_replacement(iterable, r):
    return _ascending_picks(iterable, r, lambda n: product(range(n), repeat=r))


def _ascending_picks(iterable, r, candidates):
    """The index tuples from candidates(len(pool)) that never decrease,
    as tuples of pool items (combinations are exactly those)."""
    if r < 0:
        raise ValueError('r must be non-negative')
    pool = tuple(iterable)
    return (tuple(pool[i] for i in idx) for idx in candidates(len(pool))
            if list(idx) == sorted(idx))
