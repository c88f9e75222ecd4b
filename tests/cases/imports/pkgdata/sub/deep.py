from .. import VERSION
from . import sibling
NAME = "deep:" + VERSION + sibling.S
