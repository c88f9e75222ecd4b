# String building and formatting.
parts = []
for i in range(300_000):
    parts.append(f"{i:05d}:{i * 3 % 7}")
text = ",".join(parts)
print(len(text), text[:40])
s = ""
for i in range(100_000):
    s += str(i % 10)
print(len(s), s[-10:])
