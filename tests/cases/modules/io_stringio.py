# io.StringIO: an in-memory text stream.
import io
s = io.StringIO()
print(s.write("hello\n"), s.write("world\nlast"), s.tell())
print(repr(s.getvalue()), repr(s.read()), s.seek(0), repr(s.readline()))
print(s.readlines(), repr(s.read()), s.seek(6), repr(s.read(3)), s.tell())
s = io.StringIO("line 1\nline 2\nline 3\n")
print([line for line in s], s.seek(0), s.readlines(), s.seek(0), list(s)[1:])
s.seek(0)
print(s.readline(3), repr(s.readline()), s.read(0) == "", s.readable(), s.writable())
s = io.StringIO("abcdef")
s.seek(2); s.write("XY"); print(s.getvalue(), s.tell(), s.truncate(3), repr(s.getvalue()))
s.seek(5); s.write("!"); print(repr(s.getvalue()), s.seek(0, 2), s.seek(0, 1))
with io.StringIO("ctx") as buf:
    print(buf.read(), buf.closed)
print(buf.closed)
for op in [lambda: buf.read(), lambda: buf.getvalue(), lambda: buf.write("x"),
           lambda: io.StringIO().write(5), lambda: io.StringIO().seek(-1),
           lambda: io.StringIO().seek(1, 1), lambda: io.StringIO(b"x"),
           lambda: io.StringIO().seek(0, 3), lambda: buf.__enter__()]:
    try:
        op()
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__, e)
print(io.StringIO("a\r\nb", newline=None).read() == "a\nb", print("to file", file=io.StringIO()))
out = io.StringIO()
print("x", 1, sep="-", end="!", file=out)
out.writelines(["a", "b"])
print(repr(out.getvalue()), isinstance(out, io.TextIOBase), isinstance(out, io.IOBase))
