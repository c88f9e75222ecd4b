# os.path (posixpath): pure path manipulation.
import os
import os.path
import posixpath
print(os.path is posixpath, os.path.__name__, os.sep, repr(os.linesep), os.name)
print(os.path.join("a", "b", "c"), os.path.join("a/", "b"), os.path.join("a", "/b", "c"))
print(os.path.join("", "x"), os.path.join("x", ""), os.path.join("/"))
paths = ["", "/", "a/b/c.txt", "/a//b/", "a.tar.gz", ".bashrc", "a/.b.c", "..",
         "a/b/", "//x", "///x/../y", "./a/./b/../c", "../../x", "/../a"]
for p in paths:
    print(repr(p), os.path.split(p), os.path.splitext(p))
    print("   ", repr(os.path.basename(p)), repr(os.path.dirname(p)),
          repr(os.path.normpath(p)), os.path.isabs(p))
print(os.path.abspath("/a/b/../c"), os.path.abspath("x") == os.path.join(os.getcwd(), "x"))
print(os.path.relpath("/a/b/c", "/a/d"), os.path.relpath("/a", "/a"))
print(os.path.commonprefix(["/usr/lib", "/usr/local"]), os.path.commonprefix([]))
print(os.path.exists("/"), os.path.isdir("/"), os.path.isfile("/"))
print(os.path.exists("/no/such/path"), os.path.isfile("/no/such/path"))
for bad in [("a", 1), (None,)]:
    try:
        os.path.join(*bad)
    except TypeError as e:
        print(type(e).__name__, e)
