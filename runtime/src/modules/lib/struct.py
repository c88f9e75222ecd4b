"""pyrite's struct: packing values into bytes as C structs lay them out.

Every format character of CPython's struct, with its sizes and native
alignment on 64-bit Linux (little-endian), and its struct.error messages.
Floats are encoded to IEEE 754 bits in Python (round half to even).
"""

import math
import sys
from _operator import index as _to_index

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
           'iter_unpack', 'Struct', 'error']


class error(Exception):
    pass


error.__module__ = 'struct'

# code: (standard size, native size)
_SIZES = {'x': (1, 1), 'c': (1, 1), 'b': (1, 1), 'B': (1, 1), '?': (1, 1),
          'h': (2, 2), 'H': (2, 2), 'i': (4, 4), 'I': (4, 4), 'l': (4, 8),
          'L': (4, 8), 'q': (8, 8), 'Q': (8, 8), 'n': (None, 8),
          'N': (None, 8), 'e': (2, 2), 'f': (4, 4), 'd': (8, 8),
          's': (1, 1), 'p': (1, 1), 'P': (None, 8)}
_NAMED = {'b': ('byte', -128, 127), 'B': ('ubyte', 0, 255),
          'h': ('short', -32768, 32767), 'H': ('ushort', 0, 65535)}
# (exponent bits, mantissa bits) of the float formats.
_FLOATS = {'e': (5, 10), 'f': (8, 23), 'd': (11, 52)}


def _float_bits(x, code):
    ebits, mbits = _FLOATS[code]
    bias = (1 << (ebits - 1)) - 1
    top = (1 << ebits) - 1
    sign = 1 << (ebits + mbits)
    if x != x:
        return (top << mbits) | (1 << (mbits - 1))
    s = sign if math.copysign(1.0, x) < 0 else 0
    x = abs(x)
    if x == math.inf:
        return s | (top << mbits)
    if x == 0.0:
        return s
    m, e = math.frexp(x)
    exp = e - 1 + bias
    if exp >= 1:
        bits = (exp << mbits) + round(math.ldexp(m, mbits + 1)) - (1 << mbits)
    else:
        bits = round(math.ldexp(x, bias - 1 + mbits))
    if bits >= top << mbits:
        if code == 'd':
            return s | (top << mbits)
        raise OverflowError('float too large to pack with %s format' % code)
    return s | bits


def _float_value(bits, code):
    ebits, mbits = _FLOATS[code]
    bias = (1 << (ebits - 1)) - 1
    top = (1 << ebits) - 1
    sign = -1.0 if bits >> (ebits + mbits) else 1.0
    exp = (bits >> mbits) & top
    frac = bits & ((1 << mbits) - 1)
    if exp == top:
        return math.nan if frac else sign * math.inf
    if exp == 0:
        return sign * math.ldexp(frac, 1 - bias - mbits)
    return sign * math.ldexp(frac + (1 << mbits), exp - bias - mbits)


def _parse(fmt):
    """(byte order, native?, [(code, count, offset)], size)."""
    if isinstance(fmt, bytes):
        fmt = fmt.decode('ascii')
    elif not isinstance(fmt, str):
        raise TypeError('Struct() argument 1 must be a str or bytes object, not %s'
                        % type(fmt).__name__)
    order, native, i = sys.byteorder, True, 0
    if fmt and fmt[0] in '@=<>!':
        order = {'@': sys.byteorder, '=': sys.byteorder, '<': 'little',
                 '>': 'big', '!': 'big'}[fmt[0]]
        native = fmt[0] == '@'
        i = 1
    items, size, n = [], 0, len(fmt)
    while i < n:
        c = fmt[i]
        if c.isspace():
            i += 1
            continue
        count = None
        if c.isdigit():
            j = i
            while j < n and fmt[j].isdigit():
                j += 1
            count = int(fmt[i:j])
            if j == n:
                raise error('repeat count given without format specifier')
            i, c = j, fmt[j]
        if c not in _SIZES or (not native and _SIZES[c][0] is None):
            raise error('bad char in struct format')
        width = _SIZES[c][1 if native else 0]
        if count is None:
            count = 1
        if native and c not in 'xsp' and size % width:
            size += width - size % width
        if c in 'sp':
            items.append((c, count, size))
            size += count
        elif c == 'x':
            size += count
        else:
            for _ in range(count):
                items.append((c, 1, size))
                size += width
        i += 1
    return order, native, items, size


def _pack_int(code, v, width, native):
    if not isinstance(v, int):
        try:
            v = _to_index(v)
        except TypeError:
            raise error('required argument is not an integer') from None
    if code in _NAMED:
        name, lo, hi = _NAMED[code]
        if not lo <= v <= hi:
            raise error('%s format requires %d <= number <= %d'
                        % (name, lo, hi))
        return v
    if code == 'P' and -(1 << 63) <= v < 0:
        return v + (1 << 64)
    signed = code in 'iqnl'
    lo = -(1 << (8 * width - 1)) if signed else 0
    hi = (1 << (8 * width - 1)) - 1 if signed else (1 << (8 * width)) - 1
    if not lo <= v <= hi:
        if code == 'i' or (code == 'l' and not native):
            raise error("'%s' format requires %d <= number <= %d"
                        % (code, lo, hi))
        raise error('argument out of range')
    return v


def _pack(parsed, args, fname='pack'):
    order, native, items, size = parsed
    if len(args) != len(items):
        raise error('%s expected %d items for packing (got %d)'
                    % (fname, len(items), len(args)))
    out = bytearray(size)
    for (code, count, offset), v in zip(items, args):
        if code in 'sp':
            if not isinstance(v, (bytes, bytearray)):
                raise error("argument for '%s' must be a bytes object" % code)
            if code == 's':
                data = bytes(v[:count])
            elif count:
                data = bytes([min(len(v), count - 1, 255)]) + v[:count - 1]
            else:
                data = b''
            out[offset:offset + len(data)] = data
            continue
        width = _SIZES[code][1 if native else 0]
        if code == 'c':
            if not isinstance(v, (bytes, bytearray)) or len(v) != 1:
                raise error('char format requires a bytes object of length 1')
            data = bytes(v)
        elif code == '?':
            data = b'\x01' if v else b'\x00'
        elif code in _FLOATS:
            if not isinstance(v, (int, float)):
                convert = getattr(type(v), '__float__', None)
                if convert is None:
                    try:
                        v = _to_index(v)
                    except TypeError:
                        raise error('required argument is not a float') from None
                else:
                    v = convert(v)
            data = _float_bits(float(v), code).to_bytes(width, order)
        else:
            v = _pack_int(code, v, width, native)
            data = v.to_bytes(width, order, signed=v < 0)
        out[offset:offset + width] = data
    return bytes(out)


def _unpack(parsed, data):
    order, native, items, size = parsed
    out = []
    for code, count, offset in items:
        if code == 's':
            out.append(bytes(data[offset:offset + count]))
            continue
        if code == 'p':
            n = min(data[offset], count - 1) if count else 0
            out.append(bytes(data[offset + 1:offset + 1 + n]))
            continue
        width = _SIZES[code][1 if native else 0]
        chunk = bytes(data[offset:offset + width])
        if code == 'c':
            out.append(chunk)
        elif code == '?':
            out.append(chunk != b'\x00')
        elif code in _FLOATS:
            out.append(_float_value(int.from_bytes(chunk, order), code))
        else:
            out.append(int.from_bytes(chunk, order, signed=code in 'bhiqnl'))
    return tuple(out)


def _buffer(data):
    if isinstance(data, (bytes, bytearray)):
        return data
    if isinstance(data, memoryview):
        return data.tobytes()
    if isinstance(data, str) or not hasattr(type(data), '__pyrite_buffer__'):
        raise TypeError("a bytes-like object is required, not '%s'"
                        % type(data).__name__)
    return bytes(data)


def _offset(offset, size, buflen, what, verb):
    offset = _to_index(offset)
    if offset < 0:
        if offset + buflen < 0:
            raise error('offset %d out of range for %d-byte buffer'
                        % (offset, buflen))
        offset += buflen
    if buflen - offset < size:
        raise error('%s requires a buffer of at least %d bytes for %s %d '
                    'bytes at offset %d (actual buffer size is %d)'
                    % (what, size + offset, verb, size, offset, buflen))
    return offset


class Struct:
    def __init__(self, format):
        self._parsed = _parse(format)
        self.format = format if isinstance(format, str) else format.decode()
        self.size = self._parsed[3]

    def pack(self, *args):
        return _pack(self._parsed, args)

    def pack_into(self, buffer, offset, *args):
        data = _pack(self._parsed, args)
        if not isinstance(buffer, bytearray):
            raise TypeError('argument must be read-write bytes-like object, '
                            'not %s' % type(buffer).__name__)
        offset = _offset(offset, self.size, len(buffer), 'pack_into',
                         'packing')
        buffer[offset:offset + self.size] = data

    def unpack(self, buffer):
        data = _buffer(buffer)
        if len(data) != self.size:
            raise error('unpack requires a buffer of %d bytes' % self.size)
        return _unpack(self._parsed, data)

    def unpack_from(self, buffer, offset=0):
        data = _buffer(buffer)
        offset = _offset(offset, self.size, len(data), 'unpack_from',
                         'unpacking')
        return _unpack(self._parsed, data[offset:offset + self.size])

    def iter_unpack(self, buffer):
        data = _buffer(buffer)
        if self.size == 0:
            raise error('cannot iteratively unpack with a struct of length 0')
        if len(data) % self.size:
            raise error('iterative unpacking requires a buffer of a '
                        'multiple of %d bytes' % self.size)
        return (_unpack(self._parsed, data[i:i + self.size])
                for i in range(0, len(data), self.size))


def calcsize(format):
    return Struct(format).size


def pack(format, *args):
    return Struct(format).pack(*args)


def pack_into(format, buffer, offset, *args):
    return Struct(format).pack_into(buffer, offset, *args)


def unpack(format, buffer):
    return Struct(format).unpack(buffer)


def unpack_from(format, buffer, offset=0):
    return Struct(format).unpack_from(buffer, offset)


def iter_unpack(format, buffer):
    return Struct(format).iter_unpack(buffer)
