"""pyrite's copy: shallow and deep copies of built-in containers and of
class instances (through __copy__/__deepcopy__, __getstate__/__setstate__
or the instance __dict__, with the items of dict and list subclasses)."""

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error

# Values that are never copied (copying them gives the value itself).
_ATOMIC = {type(None), int, float, bool, complex, str, bytes, type, range,
           type(len), type(lambda: 0), type(Ellipsis), type(NotImplemented),
           property}


def _new_instance(cls):
    """An instance of cls whose __init__ has not run."""
    try:
        new = object.__new__
    except AttributeError:
        # No object.__new__ in pyrite yet: call the class with __init__
        # switched off for the moment.
        had_init = '__init__' in vars(cls)
        saved = vars(cls).get('__init__')
        cls.__init__ = lambda self, *args, **kwargs: None
        try:
            return cls()
        finally:
            if had_init:
                cls.__init__ = saved
            else:
                del cls.__init__
    return new(cls)


def _state(x):
    getstate = getattr(x, '__getstate__', None)
    if getstate is not None:
        return getstate()
    return getattr(x, '__dict__', None) or None


def _set_state(y, state):
    if state is None:
        return
    setstate = getattr(y, '__setstate__', None)
    if setstate is not None:
        setstate(state)
    else:
        y.__dict__.update(state)


def copy(x):
    cls = type(x)
    if cls in _ATOMIC or cls in (tuple, frozenset):
        return x
    if cls in (list, dict, set):
        return x.copy()
    if cls is bytearray:
        return bytearray(x)
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    if isinstance(x, BaseException):
        return cls(*x.args)
    if not hasattr(x, '__dict__'):
        raise Error('un(shallow)copyable object of type %s' % cls)
    y = _new_instance(cls)
    _set_state(y, _state(x))
    _copy_items(x, y, lambda v: v)
    return y


def _copy_items(x, y, copier):
    """The items of x, an instance of a subclass of list or dict, into y
    (through y's own __setitem__ or append, as CPython's copyreg does)."""
    if isinstance(x, dict):
        for key, value in dict.items(x):
            y[copier(key)] = copier(value)
    elif isinstance(x, list):
        for item in list.__iter__(x):
            y.append(copier(item))


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC:
        return x
    if cls is list:
        y = []
        memo[d] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        # A tuple inside one of its own items was copied on the way.
        if d in memo:
            return memo[d]
        y = x if all(a is b for a, b in zip(items, x)) else tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls in (set, frozenset):
        y = cls(deepcopy(item, memo) for item in x)
    elif cls is bytearray:
        y = bytearray(x)
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        elif isinstance(x, BaseException):
            y = cls(*deepcopy(x.args, memo))
        elif hasattr(x, '__dict__'):
            y = _new_instance(cls)
            memo[d] = y
            _set_state(y, deepcopy(_state(x), memo))
            _copy_items(x, y, lambda v: deepcopy(v, memo))
        else:
            raise Error('un(deep)copyable object of type %s' % cls)
    if y is not x:
        memo[d] = y
        # Keep x alive so that its id is not reused while memo is in use.
        memo.setdefault(id(memo), []).append(x)
    return y
