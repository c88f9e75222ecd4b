# List, tuple, set and dict displays, including empty and nested ones.
empty_list = []
empty_tuple = ()
empty_dict = {}
single = (1,)
nums = [1, 2, 3]
pair = (4, "five")
s = {3, 1, 2}
d = {"a": 1, "b": [2, 3], "c": {"d": 4}}
nested = [[1, 2], (3, 4), {5: 6}]
print(empty_list, empty_tuple, empty_dict, single)
print(nums, pair, sorted(s))
print(d)
print(nested)
print(len(d), d["c"]["d"], nested[1][0])
