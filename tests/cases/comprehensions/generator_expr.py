# Generator expressions, lazily consumed.
gen = (x * 2 for x in range(5))
print(next(gen), next(gen), list(gen))
print(sum(x for x in range(101)))
print(max((len(w), w) for w in ["aa", "b", "cccc"]))
print(any(v > 3 for v in [1, 5]), all(v > 3 for v in [1, 5]))
nested = ((i, j) for i in range(2) for j in range(i, 3))
print(list(nested))
print(",".join(str(n) for n in range(4)))
