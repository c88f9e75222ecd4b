# as-patterns and or-patterns, including nested combinations.
def classify(cmd):
    match cmd:
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return "going " + direction
        case ["pick", "up", item] | ["take", item]:
            return "taking " + item
        case [("quit" | "exit") as word, *_]:
            return "bye via " + word
        case [int() | float() as num, *rest] as whole:
            return f"number {num} in {whole}, rest {rest}"
        case _:
            return "?"

for c in (["go", "north"], ["pick", "up", "key"], ["take", "lamp"], ["exit", 1], [3.5, "x"], ["dance"]):
    print(classify(c))
