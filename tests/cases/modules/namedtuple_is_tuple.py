# Named tuples are real tuple subclasses: isinstance, MRO, dict keys, json, %.
from collections import namedtuple
P = namedtuple("P", "x y")
p = P(1, 2)
print(isinstance(p, tuple), type(p).__mro__[1:3], p, repr(p), str(p))
print(sorted([P(2, 1), P(1, 2)]), {p: 1}[(1, 2)], p == (1, 2), max(p))
print(P.__new__.__qualname__, P._fields, P(*range(2)))
import json
print(json.dumps(p), "%s and %s" % p, f"{p}")
