# io.BytesIO: an in-memory binary stream.
import io
b = io.BytesIO(b"first\nsecond\nthird")
print(b.read(5), b.tell(), b.readline(), b.readlines())
print(b.seek(0), list(b), b.seek(-5, 2), b.read(), b.seek(2), b.seek(3, 1), b.read(2))
w = io.BytesIO()
print(w.write(b"abc"), w.write(bytearray(b"def")), w.getvalue(), w.tell())
w.seek(1); w.write(b"XY"); print(w.getvalue())
w.seek(8); w.write(b"!"); print(w.getvalue(), w.truncate(4), w.getvalue())
with io.BytesIO(b"abc") as raw:
    print(raw.read(2), raw.read(), raw.read(), raw.closed)
print(raw.closed, isinstance(raw, io.BufferedIOBase), raw.readable() if False else "")
for op in [lambda: raw.read(), lambda: raw.getvalue(), lambda: io.BytesIO().write("s"),
           lambda: io.BytesIO().seek(-1), lambda: io.BytesIO("s"), lambda: raw.write(b"")]:
    try:
        op()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(io.BytesIO(b"x\ny").readline(1), io.BytesIO().read(), io.SEEK_END, io.DEFAULT_BUFFER_SIZE)
