"""pyrite's collections.abc: the abstract base classes of containers, with
their mixin methods.

pyrite has no metaclasses yet, so there is no ABCMeta: isinstance and
issubclass consult two class attributes instead (see the runtime's
modules/abcs.rs): `_abc_registry`, the classes registered as virtual
subclasses (built-in types are registered below), and `_abc_methods`, the
methods whose presence makes a class a subclass (CPython's
__subclasshook__ of the one-trick ABCs such as Iterable and Sized)."""

__all__ = ['Awaitable', 'Coroutine', 'AsyncIterable', 'AsyncIterator',
           'AsyncGenerator', 'Hashable', 'Iterable', 'Iterator', 'Generator',
           'Reversible', 'Sized', 'Container', 'Callable', 'Collection', 'Set',
           'MutableSet', 'Mapping', 'MutableMapping', 'MappingView', 'KeysView',
           'ItemsView', 'ValuesView', 'Sequence', 'MutableSequence', 'ByteString']


class _ABC:
    @classmethod
    def register(cls, subclass):
        """Make `subclass` a virtual subclass of cls (and of the ABCs cls
        derives from)."""
        for base in cls.__mro__:
            registry = vars(base).get('_abc_registry')
            if registry is not None and subclass not in registry:
                registry.append(subclass)
        return subclass


class Hashable(_ABC):
    _abc_methods = ('__hash__',)

    def __hash__(self):
        return 0


class Awaitable(_ABC):
    _abc_methods = ('__await__',)

    def __await__(self):
        yield


class Coroutine(Awaitable):
    _abc_methods = ('__await__', 'send', 'throw', 'close')


class AsyncIterable(_ABC):
    _abc_methods = ('__aiter__',)


class AsyncIterator(AsyncIterable):
    _abc_methods = ('__aiter__', '__anext__')

    def __aiter__(self):
        return self


class AsyncGenerator(AsyncIterator):
    _abc_methods = ('__aiter__', '__anext__', 'asend', 'athrow', 'aclose')


class Iterable(_ABC):
    _abc_methods = ('__iter__',)

    def __iter__(self):
        while False:
            yield None


class Iterator(Iterable):
    _abc_methods = ('__iter__', '__next__')

    def __next__(self):
        raise StopIteration

    def __iter__(self):
        return self


class Reversible(Iterable):
    _abc_methods = ('__reversed__', '__iter__')

    def __reversed__(self):
        while False:
            yield None


class Generator(Iterator):
    _abc_methods = ('__iter__', '__next__', 'send', 'throw', 'close')

    def __next__(self):
        return self.send(None)

    def close(self):
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            pass
        else:
            raise RuntimeError('generator ignored GeneratorExit')


class Sized(_ABC):
    _abc_methods = ('__len__',)

    def __len__(self):
        return 0


class Container(_ABC):
    _abc_methods = ('__contains__',)

    def __contains__(self, x):
        return False


class Collection(Sized, Iterable, Container):
    _abc_methods = ('__len__', '__iter__', '__contains__')


class Callable(_ABC):
    _abc_methods = ('__call__',)

    def __call__(self, *args, **kwds):
        return False


class Set(Collection):
    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) > len(other):
            return False
        return all(elem in other for elem in self)

    def __lt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) < len(other) and self.__le__(other)

    def __gt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) > len(other) and self.__ge__(other)

    def __ge__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) < len(other):
            return False
        return all(elem in self for elem in other)

    def __eq__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) == len(other) and self.__le__(other)

    @classmethod
    def _from_iterable(cls, it):
        return cls(it)

    def __and__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(value for value in other if value in self)

    __rand__ = __and__

    def isdisjoint(self, other):
        return not any(value in self for value in other)

    def __or__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable([e for s in (self, other) for e in s])

    __ror__ = __or__

    def __sub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable(value for value in self if value not in other)

    def __xor__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return (self - other) | (other - self)


class MutableSet(Set):
    def add(self, value):
        raise NotImplementedError

    def discard(self, value):
        raise NotImplementedError

    def remove(self, value):
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        it = iter(self)
        try:
            value = next(it)
        except StopIteration:
            raise KeyError from None
        self.discard(value)
        return value

    def clear(self):
        try:
            while True:
                self.pop()
        except KeyError:
            pass

    def __ior__(self, it):
        for value in it:
            self.add(value)
        return self

    def __iand__(self, it):
        for value in (self - it):
            self.discard(value)
        return self

    def __isub__(self, it):
        for value in it:
            self.discard(value)
        return self


class Mapping(Collection):
    def __getitem__(self, key):
        raise KeyError

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        return True

    def keys(self):
        return KeysView(self)

    def items(self):
        return ItemsView(self)

    def values(self):
        return ValuesView(self)

    def __eq__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __reversed__ = None


class MappingView(Sized):
    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return '{0.__class__.__name__}({0._mapping!r})'.format(self)


class KeysView(MappingView, Set):
    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping


class ItemsView(MappingView, Set):
    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, item):
        key, value = item
        try:
            v = self._mapping[key]
        except KeyError:
            return False
        return v is value or v == value

    def __iter__(self):
        for key in self._mapping:
            yield (key, self._mapping[key])


class ValuesView(MappingView, Collection):
    def __contains__(self, value):
        for key in self._mapping:
            v = self._mapping[key]
            if v is value or v == value:
                return True
        return False

    def __iter__(self):
        for key in self._mapping:
            yield self._mapping[key]


_marker = object()


class MutableMapping(Mapping):
    def __setitem__(self, key, value):
        raise KeyError

    def __delitem__(self, key):
        raise KeyError

    def pop(self, key, default=_marker):
        try:
            value = self[key]
        except KeyError:
            if default is _marker:
                raise
            return default
        del self[key]
        return value

    def popitem(self):
        try:
            key = next(iter(self))
        except StopIteration:
            raise KeyError from None
        value = self[key]
        del self[key]
        return key, value

    def clear(self):
        try:
            while True:
                self.popitem()
        except KeyError:
            pass

    def update(self, other=(), /, **kwds):
        if isinstance(other, Mapping):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default


class Sequence(Reversible, Collection):
    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        i = 0
        try:
            while True:
                v = self[i]
                yield v
                i += 1
        except IndexError:
            return

    def __contains__(self, value):
        for v in self:
            if v is value or v == value:
                return True
        return False

    def __reversed__(self):
        for i in reversed(range(len(self))):
            yield self[i]

    def index(self, value, start=0, stop=None):
        if start is not None and start < 0:
            start = max(len(self) + start, 0)
        if stop is not None and stop < 0:
            stop += len(self)
        i = start
        while stop is None or i < stop:
            try:
                v = self[i]
            except IndexError:
                break
            if v is value or v == value:
                return i
            i += 1
        raise ValueError

    def count(self, value):
        return sum(1 for v in self if v is value or v == value)


class ByteString(Sequence):
    pass


class MutableSequence(Sequence):
    def __setitem__(self, index, value):
        raise IndexError

    def __delitem__(self, index):
        raise IndexError

    def insert(self, index, value):
        raise IndexError

    def append(self, value):
        self.insert(len(self), value)

    def clear(self):
        try:
            while True:
                self.pop()
        except IndexError:
            pass

    def reverse(self):
        n = len(self)
        for i in range(n // 2):
            self[i], self[n - i - 1] = self[n - i - 1], self[i]

    def extend(self, values):
        if values is self:
            values = list(values)
        for v in values:
            self.append(v)

    def pop(self, index=-1):
        v = self[index]
        del self[index]
        return v

    def remove(self, value):
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self


for _cls in [_ABC, Hashable, Awaitable, Coroutine, AsyncIterable, AsyncIterator,
             AsyncGenerator, Iterable, Iterator, Reversible, Generator, Sized,
             Container, Collection, Callable, Set, MutableSet, Mapping,
             MappingView, KeysView, ItemsView, ValuesView, MutableMapping,
             Sequence, ByteString, MutableSequence]:
    _cls._abc_registry = []
    if '_abc_methods' not in vars(_cls):
        _cls._abc_methods = None


def _types(*values):
    return [type(v) for v in values]


_iterators = _types(iter(b''), iter(bytearray()), iter({}), iter({}.keys()),
                    iter({}.values()), iter({}.items()), iter([]), reversed([]),
                    iter(range(0)), iter(set()), iter(''), iter(()), zip(), map(len, ()),
                    filter(None, ()), enumerate(()))
for _t in _iterators:
    Iterator.register(_t)
Generator.register(type(_ for _ in ()))
for _t in (str, bytes, int, float, complex, bool, tuple, frozenset, type(None),
           type, range):
    Hashable.register(_t)
for _t in _types(len, lambda: 0, _ABC.register) + [type]:
    Callable.register(_t)
KeysView.register(type({}.keys()))
ItemsView.register(type({}.items()))
ValuesView.register(type({}.values()))
Set.register(frozenset)
MutableSet.register(set)
MutableMapping.register(dict)
for _t in (tuple, str, range):
    Sequence.register(_t)
for _t in (list, bytearray):
    MutableSequence.register(_t)
for _t in (bytes, bytearray):
    ByteString.register(_t)
del _t, _cls, _iterators
