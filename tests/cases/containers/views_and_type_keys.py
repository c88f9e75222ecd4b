# Types compare and hash as themselves; dict views support `in`.
print(type(set()) == set, type({}) == dict, type(1) != int, type(True) == int)
print({int: "i", str: "s"}[type(5)], type("x") in (int, str), type([]) in {list})
d = {1: 2, "a": [3]}
k, v, i = d.keys(), d.values(), d.items()
print(1 in k, 2 in k, "a" not in k, 2 in v, [3] in v, 1 in v)
print((1, 2) in i, (1, 3) in i, ("a", [3]) in i, 1 in i, (1, 2, 3) in i)
for view in (k, i, v):
    try:
        print(type(hash(view)))
    except TypeError as e:
        print("TypeError", e)
try:
    [] in k
except TypeError as e:
    print("TypeError", e)
