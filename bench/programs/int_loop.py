# Integer arithmetic in a tight loop.
total = 0
i = 0
while i < 3_000_000:
    total += i * 7 % 13 - (i >> 3)
    i += 1
print(total)
