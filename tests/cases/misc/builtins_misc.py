# A tour of common builtins with deterministic output.
nums = [5, 3, 8, 1]
print(len(nums), min(nums), max(nums), sum(nums), sorted(nums))
print(list(reversed(nums)), list(enumerate("ab")), list(zip("ab", "cd")))
print(abs(-3), round(2.567, 2), round(7.5), divmod(17, 5))
print(int("12"), float("1.5"), str(3), bool(0), list("ab"), tuple([1]))
print(isinstance(3, int), issubclass(bool, int), callable(len))
print(hex(255), oct(8), bin(5), chr(97), ord("a"))
print(list(map(str.upper, ["a", "b"])), list(filter(None, [0, 1, 2])))
print(any([]), all([]), repr("q"), ascii("é"), type(None).__name__)
