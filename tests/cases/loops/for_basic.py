# for loops over ranges, lists, strings, dicts and enumerate/zip.
total = 0
for i in range(5):
    total += i
print(total)
for ch in "abc":
    print(ch, end=" ")
print()
for k, v in {"a": 1, "b": 2}.items():
    print(k, v)
for idx, (x, y) in enumerate(zip([1, 2], [3, 4])):
    print(idx, x * y)
for _ in []:
    print("never")
