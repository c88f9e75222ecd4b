# open() errors: OSError subclasses with errno/strerror/filename, bad modes,
# closed files, operations the mode does not allow.
import io
import os
path = "/tmp/pyrite-files-errors-%d.txt" % os.getpid()
def attempt(f, *args, **kwargs):
    try:
        return f(*args, **kwargs)
    except (OSError, ValueError, TypeError) as e:
        print(type(e).__name__, str(e).replace(path, "PATH"))
        if isinstance(e, OSError) and e.errno:
            print("   ", e.errno, e.strerror, e.filename == path or e.filename)
attempt(open, path)
attempt(open, "/tmp")
attempt(open, "/tmp", "w")
attempt(open, "/no/such/dir/x", "w")
for mode in ["rw", "z", "rr", "b", "+", "rbt", "U"]:
    attempt(open, path, mode)
attempt(open, path, "rb", encoding="utf-8")
attempt(open, path, "wb", newline="")
attempt(open, 3.5)
attempt(open, path, "r", -1, None, None, "x")
with open(path, "w") as f:
    attempt(f.read)
    attempt(f.write, 5)
attempt(open, path, "x")
for op in [f.read, f.readline, f.tell, f.flush, f.__enter__, lambda: f.write("x")]:
    attempt(op)
with open(path) as f:
    attempt(f.write, "x")
    attempt(f.seek, 1, 1)
    attempt(f.seek, -1)
    print(isinstance(f, io.TextIOWrapper), issubclass(io.UnsupportedOperation, OSError))
with open(path, "rb") as f:
    attempt(f.write, b"x")
with open(path, "wb") as f:
    attempt(f.write, "text")
    attempt(f.read)
os.remove(path)
