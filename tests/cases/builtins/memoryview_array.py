# memoryview over array.array: typed items, writes through to the array.
from array import array
a = array("i", [1, -2, 3, 4])
m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, len(m), m.readonly, m.tolist(), m[1], m[-1])
m[2] = 30
print(a, m[1:3].tolist(), m.obj is a)
m[1:3] = memoryview(array("i", [7, 8]))
print(a)
m[1:] = m[:-1]
print(a)
print(m.cast("B")[:4].tolist(), len(m.tobytes()), bytes(m[:1]))
for code in "bBhHiIlLqQfd":
    v = memoryview(array(code, [1, 2]))
    print(code, v.format, v.itemsize, v.tolist())
print(list(memoryview(array("h", [0x7F00, -0x8000]))), memoryview(array("d", [0.5])).tolist())
f = memoryview(array("f", [0.0]))
f[0] = 2.5
print(f.obj, f == memoryview(array("f", [2.5])))
for value in (b"1234", memoryview(array("h", [1, 2]))):
    try:
        m[0:2] = value
    except ValueError as e:
        print(e)
try:
    m[0] = 2**40
except ValueError as e:
    print(e)
print(b"".join([memoryview(array("B", [65, 66]))]), memoryview(array("u", "ab")).format)
