"""pyrite's string: character-class constants, capwords and Template."""

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords',
           'digits', 'hexdigits', 'octdigits', 'printable', 'punctuation',
           'whitespace', 'Template']

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join([w.capitalize() for w in s.split(sep)])


_ID_START = '_' + ascii_letters
_ID_CHARS = _ID_START + digits


class Template:
    """$-substitutions: $name, ${name} and $$ for a literal $."""

    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _placeholders(self):
        """(start, end, kind, name) for each delimiter in the template;
        kind is 'escaped', 'named', 'braced' or 'invalid'."""
        t, d = self.template, self.delimiter
        i = t.find(d)
        while i >= 0:
            j = i + len(d)
            if t.startswith(d, j):
                yield i, j + len(d), 'escaped', None
                i = t.find(d, j + len(d))
                continue
            k = j
            if k < len(t) and t[k] in _ID_START:
                while k < len(t) and t[k] in _ID_CHARS:
                    k += 1
                yield i, k, 'named', t[j:k]
            elif t.startswith('{', j) and j + 1 < len(t) and t[j + 1] in _ID_START:
                k = j + 1
                while k < len(t) and t[k] in _ID_CHARS:
                    k += 1
                if t.startswith('}', k):
                    yield i, k + 1, 'braced', t[j + 1:k]
                else:
                    yield i, j, 'invalid', j
            else:
                yield i, j, 'invalid', j
            i = t.find(d, max(k, j))

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno, lineno = 1, 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d'
                         % (lineno, colno))

    def _substitute(self, mapping, kws, safe):
        if kws:
            mapping = {**mapping, **kws} if mapping else kws
        out = []
        last = 0
        for start, end, kind, name in self._placeholders():
            out.append(self.template[last:start])
            last = end
            if kind == 'escaped':
                out.append(self.delimiter)
            elif kind == 'invalid':
                if not safe:
                    self._invalid(name)
                out.append(self.template[start:end])
            elif safe:
                try:
                    out.append('%s' % (mapping[name],))
                except KeyError:
                    out.append(self.template[start:end])
            else:
                out.append('%s' % (mapping[name],))
        out.append(self.template[last:])
        return ''.join(out)

    def substitute(self, mapping={}, /, **kws):
        return self._substitute(mapping, kws, False)

    def safe_substitute(self, mapping={}, /, **kws):
        return self._substitute(mapping, kws, True)

    def get_identifiers(self):
        ids = []
        for start, end, kind, name in self._placeholders():
            if kind == 'invalid':
                self._invalid(name)
            if kind in ('named', 'braced') and name not in ids:
                ids.append(name)
        return ids

    def is_valid(self):
        return all(kind != 'invalid' for _, _, kind, _ in self._placeholders())
