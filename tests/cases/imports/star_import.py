# from module import * at module level.
from math import *
from string import *
print(floor(2.5), sqrt(9.0), pi > 3)
print(ascii_lowercase[:5], digits)
print("floor" in dir())
