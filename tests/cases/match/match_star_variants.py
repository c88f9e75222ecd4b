# Star patterns in every position, and star wildcard.
def split(seq):
    match seq:
        case [*init, 0]:
            return ("ends in zero", init)
        case [1, *_]:
            return ("starts with one",)
        case [*all_items] if len(all_items) > 3:
            return ("long", all_items)
        case [a, *mid, b, c]:
            return ("tail two", a, mid, b, c)
        case _:
            return ("nothing",)

for s in ([5, 6, 0], [1, 2], [2, 3, 4, 5], [2, 3, 4], [2]):
    print(split(s))
