# Displays long enough to use the BUILD_LIST + LIST_EXTEND path.
nums = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
        20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36]
words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"]
mixed = [1, "two", 3.0, None, True]
x = 5
with_var = [x, x + 1, 1, 2, 3, 4]
big_set = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18}
big_dict = {1: "a", 2: "b", 3: "c", 4: "d", 5: "e", 6: "f", 7: "g", 8: "h",
            9: "i", 10: "j", 11: "k", 12: "l", 13: "m", 14: "n", 15: "o", 16: "p", 17: "q"}
print(sum(nums), len(nums))
print(words[::2], mixed)
print(with_var, len(big_set), big_dict[17])
