# Dict displays with unpacking and constant keys (BUILD_CONST_KEY_MAP).
base = {"x": 1, "y": 2}
extra = {"z": 3}
merged = {**base, **extra, "w": 4}
keyed = {"a": 1, "b": 2, "c": 3}
k = "dyn"
dynamic = {k: 1, "fixed": 2}
mixed = {1: "one", **{2: "two"}, 3: "three"}
print(merged)
print(keyed, dynamic)
print(mixed)
print(dict(a=1, b=2) == {"a": 1, "b": 2})
