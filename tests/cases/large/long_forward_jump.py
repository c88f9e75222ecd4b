# An if/else whose body is long enough that the forward jump needs EXTENDED_ARG.
def big_branch(flag):
    if flag:
        r = [flag, flag + 1, flag + 2, flag + 3, flag + 4, flag + 5, flag + 6, flag + 7]
        r = [v * 2 for v in r] + [v * 3 for v in r] + [v * 5 for v in r]
        r = [v + 1 for v in r] + [v - 1 for v in r] + [v % 7 for v in r]
        s = sum(r); s = s * 2 - 1; s = s // 3 + 4; s = s % 1000 + s // 7
        s = s + flag * 3; s = s - flag * 2; s = s * flag + 11; s = s % 9973
        t = (s, s + 1, s + 2, s + 3, s + 4, s + 5, s + 6, s + 7, s + 8, s + 9)
        u = {k: v for k, v in zip("abcdefghij", t)}
        u["a"] += u["b"] * u["c"] - u["d"] // (u["e"] or 1)
        u["f"] -= u["g"] + u["h"] * 2 + u["i"] * 3 + u["j"] * 4
        w = sorted(u.values()); w = w[::-1]; w = [x - w[-1] for x in w]
        print(len(r), s, w[:3])
    else:
        print("short path")
    return flag

big_branch(3)
big_branch(0)
