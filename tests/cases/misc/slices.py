# Every slice form: missing bounds, negative steps, slice objects, extended.
s = list(range(10))
print(s[2:5], s[:3], s[7:], s[:], s[::2], s[::-1], s[-3:-1], s[8:2:-2])
lo, hi, st = 1, 8, 3
print(s[lo:hi:st], s[lo:], s[:hi], s[::st])
print("abcdef"[1:-1], (1, 2, 3)[::-1])
sl = slice(1, None, 2)
print(s[sl], sl.indices(10))
class Probe:
    def __getitem__(self, key):
        return key
p = Probe()
print(p[1:2], p[::], p[1:2, 3], p[..., 0], p[:, None])
