# memoryview over bytes and bytearray: attributes, len, indexing, errors.
data = b"hello"
m = memoryview(data)
print(m.obj is data, m.nbytes, m.readonly, m.itemsize, m.format, m.ndim)
print(m.shape, m.strides, m.suboffsets, m.c_contiguous, m.f_contiguous, m.contiguous)
print(len(m), m[0], m[-1], list(m), 108 in m, bool(m), bool(memoryview(b"")))
print(type(m).__name__, repr(m).startswith("<memory at 0x"))
w = memoryview(bytearray(b"abc"))
print(w.readonly, w[1])
w[1] = 66
w[-1] = 0x43
print(w.obj, w.tolist())
for bad in (lambda: m[5], lambda: m[-6], lambda: m["a"], lambda: m[1.0], lambda: m[0, 0]):
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
for target, value in ((m, 1), (w, 256), (w, -1), (w, "x"), (w, 1.5)):
    try:
        target[0] = value
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for arg in (5, "abc", [1], None):
    try:
        memoryview(arg)
    except TypeError as e:
        print(e)
try:
    del w[0]
except TypeError as e:
    print(e)
try:
    m.nbytes = 3
except AttributeError as e:
    print(e)
print(memoryview(object=b"xy").tobytes(), memoryview(memoryview(b"ab")).obj)
