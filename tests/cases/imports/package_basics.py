# A package directory next to the script: dotted imports, `as`, submodules.
import sys
import pkgdata.sub.deep
print(pkgdata.sub.deep.NAME, pkgdata.V, pkgdata.helper.VALUE)
import pkgdata.sub as s
print(s.__name__, s is sys.modules["pkgdata.sub"], s.deep is pkgdata.sub.deep)
from pkgdata.sub import deep, sibling, LOCAL
from pkgdata import helper as hh, VERSION
print(deep.NAME, sibling.S, hh.VALUE, VERSION, LOCAL)
print(sorted(k for k in sys.modules if k.startswith("pkgdata")))
print(pkgdata.__package__, pkgdata.helper.__package__, deep.__package__)
print(pkgdata.__file__.endswith("pkgdata/__init__.py"), deep.__file__.endswith("deep.py"))
print(type(pkgdata.__path__).__name__, pkgdata.__path__[0].endswith("pkgdata"))
print(hasattr(hh, "__path__"), hasattr(pkgdata, "__path__"))
print(repr(pkgdata).startswith("<module 'pkgdata' from "), pkgdata.helper.deep_name())
import pkgdata.sub.deep as d2
print(d2 is deep, "deep" in dir(pkgdata.sub))
