"""JSON encoding: JSONEncoder, with CPython's formatting of floats,
strings, indentation and separators."""

ESCAPE_DCT = {'\\': '\\\\', '"': '\\"', '\b': '\\b', '\f': '\\f', '\n': '\\n',
              '\r': '\\r', '\t': '\\t'}
for _i in range(0x20):
    ESCAPE_DCT.setdefault(chr(_i), '\\u%04x' % _i)
del _i

INFINITY = float('inf')


def py_encode_basestring(s):
    """A JSON string literal escaping only what JSON requires."""
    return '"' + ''.join([ESCAPE_DCT.get(c, c) for c in s]) + '"'


def py_encode_basestring_ascii(s):
    """A JSON string literal with everything but printable ASCII escaped
    (characters beyond the BMP as UTF-16 surrogate pairs)."""
    if s.isascii() and s.isprintable() and '"' not in s and '\\' not in s:
        return '"' + s + '"'
    out = []
    for c in s:
        if ' ' <= c <= '~' and c != '"' and c != '\\':
            out.append(c)
            continue
        e = ESCAPE_DCT.get(c)
        if e is not None:
            out.append(e)
            continue
        n = ord(c)
        if n < 0x10000:
            out.append('\\u%04x' % n)
        else:
            n -= 0x10000
            out.append('\\u%04x\\u%04x' % (0xd800 | (n >> 10), 0xdc00 | (n & 0x3ff)))
    return '"' + ''.join(out) + '"'


encode_basestring = py_encode_basestring
encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder:
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None,
                 default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError('Object of type %s is not JSON serializable' % type(o).__name__)

    def encode(self, o):
        if isinstance(o, str):
            return self._string(o)
        return ''.join(self.iterencode(o))

    def _string(self, s):
        if self.ensure_ascii:
            return py_encode_basestring_ascii(s)
        return py_encode_basestring(s)

    def _float(self, o):
        if o != o:
            text = 'NaN'
        elif o == INFINITY:
            text = 'Infinity'
        elif o == -INFINITY:
            text = '-Infinity'
        else:
            return repr(o)
        if not self.allow_nan:
            raise ValueError('Out of range float values are not JSON compliant')
        return text

    def iterencode(self, o, _one_shot=False):
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        markers = {} if self.check_circular else None
        return self._encode(o, markers, indent, 0)

    def _scalar(self, o):
        """The text of a str, None, bool, int or float; None otherwise."""
        if isinstance(o, str):
            return self._string(o)
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, int):
            return repr(o)
        if isinstance(o, float):
            return self._float(o)
        return None

    def _enter(self, markers, o):
        if markers is not None:
            if id(o) in markers:
                raise ValueError('Circular reference detected')
            markers[id(o)] = o

    def _encode(self, o, markers, indent, level):
        text = self._scalar(o)
        if text is not None:
            yield text
        elif isinstance(o, (list, tuple)):
            yield from self._list(o, markers, indent, level)
        elif isinstance(o, dict):
            yield from self._dict(o, markers, indent, level)
        else:
            self._enter(markers, o)
            yield from self._encode(self.default(o), markers, indent, level)
            if markers is not None:
                del markers[id(o)]

    def _list(self, lst, markers, indent, level):
        if not lst:
            yield '[]'
            return
        self._enter(markers, lst)
        buf = '['
        separator = self.item_separator
        newline_indent = None
        if indent is not None:
            level += 1
            newline_indent = '\n' + indent * level
            separator += newline_indent
            buf += newline_indent
        first = True
        for value in lst:
            if not first:
                buf = separator
            first = False
            text = self._scalar(value)
            if text is not None:
                yield buf + text
            else:
                yield buf
                yield from self._encode(value, markers, indent, level)
        if newline_indent is not None:
            yield '\n' + indent * (level - 1)
        yield ']'
        if markers is not None:
            del markers[id(lst)]

    def _key(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return self._float(key)
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, int):
            return repr(key)
        if self.skipkeys:
            return None
        raise TypeError('keys must be str, int, float, bool or None, not %s'
                        % type(key).__name__)

    def _dict(self, dct, markers, indent, level):
        if not dct:
            yield '{}'
            return
        self._enter(markers, dct)
        yield '{'
        item_separator = self.item_separator
        newline_indent = None
        if indent is not None:
            level += 1
            newline_indent = '\n' + indent * level
            item_separator += newline_indent
            yield newline_indent
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        first = True
        for key, value in items:
            key = self._key(key)
            if key is None:
                continue
            if not first:
                yield item_separator
            first = False
            yield self._string(key)
            yield self.key_separator
            text = self._scalar(value)
            if text is not None:
                yield text
            else:
                yield from self._encode(value, markers, indent, level)
        if newline_indent is not None:
            yield '\n' + indent * (level - 1)
        yield '}'
        if markers is not None:
            del markers[id(dct)]
