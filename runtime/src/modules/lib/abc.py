"""pyrite's abc: abstract base classes (PEP 3119).

ABCMeta is a metaclass that records a class's abstract methods in
`__abstractmethods__`, refuses to instantiate a class that still has some
(in `__call__`), and keeps virtual subclasses registered with `register`
for isinstance and issubclass (`__instancecheck__`, `__subclasscheck__`)."""

__all__ = ['ABCMeta', 'ABC', 'abstractmethod', 'abstractclassmethod',
           'abstractstaticmethod', 'abstractproperty', 'get_cache_token',
           'update_abstractmethods']


def abstractmethod(funcobj):
    """Mark a method abstract: a class with ABCMeta as metaclass cannot be
    instantiated until every abstract method is overridden."""
    funcobj.__isabstractmethod__ = True
    return funcobj


# CPython's are subclasses of classmethod, staticmethod and property; pyrite
# cannot subclass those built-in types yet, so these wrap a function marked
# abstract instead (and _is_abstract looks inside the wrappers).
def abstractclassmethod(callable):
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    callable.__isabstractmethod__ = True
    return staticmethod(callable)


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    if fget is not None:
        fget.__isabstractmethod__ = True
    return property(fget, fset, fdel, doc)


_cache_token = [0]


def get_cache_token():
    """A token that changes whenever a virtual subclass is registered."""
    return _cache_token[0]


def _is_abstract(value):
    if getattr(value, '__isabstractmethod__', False):
        return True
    # A property is abstract when one of its functions is; so are the
    # functions that classmethod and staticmethod wrap.
    if isinstance(value, property):
        for f in (value.fget, value.fset, value.fdel):
            if f is not None and getattr(f, '__isabstractmethod__', False):
                return True
        return False
    if isinstance(value, (classmethod, staticmethod)):
        return getattr(value.__func__, '__isabstractmethod__', False)
    return False


def _compute_abstracts(cls):
    abstracts = set()
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    for base in cls.__bases__:
        for name in getattr(base, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    return frozenset(abstracts)


def update_abstractmethods(cls):
    """Recompute the abstract methods of cls after it has changed."""
    if hasattr(cls, '__abstractmethods__'):
        cls.__abstractmethods__ = _compute_abstracts(cls)
    return cls


class ABCMeta(type):
    """Metaclass of abstract base classes."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls)
        cls._abc_registry = []
        return cls

    def __call__(cls, *args, **kwargs):
        # CPython's object.__new__ makes this check.
        abstracts = cls.__abstractmethods__
        if abstracts:
            names = sorted(abstracts)
            s = 's' if len(names) > 1 else ''
            raise TypeError(
                f"Can't instantiate abstract class {cls.__name__} "
                f"with abstract method{s} {', '.join(names)}")
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Register a virtual subclass of this ABC and return it."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.append(subclass)
        _cache_token[0] += 1
        return subclass

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if cls in subclass.__mro__:
            return True
        for base in cls.__mro__:
            hook = base.__dict__.get('__subclasshook__')
            if isinstance(hook, classmethod):
                ok = hook.__func__(cls, subclass)
                if ok is not NotImplemented:
                    return bool(ok)
                break
        for registered in cls.__dict__.get('_abc_registry', ()):
            if issubclass(subclass, registered):
                return True
        for scls in type.__subclasses__(cls):
            if issubclass(subclass, scls):
                return True
        return False


class ABC(metaclass=ABCMeta):
    """Helper class: derive from ABC to get ABCMeta as metaclass."""
    __slots__ = ()
