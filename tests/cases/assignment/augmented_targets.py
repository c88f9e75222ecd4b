# Augmented assignment to attributes, subscripts and slices.
class Box:
    def __init__(self):
        self.count = 0
        self.items = [1, 2, 3]

b = Box()
b.count += 1
b.count *= 10
b.items[0] += 100
b.items[-1] -= 1
d = {"k": 1}
d["k"] <<= 3
d.setdefault("z", []).append(1)
m = [[0, 0], [0, 0]]
m[1][0] += 5
nums = [1, 2, 3, 4]
nums[1:3] += [9]
print(b.count, b.items, d, m, nums)
