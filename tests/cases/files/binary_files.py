# Binary files: bytes in and out, seek/tell from each end, buffered types.
import os
path = "/tmp/pyrite-files-binary-%d.bin" % os.getpid()
with open(path, "wb") as f:
    print(type(f).__name__, f.mode, f.write(b"\x00\x01\x02abc\n"), f.write(bytearray(b"xyz")))
    print(f.tell(), f.writable(), f.readable(), f.seekable())
with open(path, "rb") as f:
    print(type(f).__name__, f.mode, f.read(2), f.tell(), f.readline(), f.read())
    print(f.seek(-3, 2), f.read(1), f.seek(1, 1), f.read(), f.seek(0), f.read(100))
    print(f.read(), f.read(0), f.peek(1) == b"")
with open(path, "r+b") as f:
    print(type(f).__name__, f.mode, f.read(3), f.write(b"ABC"), f.tell(), f.seek(0), f.read())
with open(path, "ab") as f:
    print(f.mode, f.tell(), f.write(b"!"))
with open(path, "rb") as f:
    print(list(f), f.closed)
print(f.closed, open(path, "rb").read() == b"\x00\x01\x02ABC\nxyz!")
with open(path, "rb", buffering=0) as raw:
    print(type(raw).__name__, raw.read(3), raw.mode)
with open(path, "wb") as f:
    pass
print(os.path.getsize(path), open(path, "rb").read())
os.remove(path)
text = "héllo wörld €"
with open(path, "w", encoding="utf-8") as f:
    f.write(text)
with open(path, "rb") as f:
    data = f.read()
print(data, len(data), len(text), data.decode("utf-8") == text)
with open(path, encoding="utf-8") as f:
    print(f.read(2), f.read(3), f.read())
os.remove(path)
