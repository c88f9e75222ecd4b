"""A minimal typing module: the names annotations use, subscriptable,
with CPython's reprs for the common forms. Nothing is checked at run
time, as in CPython."""

TYPE_CHECKING = False


def _name(t):
    if isinstance(t, type):
        return t.__name__ if t.__module__ == 'builtins' else f'{t.__module__}.{t.__qualname__}'
    if t is None or t is type(None):
        return 'None'
    if t is ...:
        return '...'
    if isinstance(t, (list, tuple)):
        return '[' + ', '.join(_name(a) for a in t) + ']'
    return repr(t)


class _Alias:
    """`List[int]`, `Optional[str]`, ...: remembers what it was made of."""

    def __init__(self, origin, args, name):
        self.__origin__ = origin
        self.__args__ = args
        self._name = name

    def __repr__(self):
        # Optional[X] is Union[X, None] and prints as it was written.
        args = self.__args__[:1] if self._name == 'Optional' else self.__args__
        return f'typing.{self._name}[{", ".join(_name(a) for a in args)}]'

    def __eq__(self, other):
        return (isinstance(other, _Alias) and self.__origin__ == other.__origin__
                and self.__args__ == other.__args__)

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __getitem__(self, params):
        return self

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)


class _Special:
    """A subscriptable name such as `List` or `Optional`."""

    def __init__(self, name, origin=None):
        self._name = name
        self.__origin__ = origin

    def __repr__(self):
        return f'typing.{self._name}'

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(type(None) if p is None else p for p in params)
        if self._name == 'Optional':
            if len(params) != 1:
                raise TypeError(f'typing.Optional requires a single type. Got {params}.')
            return _Alias(Union, (params[0], type(None)), 'Optional')
        if self._name == 'Union':
            flat = []
            for p in params:
                for q in (p.__args__ if isinstance(p, _Alias) and p.__origin__ is Union else (p,)):
                    if q not in flat:
                        flat.append(q)
            if len(flat) == 1:
                return flat[0]
            if len(flat) == 2 and type(None) in flat:
                other = flat[0] if flat[1] is type(None) else flat[1]
                return _Alias(Union, (other, type(None)), 'Optional')
            return _Alias(Union, tuple(flat), 'Union')
        return _Alias(self.__origin__ or self, params, self._name)

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError(f'Cannot instantiate typing.{self._name}')
        return self.__origin__(*args, **kwargs)


Any = _Special('Any')
Union = _Special('Union')
Optional = _Special('Optional')
Callable = _Special('Callable')
ClassVar = _Special('ClassVar')
Final = _Special('Final')
Literal = _Special('Literal')
Annotated = _Special('Annotated')
List = _Special('List', list)
Dict = _Special('Dict', dict)
Set = _Special('Set', set)
FrozenSet = _Special('FrozenSet', frozenset)
Tuple = _Special('Tuple', tuple)
Type = _Special('Type', type)
Iterable = _Special('Iterable')
Iterator = _Special('Iterator')
Generator = _Special('Generator')
Sequence = _Special('Sequence')
MutableSequence = _Special('MutableSequence')
Mapping = _Special('Mapping')
MutableMapping = _Special('MutableMapping')
AbstractSet = _Special('AbstractSet')
Awaitable = _Special('Awaitable')
Coroutine = _Special('Coroutine')
AsyncIterator = _Special('AsyncIterator')
Hashable = _Special('Hashable')
Sized = _Special('Sized')
NoReturn = _Special('NoReturn')


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound

    def __repr__(self):
        return '~' + self.__name__


class Generic:
    """Base class of user generics: `class Box(Generic[T])`."""

    def __class_getitem__(cls, params):
        return cls


def cast(typ, value):
    return value


def overload(func):
    return func


def no_type_check(func):
    return func


def final(f):
    return f


def get_type_hints(obj):
    return dict(getattr(obj, '__annotations__', {}))
