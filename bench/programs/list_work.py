# List building, indexing and slicing.
data = []
for i in range(2_000_000):
    data.append(i * 3 % 1000)
acc = 0
for i in range(0, len(data), 3):
    acc += data[i] - data[-1 - i // 2]
chunk = data[1000:2000]
print(acc, sum(chunk), len(data[::7]))
