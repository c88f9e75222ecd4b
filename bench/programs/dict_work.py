# Dict insertion, lookup and update.
counts = {}
for i in range(2_800_000):
    key = i % 1000
    counts[key] = counts.get(key, 0) + 1
total = 0
for k in counts:
    total += counts[k] * k
print(len(counts), total)
