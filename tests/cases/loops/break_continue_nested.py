# break/continue in nested loops.
pairs = []
for i in range(4):
    if i == 3:
        break
    for j in range(4):
        if j == i:
            continue
        if j > 2:
            break
        pairs.append((i, j))
print(pairs)
found = None
for row in [[1, 2], [3, 4], [5, 6]]:
    for v in row:
        if v == 4:
            found = v
            break
    if found:
        break
print(found)
