# Text files: write, read, readline(s), iteration, seek/tell, append, modes.
import os
path = "/tmp/pyrite-files-text-%d.txt" % os.getpid()
with open(path, "w", encoding="utf-8") as f:
    print(f.write("first line\n"), f.write("zweite Zeile: é\n"), f.tell())
    f.writelines(["third\n", "fourth"])
    print(f.name == path, f.mode, f.encoding, f.closed, f.writable(), f.readable())
print(f.closed)
with open(path) as f:
    print(repr(f.readline()), repr(f.readline()), f.tell())
    print(f.readlines())
    print(repr(f.read()), f.seek(0), repr(f.read(5)), repr(f.read(12)), f.tell())
with open(path) as f:
    print([line.rstrip("\n") for line in f])
with open(path, "a") as f:
    f.write("\nappended")
    print(f.mode, f.tell())
with open(path, "r+") as f:
    print(repr(f.read(5)), f.seek(0), f.write("FIRST"), f.seek(0, 2), f.tell())
print(open(path).read().splitlines())
with open(path, "w+") as f:
    f.write("one\r\ntwo\rthree\n")
    f.seek(0)
    print(f.readlines(), f.seek(0), repr(f.read()))
with open(path, newline="") as f:
    print(repr(f.read()))
with open(path, "rt", encoding="utf-8") as f:
    print(next(f), next(iter(f)), f.readline(2), f.seekable(), f.isatty())
with open(path, "x" if False else "w") as f:
    pass
print(os.path.getsize(path), repr(open(path).read()))
os.remove(path)
print(os.path.exists(path))
