match x:
    case {1+0j: a, 1: b}:
        pass
