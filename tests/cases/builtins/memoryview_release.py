# release(), the context manager protocol and a bytearray's exports.
buf = bytearray(b"abcd")
m = memoryview(buf)
part = m[1:]
for grow in (lambda: buf.append(1), lambda: buf.extend(b"x"), lambda: buf.pop(),
             lambda: buf.clear(), lambda: buf.insert(0, 1)):
    try:
        grow()
    except BufferError as e:
        print("BufferError:", e)
buf[0:2] = b"xy"
buf.extend(b"")
try:
    buf += b"z"
except BufferError as e:
    print(e)
try:
    del buf[0]
except BufferError as e:
    print(e)
m.release(); m.release()  # a second release does nothing
print(repr(m).startswith("<released memory at 0x"), m == m, m == part)
try:
    buf.append(1)
except BufferError as e:
    print("still exported:", e)
part.release()
buf.append(ord("!"))
print(buf)
for op in (len, lambda v: v[0], lambda v: v.tobytes(), lambda v: v.nbytes, list, bytes, hash,
           memoryview, lambda v: v.cast("B"), lambda v: v.__enter__()):
    try:
        op(m)
    except ValueError as e:
        print(e)
with memoryview(buf) as v:
    print(v[0], v.readonly)
print(repr(v).startswith("<released"))
buf *= 2
print(buf)
