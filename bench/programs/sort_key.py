# Sorting with a key function.
words = []
seed = 12345
for i in range(350_000):
    seed = (seed * 1103515245 + 12345) % 2147483648
    words.append((seed % 1000, seed))

def key(pair):
    return pair[0] * 3 - pair[1] % 17

words.sort(key=key)
print(words[0], words[-1], sorted(range(20), key=lambda x: -x)[:3])
