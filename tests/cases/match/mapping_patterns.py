# Mapping patterns with literal keys, value patterns and **rest.
def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k), **rest}:
            return f"key {k} extra {sorted(rest)}"
        case {"type": t, **rest} if not rest:
            return f"bare {t}"
        case {}:
            return "unknown mapping"
        case _:
            return "not a mapping"

print(handle({"type": "click", "pos": (1, 2)}))
print(handle({"type": "key", "key": "q", "mod": 1, "shift": 0}))
print(handle({"type": "idle"}))
print(handle({"other": 1}), handle([1]))
