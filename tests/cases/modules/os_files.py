# os: directories and files in a temporary directory, errors, the environment.
import os
base = "/tmp/pyrite-os-files-%d" % os.getpid()
os.mkdir(base)
for name in ["b.txt", "a.txt"]:
    with open(os.path.join(base, name), "w") as f:
        f.write(name * 3)
os.mkdir(os.path.join(base, "sub"))
print(sorted(os.listdir(base)), os.path.getsize(os.path.join(base, "a.txt")))
print(os.path.isfile(os.path.join(base, "a.txt")), os.path.isdir(os.path.join(base, "sub")))
print(os.stat(os.path.join(base, "b.txt")).st_size, isinstance(os.getcwd(), str))
os.rename(os.path.join(base, "a.txt"), os.path.join(base, "c.txt"))
print(sorted(os.listdir(base)))
for call in [lambda: os.mkdir(base), lambda: os.remove(os.path.join(base, "nope")),
             lambda: os.remove(os.path.join(base, "sub")), lambda: os.rmdir(base),
             lambda: os.listdir(os.path.join(base, "nope")),
             lambda: os.listdir(os.path.join(base, "c.txt")), lambda: os.stat(5.5)]:
    try:
        call()
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, str(e).replace(base, "BASE"))
    except TypeError as e:
        print(type(e).__name__, e)
print(sorted(w[1:] for w in os.walk(base)))
for name in os.listdir(base):
    path = os.path.join(base, name)
    os.rmdir(path) if os.path.isdir(path) else os.remove(path)
os.rmdir(base)
print(os.path.exists(base))
os.environ["PYRITE_TEST_VAR"] = "set"
print(os.environ["PYRITE_TEST_VAR"], os.getenv("PYRITE_TEST_VAR"), os.getenv("PYRITE_NOT_SET"))
print(os.getenv("PYRITE_NOT_SET", "default"), "PATH" in os.environ, type(os.getpid()).__name__)
