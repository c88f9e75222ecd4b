"""pyrite's array: typed arrays of numbers (and 'u' characters).

An array keeps its items as Python values in a list, checked and
converted on the way in exactly as CPython's C conversions check them
(so the OverflowError messages match); its machine representation (native
byte order, CPython's item sizes on 64-bit Linux, floats encoded by
struct's IEEE 754 code) is built on demand by tobytes(). The runtime reads that representation through
__pyrite_buffer__, so bytes(a), bytearray(a), b'..' + a and a in b'..'
treat an array as a bytes-like object, as CPython's buffer protocol does.
"""

import math
import struct as _struct
import sys
from _operator import index as _to_index

typecodes = 'bBuhHiIlLqQfd'

_SIZES = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
          'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'f': 4, 'd': 8}
_LONG_MIN = -(1 << 63)
_LONG_MAX = (1 << 63) - 1
_ULONG_MAX = (1 << 64) - 1


def _range_check(value, lo, hi, what):
    if value < lo:
        raise OverflowError(what + ' is less than minimum')
    if value > hi:
        raise OverflowError(what + ' is greater than maximum')


def _int_item(code, x):
    v = _to_index(x)
    if code in 'qQ':
        if code == 'Q' and v < 0:
            raise OverflowError("can't convert negative int to unsigned")
        if v < (_LONG_MIN if code == 'q' else 0) or v > (
                _LONG_MAX if code == 'q' else _ULONG_MAX):
            raise OverflowError('int too big to convert')
        return v
    if code in 'IL':
        if v < 0:
            raise OverflowError("can't convert negative value to unsigned int")
        if v > _ULONG_MAX:
            raise OverflowError(
                'Python int too large to convert to C unsigned long')
        if code == 'I' and v > 0xFFFFFFFF:
            raise OverflowError('unsigned int is greater than maximum')
        return v
    if v < _LONG_MIN or v > _LONG_MAX:
        raise OverflowError('Python int too large to convert to C long')
    if code == 'b':
        _range_check(v, -32768, 32767, 'signed short integer')
        _range_check(v, -128, 127, 'signed char')
    elif code == 'B':
        _range_check(v, 0, 255, 'unsigned byte integer')
    elif code == 'h':
        _range_check(v, -32768, 32767, 'signed short integer')
    elif code == 'H':
        _range_check(v, -(1 << 31), (1 << 31) - 1, 'signed integer')
        _range_check(v, 0, 65535, 'unsigned short')
    elif code == 'i':
        _range_check(v, -(1 << 31), (1 << 31) - 1, 'signed integer')
    return v


def _float_bits(x, code):
    try:
        return _struct._float_bits(x, code)
    except OverflowError:
        return _struct._float_bits(math.copysign(math.inf, x), code)


def _item(code, x):
    """x converted to an item of an array of this typecode."""
    if code == 'u':
        if not isinstance(x, str) or len(x) != 1:
            raise TypeError('array item must be unicode character')
        return x
    if code in 'fd':
        if not isinstance(x, (int, float)) and not hasattr(type(x), '__float__'):
            raise TypeError('must be real number, not %s' % type(x).__name__)
        v = float(x)
        if code == 'f':
            v = _struct._float_value(_float_bits(v, 'f'), 'f')
        return v
    return _int_item(code, x)


def _encode(code, v):
    size = _SIZES[code]
    if code == 'u':
        return ord(v).to_bytes(4, sys.byteorder)
    if code in 'fd':
        return _float_bits(v, code).to_bytes(size, sys.byteorder)
    return v.to_bytes(size, sys.byteorder, signed=code.islower())


def _decode(code, chunk):
    if code == 'u':
        return chr(int.from_bytes(chunk, sys.byteorder))
    if code in 'fd':
        return _struct._float_value(int.from_bytes(chunk, sys.byteorder), code)
    return int.from_bytes(chunk, sys.byteorder, signed=code.islower())


def _bytes_like(x):
    return isinstance(x, (bytes, bytearray)) or isinstance(x, array)


class array:
    __hash__ = None

    def __init__(self, *args, **kwargs):
        if kwargs:
            raise TypeError('array.array() takes no keyword arguments')
        if not args:
            raise TypeError('array() takes at least 1 argument (0 given)')
        if len(args) > 2:
            raise TypeError(
                'array() takes at most 2 arguments (%d given)' % len(args))
        code = args[0]
        if not isinstance(code, str) or len(code) != 1:
            raise TypeError(
                'array() argument 1 must be a unicode character, not %s'
                % type(code).__name__)
        if code not in _SIZES:
            raise ValueError('bad typecode (must be b, B, u, h, H, i, I, l, '
                             'L, q, Q, f or d)')
        self._code = code
        self._items = []
        if len(args) == 1:
            return
        init = args[1]
        if isinstance(init, str):
            if code != 'u':
                raise TypeError('cannot use a str to initialize an array '
                                "with typecode '%s'" % code)
            self._items = list(init)
        elif isinstance(init, array):
            if (init._code == 'u') != (code == 'u'):
                raise TypeError("cannot use a unicode array to initialize an "
                                "array with typecode '%s'" % code)
            self.extend(init._items)
        elif isinstance(init, (bytes, bytearray)):
            self.frombytes(init)
        else:
            self.extend(init)

    typecode = property(lambda self: self._code)
    itemsize = property(lambda self: _SIZES[self._code])

    def __pyrite_buffer__(self):
        return self.tobytes()

    def __pyrite_setbuffer__(self, data):
        # A memoryview wrote `data` (as long as the array's bytes) into
        # the array's memory.
        code = self._code
        size = _SIZES[code]
        self._items = [_decode(code, data[i:i + size])
                       for i in range(0, len(data), size)]

    def _same_kind(self, other):
        return isinstance(other, array) and other._code == self._code

    def _new(self, items):
        a = array(self._code)
        a._items = items
        return a

    def __repr__(self):
        name = type(self).__name__ if type(self) is not array else 'array'
        if not self._items:
            return "%s('%s')" % (name, self._code)
        if self._code == 'u':
            return '%s(%r, %r)' % (name, self._code, ''.join(self._items))
        return '%s(%r, %r)' % (name, self._code, self._items)

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(list(self._items))

    def __contains__(self, x):
        return x in self._items

    def _index(self, i, what):
        try:
            i = _to_index(i)
        except TypeError:
            raise TypeError('array indices must be integers') from None
        n = len(self._items)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError('array %sindex out of range' % what)
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._new(self._items[i])
        return self._items[self._index(i, '')]

    def __setitem__(self, i, x):
        if isinstance(i, slice):
            if not self._same_kind(x):
                if isinstance(x, array):
                    raise TypeError('bad argument type for built-in operation')
                raise TypeError('can only assign array (not "%s") to array '
                                'slice' % type(x).__name__)
            self._items[i] = list(x._items)
            return
        i = self._index(i, 'assignment ')
        self._items[i] = _item(self._code, x)

    def __delitem__(self, i):
        if isinstance(i, slice):
            del self._items[i]
            return
        del self._items[self._index(i, 'assignment ')]

    def _compare(self, other, op):
        if not isinstance(other, array):
            return NotImplemented
        return op(self._items, other._items)

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b)

    def __ne__(self, other):
        return self._compare(other, lambda a, b: a != b)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only append array (not "%s") to array'
                            % type(other).__name__)
        if other._code != self._code:
            raise TypeError('bad argument type for built-in operation')
        return self._new(self._items + other._items)

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only extend array with array (not "%s")'
                            % type(other).__name__)
        if other._code != self._code:
            raise TypeError('bad argument type for built-in operation')
        self._items += other._items
        return self

    def __mul__(self, n):
        try:
            n = _to_index(n)
        except TypeError:
            return NotImplemented
        return self._new(self._items * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        try:
            n = _to_index(n)
        except TypeError:
            return NotImplemented
        self._items *= n
        return self

    def __copy__(self):
        return self._new(list(self._items))

    def __deepcopy__(self, memo):
        return self.__copy__()

    def append(self, x):
        self._items.append(_item(self._code, x))

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable._code != self._code:
                raise TypeError('can only extend with array of same kind')
            self._items.extend(iterable._items)
            return
        code = self._code
        self._items.extend([_item(code, x) for x in iterable])

    def insert(self, i, x):
        self._items.insert(i, _item(self._code, x))

    def pop(self, i=-1):
        if not self._items:
            raise IndexError('pop from empty array')
        n = len(self._items)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError('pop index out of range')
        return self._items.pop(i)

    def remove(self, x):
        try:
            self._items.remove(x)
        except ValueError:
            raise ValueError('array.remove(x): x not in array') from None

    def index(self, x, start=0, stop=sys.maxsize):
        try:
            return self._items.index(x, start, stop)
        except ValueError:
            raise ValueError('array.index(x): x not in array') from None

    def count(self, x):
        return self._items.count(x)

    def reverse(self):
        self._items.reverse()

    def tolist(self):
        return list(self._items)

    def fromlist(self, items):
        if not isinstance(items, list):
            raise TypeError('arg must be list')
        self._items.extend([_item(self._code, x) for x in items])

    def tobytes(self):
        code = self._code
        return b''.join([_encode(code, v) for v in self._items])

    def frombytes(self, data):
        data = bytes(data)
        size = _SIZES[self._code]
        if len(data) % size:
            raise ValueError('bytes length not a multiple of item size')
        code = self._code
        self._items.extend([_decode(code, data[i:i + size])
                            for i in range(0, len(data), size)])

    def tounicode(self):
        if self._code != 'u':
            raise ValueError('tounicode() may only be called on unicode '
                             'type arrays')
        return ''.join(self._items)

    def fromunicode(self, s):
        if self._code != 'u':
            raise ValueError('fromunicode() may only be called on unicode '
                             'type arrays')
        self._items.extend(s)

    def byteswap(self):
        code = self._code
        if code in 'bB':
            return
        self._items = [_decode(code, _encode(code, v)[::-1])
                       for v in self._items]

    def buffer_info(self):
        return (id(self), len(self._items))


ArrayType = array
