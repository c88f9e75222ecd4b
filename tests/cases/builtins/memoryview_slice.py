# Slices of a memoryview share the buffer: writes through them reach it.
buf = bytearray(b"abcdefgh")
m = memoryview(buf)
s = m[2:6]
print(s.tobytes(), len(s), s.obj is buf, s.nbytes)
s[0] = ord("X")
print(buf)
odd = m[1::2]
print(odd.tolist(), odd.strides, odd.c_contiguous, odd.contiguous)
odd[:] = b"1234"
print(buf)
back = m[::-1]
print(back.tobytes(), back.strides, back[0], m[6:1:-2].tolist())
m[0:2] = memoryview(b"zz")
print(buf)
m[1:] = m[:-1]
print(buf)
print(m[3:3].tobytes(), m[100:].tolist(), m[-3:].tobytes())
for value in (b"abc", b"a", memoryview(b"ab").cast("c"), 5):
    try:
        m[0:2] = value
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    memoryview(b"ab")[0:1] = b"x"
except TypeError as e:
    print(e)
try:
    m[::0]
except ValueError as e:
    print(e)
