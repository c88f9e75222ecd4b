# Method calls (LOAD_METHOD) vs attribute calls on various objects.
s = "  Mixed Case  "
print(s.strip().lower().replace("case", "CASE"))
items = [3, 1, 2]
items.sort()
items.append(4)
print(items, items.index(2), items.count(9))
d = {"a": 1}
print(d.get("a"), d.get("b", 0), list(d.keys()))
import math
print(math.sqrt(16), math.floor(2.7))
print("{}-{}".format(1, 2), ",".join(map(str, items)))
