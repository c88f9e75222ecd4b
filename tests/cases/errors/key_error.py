# Deliberately raises: a KeyError from a dict lookup in a comprehension.
prices = {"apple": 3, "pear": 4}
order = ["apple", "pear", "kiwi"]
print(sum(prices[o] for o in order[:2]))
print([prices[o] for o in order])
