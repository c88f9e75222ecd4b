match x:
    case {"a\\n\x27": a, "a\\n\x27": b}:
        pass
