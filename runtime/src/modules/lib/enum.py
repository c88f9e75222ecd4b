"""pyrite's enum: Enum, IntEnum, Flag, IntFlag, auto and unique.

EnumType (the metaclass) turns the plain names of a class body into
members: instances of the class made once, with `_name_` and `_value_`,
kept in `_member_map_` (name -> member, aliases included),
`_member_names_` (definition order, no aliases) and `_value2member_map_`.

pyrite cannot subclass built-in types yet, so IntEnum and IntFlag members
are not ints: they compare, hash, index and do arithmetic like their
values instead (isinstance(member, int) is False)."""

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'Flag', 'IntFlag',
           'auto', 'unique']


class auto:
    """Stand-in for a value: replaced by _generate_next_value_()."""
    _counter = [0]

    def __init__(self, value=None):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


def _is_descriptor(obj):
    # pyrite's functions, properties, classmethods and staticmethods do not
    # show their __get__ as an attribute yet.
    if isinstance(obj, (_function, property, classmethod, staticmethod)):
        return True
    return (hasattr(obj, '__get__') or hasattr(obj, '__set__')
            or hasattr(obj, '__delete__'))


_function = type(_is_descriptor)


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__'
            and name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_'
            and name[1] != '_' and name[-2] != '_')


def _power_of_two(value):
    return value > 0 and value & (value - 1) == 0


class EnumType(type):
    """Metaclass of enumerations."""

    def __new__(metacls, cls, bases, classdict, *, boundary=None, **kwds):
        for base in bases:
            if getattr(base, '_member_names_', None):
                raise TypeError(f"<enum {cls!r}> cannot extend {base!r}")
        ignore = classdict.get('_ignore_', ())
        if isinstance(ignore, str):
            ignore = ignore.replace(',', ' ').split()
        members = []
        body = {}
        for key, value in classdict.items():
            if key in ignore or key == '_ignore_':
                continue
            if (_is_dunder(key) or _is_sunder(key) or _is_descriptor(value)
                    or key.startswith('_' + cls + '__')):
                body[key] = value
            else:
                members.append((key, value))
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        enum_class._member_names_ = []
        enum_class._member_map_ = {}
        enum_class._value2member_map_ = {}
        last_values = []
        for name, value in members:
            if isinstance(value, auto):
                if value.value is None:
                    value.value = enum_class._generate_next_value_(
                        name, 1, len(enum_class._member_names_), last_values[:])
                value = value.value
            last_values.append(value)
            enum_class._add_member_(name, value)
        return enum_class

    def _add_member_(cls, name, value):
        for existing in cls._member_map_.values():
            if existing._value_ == value:
                # An alias: another name for the same member.
                cls._member_map_[name] = existing
                type.__setattr__(cls, name, existing)
                return
        member = object.__new__(cls)
        member._name_ = name
        member._value_ = value
        init = cls.__dict__.get('__init__')
        if init is None:
            for base in cls.__mro__:
                if '__init__' in base.__dict__:
                    init = base.__dict__['__init__']
                    break
        if init is not None and init is not object.__init__:
            if isinstance(value, tuple):
                init(member, *value)
            else:
                init(member, value)
        cls._member_names_.append(name)
        cls._member_map_[name] = member
        try:
            cls._value2member_map_[value] = member
        except TypeError:
            pass
        type.__setattr__(cls, name, member)

    def __call__(cls, value, names=None, *, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, start=start)

    def _create_(cls, class_name, names, *, module=None, start=1):
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        classdict = {}
        if names and isinstance(names[0], str) and not isinstance(names, dict):
            last = []
            for count, name in enumerate(names):
                value = cls._generate_next_value_(name, start, count, last[:])
                last.append(value)
                classdict[name] = value
        elif isinstance(names, dict):
            classdict.update(names)
        else:
            for name, value in names:
                classdict[name] = value
        enum_class = EnumType.__new__(EnumType, class_name, (cls,), classdict)
        if module is None:
            import sys
            for depth in range(1, 6):
                try:
                    module = sys._getframe(depth).f_globals['__name__']
                except Exception:
                    module = None
                    break
                if module != __name__:
                    break
        if module is not None:
            enum_class.__module__ = module
        return enum_class

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name]
                for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'" % (
                    type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __bool__(cls):
        return True

    def __dir__(cls):
        return sorted(['__class__', '__contains__', '__doc__', '__getitem__',
                       '__init_subclass__', '__iter__', '__len__',
                       '__members__', '__module__', '__name__',
                       '__qualname__'] + cls._member_names_)

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError('cannot delete member %r' % (name,))
        super().__delattr__(name)


EnumMeta = EnumType
Flag = None


class Enum(metaclass=EnumType):
    """Base class of enumerations."""

    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        raise TypeError(
            'error in %s._missing_: returned %r instead of None or a valid member'
            % (cls.__name__, result))

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        last = last_values[-1]
        try:
            return last + 1
        except TypeError:
            raise TypeError('unable to increment %r' % (last,)) from None

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return "<%s.%s: %r>" % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (type(self).__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __dir__(self):
        return ['__class__', '__doc__', '__eq__', '__hash__', '__module__',
                'name', 'value']

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_


def _int_value(other):
    if isinstance(other, Enum):
        return other._value_
    return other


class _IntMixin:
    """What IntEnum and IntFlag members would inherit from int."""

    def __str__(self):
        return str(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)

    def __eq__(self, other):
        return self._value_ == _int_value(other)

    def __ne__(self, other):
        return self._value_ != _int_value(other)

    def __lt__(self, other):
        return self._value_ < _int_value(other)

    def __le__(self, other):
        return self._value_ <= _int_value(other)

    def __gt__(self, other):
        return self._value_ > _int_value(other)

    def __ge__(self, other):
        return self._value_ >= _int_value(other)

    def __hash__(self):
        return hash(self._value_)

    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    def __float__(self):
        return float(self._value_)

    def __bool__(self):
        return bool(self._value_)

    def __neg__(self):
        return -self._value_

    def __pos__(self):
        return +self._value_

    def __abs__(self):
        return abs(self._value_)

    def __add__(self, other):
        return self._value_ + _int_value(other)

    def __radd__(self, other):
        return _int_value(other) + self._value_

    def __sub__(self, other):
        return self._value_ - _int_value(other)

    def __rsub__(self, other):
        return _int_value(other) - self._value_

    def __mul__(self, other):
        return self._value_ * _int_value(other)

    def __rmul__(self, other):
        return _int_value(other) * self._value_

    def __floordiv__(self, other):
        return self._value_ // _int_value(other)

    def __truediv__(self, other):
        return self._value_ / _int_value(other)

    def __mod__(self, other):
        return self._value_ % _int_value(other)

    def __pow__(self, other):
        return self._value_ ** _int_value(other)

    def __lshift__(self, other):
        return self._value_ << _int_value(other)

    def __rshift__(self, other):
        return self._value_ >> _int_value(other)


class IntEnum(_IntMixin, Enum):
    """Enum whose members behave as ints."""


class Flag(Enum):
    """Enum whose members combine with the bitwise operators."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high = max(last_values)
        return 1 << high.bit_length() if high > 0 else 1

    @classmethod
    def _all_bits_(cls):
        bits = 0
        for name in cls._member_names_:
            bits |= cls._member_map_[name]._value_
        return bits

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        all_bits = cls._all_bits_()
        if value < 0 or value & ~all_bits:
            if not cls._keep_extra_bits_:
                width = max(all_bits.bit_length(), value.bit_length())
                raise ValueError(
                    "%r invalid value %r\n    given %s\n  allowed %s" % (
                        cls, value, _bin(value, width), _bin(all_bits, width)))
        return cls._pseudo_member_(value)

    _keep_extra_bits_ = False

    @classmethod
    def _pseudo_member_(cls, value):
        member = object.__new__(cls)
        member._value_ = value
        names = [m._name_ for m in cls._decompose_(value)]
        extra = value
        for m in cls._decompose_(value):
            extra &= ~m._value_
        if extra:
            names.append(str(extra))
        member._name_ = '|'.join(names) if names else None
        cls._value2member_map_[value] = member
        return member

    @classmethod
    def _decompose_(cls, value):
        return [cls._member_map_[name] for name in cls._member_names_
                if _power_of_two(cls._member_map_[name]._value_)
                and cls._member_map_[name]._value_ & value
                == cls._member_map_[name]._value_]

    def __iter__(self):
        return iter(type(self)._decompose_(self._value_))

    def __len__(self):
        return len(type(self)._decompose_(self._value_))

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r" % (
                    type(other).__qualname__, type(self).__qualname__))
        return other._value_ & self._value_ == other._value_

    def __bool__(self):
        return bool(self._value_)

    def __repr__(self):
        if self._name_ is None:
            return "<%s: %r>" % (type(self).__name__, self._value_)
        return "<%s.%s: %r>" % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        if self._name_ is None:
            return "%s(%r)" % (type(self).__name__, self._value_)
        return "%s.%s" % (type(self).__name__, self._name_)

    def __or__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ ^ other._value_)

    def __invert__(self):
        cls = type(self)
        return cls(cls._all_bits_() & ~self._value_)


def _bin(value, width):
    digits = bin(value)[2:].rjust(width, '0')
    return '0b0 ' + digits


class IntFlag(_IntMixin, Flag):
    """Flag whose members behave as ints; unknown bits are kept."""

    _keep_extra_bits_ = True

    def __or__(self, other):
        if isinstance(other, int):
            other = type(self)(other)
        return Flag.__or__(self, other)

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, int):
            other = type(self)(other)
        return Flag.__and__(self, other)

    __rand__ = __and__

    def __xor__(self, other):
        if isinstance(other, int):
            other = type(self)(other)
        return Flag.__xor__(self, other)

    __rxor__ = __xor__

    def __str__(self):
        return str(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)

    def __bool__(self):
        return bool(self._value_)


def unique(enumeration):
    """Class decorator: raise ValueError if any member is an alias."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member._name_:
            duplicates.append((name, member._name_))
    if duplicates:
        details = ', '.join('%s -> %s' % pair for pair in duplicates)
        raise ValueError('duplicate values found in %r: %s'
                         % (enumeration, details))
    return enumeration
