# Sizes the program asks for that no allocator can give (2**62 bytes and
# more): CPython's MemoryError, or its OverflowError/ValueError where it
# refuses the number first; never an abort.
huge = 2 ** 62
attempts = [
    ("bytes(n)", lambda: bytes(huge)),
    ("bytearray(n)", lambda: bytearray(huge)),
    ("str.center", lambda: "x".center(huge)),
    ("str.zfill", lambda: "5".zfill(huge)),
    ("bytes.ljust", lambda: b"x".ljust(huge)),
    ("bytes.zfill", lambda: b"5".zfill(huge)),
    ("format width", lambda: format("x", ">%d" % huge)),
    ("f-string width", lambda: f"{1:{huge}}"),
    ("percent width", lambda: "%*d" % (huge, 1)),
    ("percent precision", lambda: "%.*f" % (huge, 1.0)),
    ("format precision", lambda: format(1.0, ".%df" % huge)),
    ("list(range)", lambda: list(range(huge))),
    ("tuple(range)", lambda: tuple(range(huge))),
    ("str repeat", lambda: "ab" * huge),
    ("list repeat", lambda: [0] * huge),
    ("expandtabs", lambda: "a\tb".expandtabs(huge)),
    ("to_bytes", lambda: (5).to_bytes(huge, "big")),
]
for name, attempt in attempts:
    try:
        attempt()
        print(name, "no error")
    except (MemoryError, OverflowError, ValueError) as e:
        print(name, type(e).__name__, e)
