items = [1, 2, 3]
print('partial', end=' ')
print('line', end='')
for i in range(len(items) + 1):
    total = items[i] * 2
print('never', total)
