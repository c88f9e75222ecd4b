match x:
    case {b"a\\n": a, b"a\\n": b}:
        pass
