# for loops assigning to attributes, subscripts and starred targets.
class Holder:
    value = None
h = Holder()
for h.value in range(3):
    pass
print(h.value)
slots = [0, 0]
for slots[1] in "xy":
    pass
print(slots)
d = {}
for d["last"] in (1, 2, 3):
    pass
print(d)
for a, *b, c in ["abcd", "wxyz"]:
    print(a, b, c)
