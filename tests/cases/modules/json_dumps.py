# json.dumps: CPython's formatting of every type, options and errors.
import json
data = {"b": [1, 2.5, None, True, False], "a": {"x": "é\n\"\\\t", "y": []}, "z": {}}
print(json.dumps(data))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps([1, {"a": (2, 3)}], indent="\t"), json.dumps([[], {}], indent=0))
print(json.dumps({"k": 1, 2: 3, 1.5: 4, True: 5, None: 6, False: 7}))
print(json.dumps("\u2028\x7f\x00\U0001f600é/<>&'"), json.dumps("ü\U0001f600\x1f", ensure_ascii=False))
print(json.dumps([float("nan"), float("inf"), -float("inf"), 1e100, 1e-5, 0.1, -0.0, 10**20, 1.0]))
print(json.dumps({"a": 1, "b": [1, 2]}, separators=(",", ":")), json.dumps([1, 2], separators=("|", "=")))
print(json.dumps({(1, 2): 3, "a": 1}, skipkeys=True), json.dumps({1, 2}, default=sorted))
print(json.dumps((1, 2)), json.dumps("x"), json.dumps(None), json.dumps(3), json.dumps(True))
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
class Encoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"x": o.x, "y": o.y}
        return super().default(o)
print(json.dumps([Point(1, 2)], cls=Encoder), json.dumps(Point(3, 4), default=vars))
print(Encoder(indent=1).encode({"p": Point(0, 0)}))
loop = []
loop.append(loop)
for bad, kw in [({1, 2}, {}), ({(1, 2): 3}, {}), (object, {}), (loop, {}),
                (float("nan"), {"allow_nan": False}), ({1: 2, "a": 3}, {"sort_keys": True}),
                ([Point(1, 1)], {"cls": json.JSONEncoder})]:
    try:
        json.dumps(bad, **kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
