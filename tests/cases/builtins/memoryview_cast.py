# memoryview.cast to other formats and shapes.
raw = bytes(range(1, 17))
m = memoryview(raw)
for fmt in ("B", "b", "c", "H", "h", "I", "i", "L", "l", "Q", "q"):
    v = m.cast(fmt)
    print(fmt, v.format, v.itemsize, len(v), v.shape, v.strides, v[0], v[-1])
print(memoryview(b"\xff\xfe\x80\x7f").cast("b").tolist())
print(memoryview(b"\xff\xff\xff\xff\xff\xff\xff\xff").cast("Q").tolist())
f = memoryview(bytearray(8)).cast("f")
f[0] = 1.5
f[1] = 3
print(f.tolist(), memoryview(bytearray(16)).cast("d").tolist())
grid = m.cast("B", [4, 4])
print(grid.ndim, grid.shape, grid.strides, grid.tolist()[1], len(grid), grid[1, 2])
print(m.cast("H", (2, 4)).tolist(), grid.cast("B").shape, m.cast("@B").format)
h = memoryview(bytearray(4)).cast("h")
h[1] = -2
print(h.tolist(), h.obj, memoryview(b"a").cast("B", []).tolist())
for args in (("x",), ("I", [3]), ("B", [5]), ("B", 5), ("B", [0]), (5,)):
    try:
        m.cast(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for bad in (lambda: m.cast("h").cast("i"), lambda: m[::2].cast("B"), lambda: grid[0]):
    try:
        bad()
    except (TypeError, NotImplementedError) as e:
        print(type(e).__name__, e)
try:
    memoryview(b"abc").cast("h")
except TypeError as e:
    print(e)
