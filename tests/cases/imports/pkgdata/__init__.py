# A package for the imports/ cases (a directory, so not a case itself).
print("pkgdata init:", __name__, __package__)
from . import helper
from .helper import VALUE as V
VERSION = "1.0"
