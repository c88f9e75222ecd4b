# import, import as, from-import, from-import as, dotted imports.
import math
import os.path
import collections.abc as cabc
from functools import reduce
from itertools import chain as ch, islice
from json import (dumps,
                  loads)
print(math.pi > 3, os.path.join("a", "b"))
print(issubclass(list, cabc.Sequence))
print(reduce(lambda a, b: a * b, [1, 2, 3, 4]))
print(list(islice(ch([1], [2, 3]), 2)))
print(loads(dumps([1, "x"])))
