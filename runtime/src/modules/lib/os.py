"""pyrite's os: a small part of CPython's, over the built-in posix module
(files and directories, the environment); os.path is posixpath."""

import sys
import posix as _posix
import posixpath as path

from posix import (getcwd, listdir, stat, lstat, fstat, remove, unlink, rmdir,
                   mkdir, rename, replace, open, read, write, lseek, close,
                   isatty, getpid, strerror, uname, O_RDONLY, O_WRONLY, O_RDWR,
                   O_CREAT, O_EXCL, O_TRUNC, O_APPEND, SEEK_SET, SEEK_CUR,
                   SEEK_END)

sys.modules['os.path'] = path

name = 'posix'
sep = path.sep
altsep = None
extsep = '.'
pathsep = ':'
curdir = '.'
pardir = '..'
linesep = '\n'
devnull = '/dev/null'
defpath = '/bin:/usr/bin'

# A plain dict here (CPython's is a mapping that also calls putenv).
environ = _posix.environ


def getenv(key, default=None):
    return environ.get(key, default)


def fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    method = getattr(type(p), '__fspath__', None)
    if method is None:
        raise TypeError('expected str, bytes or os.PathLike object, not '
                        + type(p).__name__)
    result = method(p)
    if not isinstance(result, (str, bytes)):
        raise TypeError('expected %s.__fspath__() to return str or bytes, not %s'
                        % (type(p).__name__, type(result).__name__))
    return result


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator: (dirpath, dirnames, filenames) triples."""
    try:
        names = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs, files = [], []
    for n in names:
        (dirs if path.isdir(path.join(top, n)) else files).append(n)
    if topdown:
        yield top, dirs, files
    for d in dirs:
        new = path.join(top, d)
        if followlinks or not path.islink(new):
            yield from walk(new, topdown, onerror, followlinks)
    if not topdown:
        yield top, dirs, files
