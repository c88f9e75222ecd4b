# Relative imports run inside a package; from __main__ they fail.
import sys
import pkgdata.sub.sibling
for stmt in ["from . import x", "from .pkgdata import helper", "from .. import y"]:
    try:
        exec(stmt)
    except ImportError as e:
        print(type(e).__name__, e)
g = {"__name__": "pkgdata.sub.fake", "__package__": "pkgdata.sub"}
exec("from . import deep\nfrom .. import VERSION\nfrom ..helper import VALUE", g)
print(g["deep"].NAME, g["VERSION"], g["VALUE"])
g = {"__name__": "pkgdata.sub", "__path__": [], "__package__": None}
exec("from . import LOCAL as L", g)
print(g["L"])
g = {"__name__": "pkgdata.helper", "__package__": None}
exec("from . import V", g)
print(g["V"])
for bad in [{"__package__": 5}, {"__package__": ""}, {"__name__": "top"}, {}]:
    try:
        exec("from . import z", bad)
    except (ImportError, TypeError, KeyError) as e:
        print(type(e).__name__, e)
try:
    exec("from ... import x", {"__package__": "pkgdata.sub"})
except ImportError as e:
    print(type(e).__name__, e)
print(__import__("sub", {"__package__": "pkgdata"}, None, ["LOCAL"], 1).LOCAL)
print(__import__("sub.deep", {"__package__": "pkgdata"}, None, (), 1).__name__)
