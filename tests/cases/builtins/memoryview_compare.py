# Comparison, hashing and conversion of memoryviews.
m = memoryview(b"abc")
print(m == b"abc", m != b"abc", b"abc" == m, m == bytearray(b"abc"), m == "abc")
print(m == memoryview(b"abc"), m[1:] == b"bc", m == b"abd", m == [97, 98, 99])
print(memoryview(b"\xff") == memoryview(b"\xff").cast("b"))
print(memoryview(b"\x01\x00").cast("h") == memoryview(b"\x01\x00").cast("H"))
print(memoryview(b"abcd").cast("B", [2, 2]) == b"abcd")
print(hash(m) == hash(b"abc"), hash(m[::2]) == hash(b"ac"))
for v in (memoryview(bytearray(b"a")), memoryview(b"abcd").cast("h")):
    try:
        hash(v)
    except ValueError as e:
        print(e)
try:
    hash(memoryview(bytearray(b"a")).toreadonly())
except TypeError as e:
    print(e)
try:
    m < m
except TypeError as e:
    print(e)
try:
    m + b""
except TypeError as e:
    print(e)
print(m.tobytes(), m.tolist(), m.hex(), m.hex(":"), memoryview(b"abcde").hex("-", 2))
print(memoryview(b"abcde").hex(" ", -2), m.tobytes("C"), bytes(m), bytearray(m[1:]))
print(b"-".join([m, memoryview(bytearray(b"xy")), b"z"]), b"x" + m, bytearray(b"y") + m)
print(int(memoryview(b"123")), float(memoryview(b"1.5")), m.toreadonly().readonly)
try:
    m.tobytes("X")
except ValueError as e:
    print(e)
