# ImportError and ModuleNotFoundError: messages, .name and .path.
import sys
def show(stmt):
    try:
        exec(stmt)
    except ImportError as e:
        msg = str(e).replace(sys.path[0], "DIR")
        print(type(e).__name__ + ":", msg, "| name:", e.name)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
show("import pkgdata.nope")
show("from pkgdata import nope")
show("import pkgdata.helper.x")
show("from pkgdata.helper import nope")
show("import no_such_top.sub")
show("import sys.path")
show("from sys import nope")
show("import pkgdata.broken")
show("__import__('')")
show("__import__('x', level=-1)")
show("__import__(5)")
show("__import__('pkgdata', fromlist=[1])")
print("pkgdata.broken" in sys.modules, "pkgdata" in sys.modules)
sys.modules["blocked"] = None
show("import blocked")
sys.modules["pkgdata.sub"] = None
show("import pkgdata.sub")
show("from pkgdata import sub")
try:
    import pkgdata.nothing
except ModuleNotFoundError as e:
    print(e.name, e.path, e.msg, isinstance(e, ImportError))
