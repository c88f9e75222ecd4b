# Modules written at run time into a directory put on sys.path.
import os
import sys
sys.dont_write_bytecode = True
base = "/tmp/pyrite-syspath-%d" % os.getpid()
os.makedirs(os.path.join(base, "tmppkg"))
with open(os.path.join(base, "tmpmod.py"), "w") as f:
    f.write("NAME = __name__\ndef double(x):\n    return 2 * x\n")
with open(os.path.join(base, "tmppkg", "__init__.py"), "w") as f:
    f.write("from .inner import VALUE\n")
with open(os.path.join(base, "tmppkg", "inner.py"), "w") as f:
    f.write("VALUE = 'inner value'\n")
sys.path.insert(0, base)
import tmpmod
from tmppkg import VALUE, inner
print(tmpmod.NAME, tmpmod.double(21), VALUE, inner.__name__)
print(tmpmod.__file__ == os.path.join(base, "tmpmod.py"), "tmppkg.inner" in sys.modules)
sys.path.remove(base)
del sys.modules["tmpmod"]
try:
    import tmpmod
except ImportError as e:
    print(type(e).__name__, e)
for path in ["tmpmod.py", "tmppkg/__init__.py", "tmppkg/inner.py", "tmppkg", ""]:
    full = os.path.join(base, path)
    os.rmdir(full) if os.path.isdir(full) else os.remove(full)
print(os.path.exists(base))
