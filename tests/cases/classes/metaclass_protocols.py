# Special methods of a metaclass drive operations on its classes.
class Abstract(type):
    def __instancecheck__(cls, obj):
        return all(hasattr(obj, m) for m in cls.required)
    def __subclasscheck__(cls, sub):
        return all(hasattr(sub, m) for m in cls.required)

class Closeable(metaclass=Abstract):
    required = ('close',)

class File:
    def close(self): pass

print(isinstance(File(), Closeable), isinstance(3, Closeable), isinstance(3, (str, Closeable)))
print(issubclass(File, Closeable), issubclass(int, Closeable), issubclass(File, (int, Closeable)))

class EnumMeta(type):
    def __iter__(cls):
        return iter(k for k in cls.__dict__ if k.isupper())
    def __len__(cls): return sum(1 for _ in cls)
    def __getitem__(cls, name): return getattr(cls, name)
    def __contains__(cls, name): return name in list(cls)
    def __repr__(cls): return f'<enum {cls.__name__}>'
    def __bool__(cls): return len(cls) > 0
    def __eq__(cls, other): return cls.__name__ == getattr(other, '__name__', None)

class Color(metaclass=EnumMeta):
    RED = 1
    GREEN = 2

class Empty(metaclass=EnumMeta):
    pass

print(list(Color), len(Color), Color['GREEN'], 'RED' in Color, 'BLUE' in Color)
print(repr(Color), str(Color), [Color, Empty], bool(Color), bool(Empty), f'{Color!r}')
print(Color == Color, Color == Empty, Empty != Color, sorted(Color, reverse=True))
try:
    issubclass(3, Color)
except TypeError as e:
    print(type(e).__name__, e)
