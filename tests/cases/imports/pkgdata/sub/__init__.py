from .. import helper as h
from ..helper import VALUE
print("sub init:", __name__, __package__, VALUE, h.__name__)
__all__ = ["deep", "LOCAL"]
LOCAL = "local"
