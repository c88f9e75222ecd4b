# Sequence patterns with fixed length, star captures and wildcards.
def shape(seq):
    match seq:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [x, y]:
            return f"pair {x} {y}"
        case (first, *_, last) if first == last:
            return f"bookends {first}"
        case [first, *middle, last]:
            return f"first {first} middle {middle} last {last}"

for s in ([], [1], (1, 2), [3, 4, 3], [1, 2, 3, 4], "str is not a sequence"):
    print(shape(s))
