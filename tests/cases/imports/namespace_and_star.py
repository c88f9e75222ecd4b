# A directory without __init__.py is a namespace package; `from p import *`
# follows __all__, importing the submodules it names.
import sys
import nsdata.mod
print(nsdata.mod.WHERE, nsdata.__file__, len(list(nsdata.__path__)))
print(repr(nsdata).startswith("<module 'nsdata'"), nsdata.__package__)
from nsdata import mod as m
print(m is nsdata.mod, m.__package__, m.__name__)
from pkgdata.sub import *
print(deep.NAME, LOCAL, "sibling" in dir())
import pkgdata
print(sorted(n for n in vars(pkgdata.sub) if not n.startswith("_")))
