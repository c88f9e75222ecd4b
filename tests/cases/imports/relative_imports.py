# Relative imports compile fine but fail at run time in a script.
try:
    from . import sibling
except ImportError as e:
    print("ImportError:", type(e).__name__)
try:
    from .pkg.mod import thing as alias
except ImportError:
    print("second relative import failed")
try:
    from .. import parent
except ImportError:
    print("third relative import failed")
print("done")
