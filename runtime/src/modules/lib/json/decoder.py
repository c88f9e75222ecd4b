"""JSON decoding: JSONDecoder and JSONDecodeError, a recursive-descent
scanner with the positions and messages of CPython's C scanner."""

__all__ = ['JSONDecoder', 'JSONDecodeError']

_WS = ' \t\n\r'
_DIGITS = '0123456789'
_HEX = '0123456789abcdefABCDEF'
BACKSLASH = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n',
             'r': '\r', 't': '\t'}
_CONSTANTS = {'NaN': float('nan'), 'Infinity': float('inf'),
              '-Infinity': float('-inf')}


class JSONDecodeError(ValueError):
    """ValueError with the position of the problem: msg, doc, pos,
    lineno, colno."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        super().__init__('%s: line %d column %d (char %d)'
                         % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


class _NoValue(Exception):
    """No JSON value starts at `pos` (CPython's scanner raises
    StopIteration(pos))."""

    def __init__(self, pos):
        self.pos = pos


class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        obj, end = self.raw_decode(s, _skip(s, 0))
        end = _skip(s, end)
        if end != len(s):
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            return self._value(s, idx)
        except _NoValue as e:
            raise JSONDecodeError('Expecting value', s, e.pos) from None

    def _value(self, s, i):
        if i >= len(s):
            raise _NoValue(i)
        c = s[i]
        if c == '"':
            return self._string(s, i + 1)
        if c == '{':
            return self._object(s, i + 1)
        if c == '[':
            return self._array(s, i + 1)
        if c == 'n' and s.startswith('null', i):
            return None, i + 4
        if c == 't' and s.startswith('true', i):
            return True, i + 4
        if c == 'f' and s.startswith('false', i):
            return False, i + 5
        found = self._number(s, i)
        if found is not None:
            return found
        for name in ('NaN', 'Infinity', '-Infinity'):
            if s.startswith(name, i):
                return self.parse_constant(name), i + len(name)
        raise _NoValue(i)

    def _number(self, s, i):
        n = len(s)
        j = i
        if j < n and s[j] == '-':
            j += 1
        if j < n and s[j] == '0':
            j += 1
        elif j < n and s[j] in _DIGITS:
            while j < n and s[j] in _DIGITS:
                j += 1
        else:
            return None
        is_float = False
        if j + 1 < n and s[j] == '.' and s[j + 1] in _DIGITS:
            j += 2
            while j < n and s[j] in _DIGITS:
                j += 1
            is_float = True
        if j < n and s[j] in 'eE':
            k = j + 1
            if k < n and s[k] in '+-':
                k += 1
            if k < n and s[k] in _DIGITS:
                while k < n and s[k] in _DIGITS:
                    k += 1
                j = k
                is_float = True
        if is_float:
            return self.parse_float(s[i:j]), j
        return self.parse_int(s[i:j]), j

    def _string(self, s, i):
        """The str whose opening quote is at i - 1, and the index after it."""
        begin = i - 1
        n = len(s)
        chunks = []
        while True:
            j = i
            while j < n:
                c = s[j]
                if c == '"' or c == '\\':
                    break
                if c < ' ' and self.strict:
                    raise JSONDecodeError('Invalid control character at', s, j)
                j += 1
            if j >= n:
                raise JSONDecodeError('Unterminated string starting at', s, begin)
            chunks.append(s[i:j])
            if s[j] == '"':
                return ''.join(chunks), j + 1
            if j + 1 >= n:
                raise JSONDecodeError('Unterminated string starting at', s, begin)
            esc = s[j + 1]
            if esc != 'u':
                if esc not in BACKSLASH:
                    raise JSONDecodeError('Invalid \\escape', s, j)
                chunks.append(BACKSLASH[esc])
                i = j + 2
                continue
            code = _hex4(s, j + 2)
            i = j + 6
            if 0xd800 <= code <= 0xdbff and s.startswith('\\u', i):
                low = _hex4(s, i + 2)
                if 0xdc00 <= low <= 0xdfff:
                    code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00))
                    i += 6
            # pyrite's str holds no lone surrogates: they become U+FFFD.
            chunks.append('\ufffd' if 0xd800 <= code <= 0xdfff else chr(code))

    def _object(self, s, i):
        n = len(s)
        pairs = []
        i = _skip(s, i)
        if i < n and s[i] == '}':
            i += 1
        else:
            while True:
                if i >= n or s[i] != '"':
                    raise JSONDecodeError(
                        'Expecting property name enclosed in double quotes', s, i)
                key, i = self._string(s, i + 1)
                i = _skip(s, i)
                if i >= n or s[i] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", s, i)
                i = _skip(s, i + 1)
                try:
                    value, i = self._value(s, i)
                except _NoValue as e:
                    raise JSONDecodeError('Expecting value', s, e.pos) from None
                pairs.append((key, value))
                i = _skip(s, i)
                if i < n and s[i] == '}':
                    i += 1
                    break
                if i >= n or s[i] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, i)
                i = _skip(s, i + 1)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), i
        obj = dict(pairs)
        if self.object_hook is not None:
            obj = self.object_hook(obj)
        return obj, i

    def _array(self, s, i):
        n = len(s)
        values = []
        i = _skip(s, i)
        if i < n and s[i] == ']':
            return values, i + 1
        while True:
            try:
                value, i = self._value(s, i)
            except _NoValue as e:
                raise JSONDecodeError('Expecting value', s, e.pos) from None
            values.append(value)
            i = _skip(s, i)
            if i < n and s[i] == ']':
                return values, i + 1
            if i >= n or s[i] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = _skip(s, i + 1)


def _skip(s, i):
    n = len(s)
    while i < n and s[i] in _WS:
        i += 1
    return i


def _hex4(s, i):
    digits = s[i:i + 4]
    if len(digits) != 4 or any(c not in _HEX for c in digits):
        raise JSONDecodeError('Invalid \\uXXXX escape', s, i - 1)
    return int(digits, 16)
