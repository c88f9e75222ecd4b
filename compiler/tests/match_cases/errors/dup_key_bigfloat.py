match x:
    case {1e16: a, 1e16: b}:
        pass
