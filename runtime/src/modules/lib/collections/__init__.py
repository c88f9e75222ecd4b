"""pyrite's collections: deque, namedtuple, defaultdict, Counter,
OrderedDict, ChainMap and the collections.abc submodule."""

from . import abc

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'defaultdict', 'deque',
           'namedtuple']


class deque:
    """A double-ended queue over a list (appendleft is O(n), unlike
    CPython's). `_state` counts the changes of length or order, as
    CPython's deque does: an iterator made before one ends with
    RuntimeError."""

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError('an integer is required')
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._maxlen = maxlen
        self._items = []
        self._state = 0
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def _trim_left(self):
        if self._maxlen is not None and len(self._items) > self._maxlen:
            del self._items[:len(self._items) - self._maxlen]

    def _trim_right(self):
        if self._maxlen is not None and len(self._items) > self._maxlen:
            del self._items[self._maxlen:]

    def append(self, x):
        self._state += 1
        self._items.append(x)
        self._trim_left()

    def appendleft(self, x):
        self._state += 1
        self._items.insert(0, x)
        self._trim_right()

    def extend(self, iterable):
        for x in list(iterable):
            self.append(x)

    def extendleft(self, iterable):
        for x in list(iterable):
            self.appendleft(x)

    def pop(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        self._state += 1
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        self._state += 1
        return self._items.pop(0)

    def clear(self):
        self._state += 1
        self._items.clear()

    def copy(self):
        return deque(self._items, self._maxlen)

    __copy__ = copy

    def count(self, x):
        return self._items.count(x)

    def index(self, x, *args):
        try:
            return self._items.index(x, *args)
        except ValueError:
            raise ValueError('%r is not in deque' % (x,)) from None

    def insert(self, i, x):
        if self._maxlen is not None and len(self._items) >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        self._state += 1
        self._items.insert(i, x)

    def remove(self, value):
        try:
            self._items.remove(value)
            self._state += 1
        except ValueError:
            raise ValueError('%r is not in deque' % (value,)) from None

    def reverse(self):
        self._items.reverse()

    def rotate(self, n=1):
        if len(self._items) > 1:
            # A change even when it moves nothing, as in CPython.
            self._state += 1
        if self._items:
            n %= len(self._items)
            if n:
                self._items[:] = self._items[-n:] + self._items[:-n]

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def __iter__(self):
        return _deque_items(self, self._state, len(self._items), False)

    def __reversed__(self):
        return _deque_items(self, self._state, len(self._items), True)

    def __contains__(self, x):
        return x in self._items

    def _index(self, i):
        if not isinstance(i, int):
            raise TypeError('sequence index must be integer, not %r' % type(i).__name__)

    def __getitem__(self, i):
        self._index(i)
        try:
            return self._items[i]
        except IndexError:
            raise IndexError('deque index out of range') from None

    def __setitem__(self, i, x):
        self._index(i)
        try:
            self._items[i] = x
        except IndexError:
            raise IndexError('deque index out of range') from None

    def __delitem__(self, i):
        self._index(i)
        try:
            del self._items[i]
            self._state += 1
        except IndexError:
            raise IndexError('deque index out of range') from None

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items == other._items

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque'
                            % type(other).__name__)
        return deque(self._items + other._items, self._maxlen)

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __repr__(self):
        if self._maxlen is None:
            return 'deque(%r)' % (self._items,)
        return 'deque(%r, maxlen=%d)' % (self._items, self._maxlen)


def _deque_items(dq, state, n, backwards):
    # CPython's deque iterator: the `n` items there were when it was made,
    # unless the deque changed length or order since (`state`).
    items = dq._items
    for i in range(n):
        if dq._state != state:
            raise RuntimeError('deque mutated during iteration')
        yield items[n - 1 - i] if backwards else items[i]
    if dq._state != state:
        raise RuntimeError('deque mutated during iteration')


abc.MutableSequence.register(deque)


# ----- namedtuple ---------------------------------------------------------
#
# CPython's named tuples subclass tuple; pyrite cannot subclass built-in
# types yet, so these classes hold their values in a tuple (`_tuple`) and
# provide what tuple would: indexing, slicing, iteration, len, comparison
# with other tuples, hashing, + and *, count and index. Unpacking, tuple()
# and %-formatting work; isinstance(p, tuple) is False.

import keyword as _keyword


class _TupleGetter:
    """The property-like descriptor of one field."""

    def __init__(self, index, doc):
        self.index = index
        self.__doc__ = doc

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return tuple.__getitem__(obj, self.index)

    def __set__(self, obj, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, obj):
        raise AttributeError("can't delete attribute")


def namedtuple(typename, field_names, *, rename=False, defaults=None,
               module=None):
    """A class of tuples whose items are also named attributes."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = str(typename)
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or _keyword.iskeyword(name)
                    or name.startswith('_') or name in seen):
                field_names[index] = f'_{index}'
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             f'identifiers: {name!r}')
        if _keyword.iskeyword(name):
            raise ValueError('Type names and field names cannot be a '
                             f'keyword: {name!r}')
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: '
                             f'{name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(reversed(list(zip(reversed(field_names),
                                                reversed(defaults)))))
    fields = tuple(field_names)
    arg_list = ', '.join(fields)
    if len(fields) == 1:
        arg_list += ','
    ns = {'_tuple_new': tuple.__new__}
    params = list(fields)
    for index, value in enumerate(defaults or ()):
        position = len(fields) - len(defaults) + index
        ns[f'_default_{position}'] = value
        params[position] += f'=_default_{position}'
    exec(f'def __new__(_cls, {", ".join(params)}):\n'
         f'    return _tuple_new(_cls, ({arg_list}))\n', ns)
    __new__ = ns['__new__']
    __new__.__qualname__ = f'{typename}.__new__'

    # The methods are made afresh for each class, as CPython does, so that
    # their __qualname__ can name it.
    def __repr__(self):
        parts = ', '.join(f'{name}={value!r}'
                          for name, value in zip(self._fields, self))
        return f'{self.__class__.__name__}({parts})'

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    def _make(cls, iterable):
        values = tuple(iterable)
        if len(values) != len(cls._fields):
            raise TypeError(f'Expected {len(cls._fields)} arguments, '
                            f'got {len(values)}')
        return tuple.__new__(cls, values)

    def _replace(self, /, **kwds):
        values = [kwds.pop(name, value)
                  for name, value in zip(self._fields, self)]
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return self._make(values)

    for method in (__new__, _make, _replace, __repr__, _asdict, __getnewargs__):
        method.__qualname__ = f'{typename}.{method.__name__}'
    class_namespace = {
        '__doc__': f'{typename}({", ".join(fields)})',
        '__slots__': (),
        '_fields': fields,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': classmethod(_make),
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': fields,
    }
    for index, name in enumerate(fields):
        class_namespace[name] = _TupleGetter(index,
                                             f'Alias for field number {index}')
    result = type(typename, (tuple,), class_namespace)
    # CPython takes the caller's module from its frame; pyrite has no
    # sys._getframe, so the default is the main program.
    result.__module__ = '__main__' if module is None else module
    return result


def _union_operators(owner):
    """`|`, reflected `|` and `|=` for the dict subclass named `owner`,
    whose `_like(items)` makes a new one of its kind (defaultdict and
    OrderedDict share them)."""

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = self._like(self)
        result.update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = self._like(other)
        result.update(self)
        return result

    def __ior__(self, other):
        self.update(other)
        return self

    for f in (__or__, __ror__, __ior__):
        f.__qualname__ = owner + '.' + f.__name__
    return __or__, __ror__, __ior__


# ----- defaultdict ----------------------------------------------------------

class defaultdict(dict):
    """A dict that calls default_factory() for a missing key, stores the
    result under the key and returns it."""

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        super().__init__(*args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        return '%s(%r, %s)' % (type(self).__name__, self.default_factory,
                               dict.__repr__(self))

    @classmethod
    def fromkeys(cls, iterable, value=None):
        result = cls()
        for key in iterable:
            result[key] = value
        return result

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def _like(self, items):
        return type(self)(self.default_factory, items)

    __or__, __ror__, __ior__ = _union_operators('defaultdict')


# ----- OrderedDict ------------------------------------------------------------
#
# pyrite's dicts keep insertion order, so an OrderedDict is a dict that
# can also reorder its keys (move_to_end, popitem(last=False)) and whose
# equality with another OrderedDict depends on the order.

class OrderedDict(dict):
    """A dict whose order can be changed and matters for equality."""

    def __init__(self, other=(), /, **kwds):
        super().__init__()
        self.update(other, **kwds)

    def update(self, other=(), /, **kwds):
        abc.MutableMapping.update(self, other, **kwds)

    def move_to_end(self, key, last=True):
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
        else:
            rest = list(dict.items(self))
            dict.clear(self)
            dict.__setitem__(self, key, value)
            for k, v in rest:
                dict.__setitem__(self, k, v)

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        key = next(reversed(self)) if last else next(iter(self))
        return key, dict.pop(self, key)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        result = cls()
        for key in iterable:
            result[key] = value
        return result

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return (dict(self) == dict(other)
                    and all(a is b or a == b for a, b in zip(self, other)))
        if isinstance(other, dict):
            return dict(self) == other
        return NotImplemented

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = None

    def __repr__(self):
        if not self:
            return '%s()' % type(self).__name__
        return '%s(%r)' % (type(self).__name__, list(self.items()))

    def _like(self, items):
        return type(self)(items)

    __or__, __ror__, __ior__ = _union_operators('OrderedDict')


# ----- Counter --------------------------------------------------------------

class Counter(dict):
    """A dict of counts: Counter('abca') == Counter({'a': 2, 'b': 1, 'c': 1}).
    Missing elements count zero."""

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        """The n most common elements and their counts, most common first;
        equal counts keep the order the elements were first met."""
        items = sorted(self.items(), key=lambda item: item[1], reverse=True)
        return items if n is None else items[:max(n, 0)]

    def elements(self):
        """Each element repeated as many times as its count (elements
        with counts below one are left out)."""
        for element, count in self.items():
            for _ in range(count):
                yield element

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        """Add counts from an iterable of elements or a mapping of counts."""
        if iterable is not None:
            if isinstance(iterable, abc.Mapping):
                for element, count in iterable.items():
                    self[element] = self.get(element, 0) + count
            else:
                for element in iterable:
                    self[element] = self.get(element, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Subtract counts (which may go to zero or below)."""
        if iterable is not None:
            if isinstance(iterable, abc.Mapping):
                for element, count in iterable.items():
                    self[element] = self.get(element, 0) - count
            else:
                for element in iterable:
                    self[element] = self.get(element, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __delitem__(self, element):
        # Deleting a missing element is not an error.
        if element in self:
            super().__delitem__(element)

    def __repr__(self):
        if not self:
            return '%s()' % type(self).__name__
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self)
        return '%s(%r)' % (type(self).__name__, d)

    # Comparisons treat missing elements as zero counts.
    def _all(self, other, test):
        return all(test(self[e], other[e]) for c in (self, other) for e in c)

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._all(other, lambda a, b: a == b)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._all(other, lambda a, b: a <= b)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._all(other, lambda a, b: a >= b)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    # Multiset operations: the results keep only positive counts.
    def _merge(self, other, combine, only_other):
        """`combine(mine, theirs)` for each of this counter's elements, and
        `only_other(theirs)` for those only `other` has (None leaves them
        out); counts that are not positive are dropped."""
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for element, count in self.items():
            count = combine(count, other[element])
            if count > 0:
                result[element] = count
        if only_other is not None:
            for element, count in other.items():
                if element not in self and only_other(count) > 0:
                    result[element] = only_other(count)
        return result

    def __add__(self, other):
        return self._merge(other, lambda a, b: a + b, lambda b: b)

    def __sub__(self, other):
        return self._merge(other, lambda a, b: a - b, lambda b: 0 - b)

    def __or__(self, other):
        return self._merge(other, max, lambda b: b)

    def __and__(self, other):
        return self._merge(other, min, None)

    def __pos__(self):
        result = Counter()
        for element, count in self.items():
            if count > 0:
                result[element] = count
        return result

    def __neg__(self):
        result = Counter()
        for element, count in self.items():
            if count < 0:
                result[element] = 0 - count
        return result

    def _keep_positive(self):
        for element in [e for e, count in self.items() if not count > 0]:
            del self[element]
        return self

    def __iadd__(self, other):
        for element, count in other.items():
            self[element] += count
        return self._keep_positive()

    def __isub__(self, other):
        for element, count in other.items():
            self[element] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for element, count in other.items():
            if count > self[element]:
                self[element] = count
        return self._keep_positive()

    def __iand__(self, other):
        for element, count in self.items():
            if other[element] < count:
                self[element] = other[element]
        return self._keep_positive()


# ----- ChainMap ---------------------------------------------------------------

class ChainMap(abc.MutableMapping):
    """Several mappings seen as one: lookups search them in turn; writes
    and deletions go to the first (maps[0])."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        # The first occurrence of each key, in the order of the last
        # mapping first (as CPython does).
        keys = {}
        for mapping in reversed(self.maps):
            for key in mapping:
                keys[key] = None
        return iter(keys)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        return '%s(%s)' % (type(self).__name__,
                           ', '.join(map(repr, self.maps)))

    @classmethod
    def fromkeys(cls, iterable, *args):
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        return type(self)(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        """A ChainMap with a new map (m, else a new dict) in front of
        these."""
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return type(self)(m, *self.maps)

    @property
    def parents(self):
        """A ChainMap of all the maps but the first."""
        return type(self)(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}') from None

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.') from None

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}') from None

    def clear(self):
        self.maps[0].clear()

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, abc.Mapping):
            return NotImplemented
        result = self.copy()
        result.maps[0].update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, abc.Mapping):
            return NotImplemented
        merged = dict(other)
        for mapping in reversed(self.maps):
            merged.update(mapping)
        return type(self)(merged)
