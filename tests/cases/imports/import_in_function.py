# Imports inside functions bind local names.
def use_json():
    import json
    from json import dumps as d
    return json.loads(d({"k": [1, 2]}))

def lazy_math(x):
    import math as m
    return m.factorial(x)

print(use_json(), lazy_math(6))
print("json" in globals())
