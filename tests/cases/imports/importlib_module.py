# importlib.import_module: absolute and relative names, errors.
import importlib
import sys
m = importlib.import_module("pkgdata.sub.deep")
print(m.NAME, m is sys.modules["pkgdata.sub.deep"])
print(importlib.import_module(".helper", "pkgdata").VALUE)
print(importlib.import_module("..helper", "pkgdata.sub").__name__)
print(importlib.import_module(".", "pkgdata.sub").__name__, importlib.import_module("json").__name__)
for args in [("nope_module",), (".x",), ("pkgdata.nope",), ("..x", "pkgdata"), ("",)]:
    try:
        importlib.import_module(*args)
    except (ImportError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(importlib.invalidate_caches())
