"""pyrite's io: in-memory streams (StringIO, BytesIO) and files (open),
written in Python over the posix module's descriptors.

The class layering follows CPython's: a raw FileIO, a buffered layer
(BufferedReader, BufferedWriter, BufferedRandom) and TextIOWrapper on
top. Unlike CPython, writes go straight to the descriptor: pyrite has no
finalizers yet, so a file that is never closed must not lose data."""

import posix as _posix

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

_CLOSED = "I/O operation on closed file."


class UnsupportedOperation(OSError, ValueError):
    pass


class IOBase:
    __module__ = '_io'
    _closed = False

    @property
    def closed(self):
        return self._closed

    def _check_closed(self, msg=_CLOSED):
        if self._closed:
            raise ValueError(msg)

    def close(self):
        self._closed = True

    def flush(self):
        self._check_closed()

    def readable(self):
        self._check_closed()
        return False

    def writable(self):
        self._check_closed()
        return False

    def seekable(self):
        self._check_closed()
        return False

    def isatty(self):
        self._check_closed()
        return False

    def fileno(self):
        raise UnsupportedOperation('fileno')

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    pass


def _size(size):
    """The size argument of read() and friends: None means everything."""
    if size is None:
        return -1
    if not isinstance(size, int):
        raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
    return size


# ----- in-memory streams ------------------------------------------------------------

class StringIO(TextIOBase):
    """A text stream over a str, with a position counted in characters."""

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError('initial_value must be str or None, not %s'
                            % type(initial_value).__name__)
        if newline is not None and newline not in ('', '\n', '\r', '\r\n'):
            raise ValueError('illegal newline value: %r' % (newline,))
        self._newline = newline
        self._buf = self._translate(initial_value)
        self._pos = 0

    def _translate(self, s):
        if self._newline is None:
            return s.replace('\r\n', '\n').replace('\r', '\n')
        if self._newline not in ('', '\n'):
            return s.replace('\n', self._newline)
        return s

    def _check(self):
        if self._closed:
            raise ValueError('I/O operation on closed file')

    def readable(self):
        self._check()
        return True

    writable = seekable = readable

    def getvalue(self):
        self._check()
        return self._buf

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError('string argument expected, got %r' % type(s).__name__)
        n = len(s)
        s = self._translate(s)
        buf, pos = self._buf, self._pos
        if pos == len(buf):
            self._buf = buf + s
        else:
            if pos > len(buf):
                buf += '\0' * (pos - len(buf))
            self._buf = buf[:pos] + s + buf[pos + len(s):]
        self._pos = pos + len(s)
        return n

    def read(self, size=-1):
        self._check()
        size = _size(size)
        start = min(self._pos, len(self._buf))
        end = len(self._buf) if size < 0 else min(start + size, len(self._buf))
        self._pos = max(self._pos, end)
        return self._buf[start:end]

    def readline(self, size=-1):
        self._check()
        size = _size(size)
        start = min(self._pos, len(self._buf))
        end = self._buf.find('\n', start)
        end = len(self._buf) if end < 0 else end + 1
        if size >= 0:
            end = min(end, start + size)
        self._pos = max(self._pos, end)
        return self._buf[start:end]

    def __next__(self):
        self._check()
        return TextIOBase.__next__(self)

    def tell(self):
        self._check()
        return self._pos

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError('Negative seek position %d' % pos)
            self._pos = pos
        elif whence in (1, 2):
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
            if whence == 2:
                self._pos = len(self._buf)
        else:
            raise ValueError('Invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError('Negative size value %d' % size)
        self._buf = self._buf[:size]
        return size

    def __repr__(self):
        return '<_io.StringIO object>'


StringIO.__module__ = '_io'


def _bytes_like(b):
    if not isinstance(b, (bytes, bytearray)):
        raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)
    return b


class BytesIO(BufferedIOBase):
    """A binary stream over a bytearray."""

    def __init__(self, initial_bytes=b''):
        self._buf = bytearray(_bytes_like(initial_bytes) if initial_bytes is not None else b'')
        self._pos = 0

    def readable(self):
        self._check_closed()
        return True

    writable = seekable = readable

    def getvalue(self):
        self._check_closed()
        return bytes(self._buf)

    def write(self, b):
        self._check_closed()
        b = _bytes_like(b)
        pos = self._pos
        if pos > len(self._buf):
            self._buf += b'\0' * (pos - len(self._buf))
        self._buf[pos:pos + len(b)] = b
        self._pos = pos + len(b)
        return len(b)

    def read(self, size=-1):
        self._check_closed()
        size = _size(size)
        start = min(self._pos, len(self._buf))
        end = len(self._buf) if size < 0 else min(start + size, len(self._buf))
        self._pos = max(self._pos, end)
        return bytes(self._buf[start:end])

    read1 = read

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def readline(self, size=-1):
        self._check_closed()
        size = _size(size)
        start = min(self._pos, len(self._buf))
        end = self._buf.find(b'\n', start)
        end = len(self._buf) if end < 0 else end + 1
        if size >= 0:
            end = min(end, start + size)
        self._pos = max(self._pos, end)
        return bytes(self._buf[start:end])

    def tell(self):
        self._check_closed()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_closed()
        if whence == 0:
            if pos < 0:
                raise ValueError('negative seek value %d' % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError('invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError('negative size value %d' % size)
        del self._buf[size:]
        return size


BytesIO.__module__ = '_io'


# ----- files ------------------------------------------------------------------------

class FileIO(RawIOBase):
    """Unbuffered binary I/O on a descriptor."""

    def __init__(self, file, mode='r', closefd=True):
        self._fd = -1
        flags = 0
        plus = mode.count('+')
        kinds = sum(mode.count(c) for c in 'rwax')
        if kinds != 1 or plus > 1 or any(c not in 'rwaxb+' for c in mode):
            raise ValueError('Must have exactly one of create/read/write/append '
                             'mode and at most one plus')
        self._readable = 'r' in mode or plus > 0
        self._writable = 'r' not in mode or plus > 0
        self._appending = 'a' in mode
        self._created = 'x' in mode
        if self._readable and self._writable:
            flags = _posix.O_RDWR
        elif self._writable:
            flags = _posix.O_WRONLY
        if 'w' in mode:
            flags |= _posix.O_CREAT | _posix.O_TRUNC
        elif 'a' in mode:
            flags |= _posix.O_CREAT | _posix.O_APPEND
        elif 'x' in mode:
            flags |= _posix.O_CREAT | _posix.O_EXCL
        self.name = file
        if isinstance(file, int):
            if file < 0:
                raise ValueError('negative file descriptor')
            self._fd = file
        else:
            self._fd = _posix.open(file, flags, 0o666)
            try:
                if _posix.fstat(self._fd).st_mode & 0o170000 == 0o040000:
                    raise IsADirectoryError(21, _posix.strerror(21), file)
            except BaseException:
                _posix.close(self._fd)
                raise
        self._closefd = closefd
        if self._appending:
            _posix.lseek(self._fd, 0, SEEK_END)

    @property
    def mode(self):
        if self._created:
            return 'xb+' if self._readable else 'xb'
        if self._appending:
            return 'ab+' if self._readable else 'ab'
        if self._readable:
            return 'rb+' if self._writable else 'rb'
        return 'wb'

    def _check(self):
        if self._closed:
            raise ValueError('I/O operation on closed file')

    def fileno(self):
        self._check()
        return self._fd

    def readable(self):
        self._check()
        return self._readable

    def writable(self):
        self._check()
        return self._writable

    def seekable(self):
        self._check()
        return True

    def isatty(self):
        self._check()
        return _posix.isatty(self._fd)

    def read(self, size=-1):
        self._check()
        if not self._readable:
            raise UnsupportedOperation('File not open for reading')
        size = _size(size)
        if size >= 0:
            return _posix.read(self._fd, size)
        chunks = []
        while True:
            chunk = _posix.read(self._fd, DEFAULT_BUFFER_SIZE)
            if not chunk:
                return b''.join(chunks)
            chunks.append(chunk)

    readall = read

    def write(self, b):
        self._check()
        if not self._writable:
            raise UnsupportedOperation('File not open for writing')
        return _posix.write(self._fd, _bytes_like(b))

    def seek(self, pos, whence=0):
        self._check()
        return _posix.lseek(self._fd, pos, whence)

    def tell(self):
        self._check()
        return _posix.lseek(self._fd, 0, SEEK_CUR)

    def close(self):
        if not self._closed:
            self._closed = True
            if self._closefd and self._fd >= 0:
                _posix.close(self._fd)


FileIO.__module__ = '_io'


class _Wrapper:
    """What a stream over another stream (a buffer over a FileIO, text over
    a buffer) passes through to the one it wraps, `_wrapped`."""

    @property
    def closed(self):
        return self._wrapped.closed

    @property
    def name(self):
        return self._wrapped.name

    def close(self):
        self._wrapped.close()

    def fileno(self):
        return self._wrapped.fileno()

    def readable(self):
        return self._wrapped.readable()

    def writable(self):
        return self._wrapped.writable()

    def seekable(self):
        return self._wrapped.seekable()

    def isatty(self):
        return self._wrapped.isatty()

    def __enter__(self):
        self._check()
        return self

    def __iter__(self):
        self._check()
        return self


class _Buffered(_Wrapper, BufferedIOBase):
    """A read buffer over a FileIO (writes go straight through)."""

    _wrapped = property(lambda self: self.raw)

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        self.raw = raw
        self._rbuf = b''
        self._rpos = 0


    @property
    def mode(self):
        return self.raw.mode

    def _check(self, msg=_CLOSED):
        if self.raw.closed:
            raise ValueError(msg)

    def _unread(self):
        """Drop the read buffer, moving the raw position back to ours."""
        left = len(self._rbuf) - self._rpos
        if left:
            self.raw.seek(-left, SEEK_CUR)
        self._rbuf = b''
        self._rpos = 0

    def _fill(self):
        self._rbuf = self._rbuf[self._rpos:] + self.raw.read(DEFAULT_BUFFER_SIZE)
        self._rpos = 0

    def read(self, size=-1):
        if isinstance(self, BufferedWriter):
            raise UnsupportedOperation('read')
        self._check('read of closed file')
        size = _size(size)
        if size < -1:
            raise ValueError('read length must be non-negative or -1')
        if size < 0:
            data = self._rbuf[self._rpos:] + self.raw.read()
            self._rbuf = b''
            self._rpos = 0
            return data
        while len(self._rbuf) - self._rpos < size:
            before = len(self._rbuf) - self._rpos
            self._fill()
            if len(self._rbuf) == before:
                break
        data = self._rbuf[self._rpos:self._rpos + size]
        self._rpos += len(data)
        return data

    def read1(self, size=-1):
        return self.read(size)

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def readline(self, size=-1):
        if isinstance(self, BufferedWriter):
            raise UnsupportedOperation('readline')
        self._check('readline of closed file')
        size = _size(size)
        while True:
            end = self._rbuf.find(b'\n', self._rpos)
            if end >= 0 or (0 <= size <= len(self._rbuf) - self._rpos):
                break
            before = len(self._rbuf) - self._rpos
            self._fill()
            if len(self._rbuf) == before:
                break
        end = len(self._rbuf) if end < 0 else end + 1
        if size >= 0:
            end = min(end, self._rpos + size)
        line = self._rbuf[self._rpos:end]
        self._rpos = end
        return line

    def peek(self, size=0):
        self._check()
        if self._rpos == len(self._rbuf):
            self._fill()
        return self._rbuf[self._rpos:]

    def write(self, b):
        if isinstance(self, BufferedReader):
            raise UnsupportedOperation('write')
        self._check('write to closed file')
        self._unread()
        return self.raw.write(b)

    def seek(self, pos, whence=0):
        self._check('seek of closed file')
        if whence not in (0, 1, 2):
            raise ValueError('whence value %d unsupported' % whence)
        if whence == 1:
            pos -= len(self._rbuf) - self._rpos
        self._rbuf = b''
        self._rpos = 0
        return self.raw.seek(pos, whence)

    def tell(self):
        self._check('I/O operation on closed file')
        return self.raw.tell() - (len(self._rbuf) - self._rpos)

    def truncate(self, pos=None):
        raise UnsupportedOperation('truncate')

    def flush(self):
        self._check(_CLOSED if isinstance(self, BufferedReader) else 'flush of closed file')


    def __repr__(self):
        return '<_io.%s name=%r>' % (type(self).__name__, self.name)


class BufferedReader(_Buffered):
    __module__ = '_io'


class BufferedWriter(_Buffered):
    __module__ = '_io'


class BufferedRandom(_Buffered):
    __module__ = '_io'


class TextIOWrapper(_Wrapper, TextIOBase):
    """Text over a buffered binary stream: encodes and decodes, and turns
    '\\r\\n' and '\\r' into '\\n' when reading (universal newlines)."""

    _wrapped = property(lambda self: self.buffer)

    __module__ = '_io'

    def __init__(self, buffer, encoding=None, errors=None, newline=None,
                 line_buffering=False):
        if newline is not None and newline not in ('', '\n', '\r', '\r\n'):
            raise ValueError('illegal newline value: %s' % (newline,))
        self.buffer = buffer
        self.encoding = 'utf-8' if encoding is None else encoding
        self.errors = 'strict' if errors is None else errors
        self._newline = newline
        self.line_buffering = line_buffering
        self.mode = None
        self._pending = ''
        self._ppos = 0


    def _check(self):
        if self.buffer.closed:
            raise ValueError(_CLOSED)

    # Reading keeps decoded text that has not been returned yet in
    # _pending (from index _ppos), untranslated, so that tell() can count
    # its bytes back off the buffer's position.

    def _fill(self):
        """Decode another chunk into _pending; False at the end of the file."""
        data = self.buffer.read(DEFAULT_BUFFER_SIZE)
        while data and not _complete(data):
            more = self.buffer.read(1)
            if not more:
                break
            data += more
        if not data:
            return False
        self._pending = self._pending[self._ppos:] + data.decode(self.encoding, self.errors)
        self._ppos = 0
        return True

    def _translate(self, text):
        if self._newline is None:
            return text.replace('\r\n', '\n').replace('\r', '\n')
        return text

    def _take(self, end):
        text = self._pending[self._ppos:end]
        self._ppos = end
        return self._translate(text)

    def _check_readable(self):
        self._check()
        if not self.buffer.readable():
            raise UnsupportedOperation('not readable')

    def read(self, size=-1):
        self._check_readable()
        size = _size(size)
        if size < 0:
            while self._fill():
                pass
            return self._take(len(self._pending))
        out = ''
        while len(out) < size:
            want = size - len(out)
            # One more than wanted: a '\r' at the end may start a '\r\n'.
            while len(self._pending) - self._ppos < want + 1 and self._fill():
                pass
            end = min(self._ppos + want, len(self._pending))
            if end == self._ppos:
                break
            if self._newline is None and self._pending[end - 1] == '\r' \
                    and self._pending[end:end + 1] == '\n':
                end += 1
            out += self._take(end)
        return out

    def _line_end(self, start):
        """The end of the line starting at start in _pending, or -1 if more
        text is needed to know."""
        p = self._pending
        nl = self._newline
        if nl == '\n':
            i = p.find('\n', start)
            return -1 if i < 0 else i + 1
        if nl in ('\r', '\r\n'):
            i = p.find(nl, start)
            return -1 if i < 0 else i + len(nl)
        # Universal newlines: '\n', '\r' or '\r\n' ends a line.
        i = p.find('\n', start)
        j = p.find('\r', start, len(p) if i < 0 else i)
        if j < 0:
            return -1 if i < 0 else i + 1
        if j + 1 == len(p):
            return -1
        return j + 2 if p[j + 1] == '\n' else j + 1

    def readline(self, size=-1):
        self._check_readable()
        size = _size(size)
        while True:
            end = self._line_end(self._ppos)
            if end >= 0 or not self._fill():
                break
        if end < 0:
            end = len(self._pending)
        if 0 <= size < end - self._ppos:
            end = self._ppos + size
        return self._take(end)

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError('write() argument must be str, not %s' % type(s).__name__)
        if not self.buffer.writable():
            raise UnsupportedOperation('not writable')
        self._unread()
        text = s
        if self._newline not in (None, '', '\n'):
            text = text.replace('\n', self._newline)
        self.buffer.write(text.encode(self.encoding, self.errors))
        return len(s)

    def seek(self, cookie, whence=0):
        self._check()
        if whence == 1 and cookie != 0:
            raise UnsupportedOperation("can't do nonzero cur-relative seeks")
        if whence == 2 and cookie != 0:
            raise UnsupportedOperation("can't do nonzero end-relative seeks")
        if whence == 0 and cookie < 0:
            raise ValueError('negative seek position %d' % cookie)
        if whence not in (0, 1, 2):
            raise ValueError('invalid whence (%d, should be 0, 1 or 2)' % whence)
        self._pending = ''
        self._ppos = 0
        return self.buffer.seek(cookie, whence)

    def tell(self):
        self._check()
        unread = self._pending[self._ppos:]
        return self.buffer.tell() - len(unread.encode(self.encoding, self.errors))

    def _unread(self):
        """Before writing: drop the text read ahead. As in CPython, the
        write goes where the buffer is, after that text."""
        self._pending = ''
        self._ppos = 0

    def truncate(self, pos=None):
        self._check()
        raise UnsupportedOperation('truncate')

    def flush(self):
        self._check()


    def __next__(self):
        self._check()
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __repr__(self):
        return '<_io.TextIOWrapper name=%r mode=%r encoding=%r>' % (
            self.name, self.mode, self.encoding)


def _complete(data):
    """Does bytes `data` end on a whole UTF-8 sequence?"""
    i = len(data) - 1
    while i >= 0 and i >= len(data) - 4 and data[i] & 0xC0 == 0x80:
        i -= 1
    if i < 0:
        return True
    lead = data[i]
    need = 1 if lead < 0x80 else 2 if lead >= 0xC0 and lead < 0xE0 else \
        3 if lead >= 0xE0 and lead < 0xF0 else 4 if lead >= 0xF0 else 1
    return len(data) - i >= need


def open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
         closefd=True, opener=None):
    if not isinstance(file, (str, bytes, int)):
        fspath = getattr(type(file), '__fspath__', None)
        if fspath is None:
            raise TypeError('expected str, bytes or os.PathLike object, not %s'
                            % type(file).__name__)
        file = fspath(file)
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not %s" % type(mode).__name__)
    for i, c in enumerate(mode):
        if c not in 'xrwa+tb' or c in mode[i + 1:]:
            raise ValueError('invalid mode: %r' % mode)
    text = 't' in mode
    binary = 'b' in mode
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if sum(c in mode for c in 'xrwa') > 1:
        raise ValueError('must have exactly one of create/read/write/append mode')
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    raw = FileIO(file, ''.join(c for c in mode if c in 'xrwa+'), closefd)
    if buffering == 0:
        if not binary:
            raise ValueError("can't have unbuffered text I/O")
        return raw
    if '+' in mode:
        buffer = BufferedRandom(raw)
    elif 'r' in mode:
        buffer = BufferedReader(raw)
    else:
        buffer = BufferedWriter(raw)
    if binary:
        return buffer
    wrapper = TextIOWrapper(buffer, encoding, errors, newline)
    wrapper.mode = mode
    return wrapper
