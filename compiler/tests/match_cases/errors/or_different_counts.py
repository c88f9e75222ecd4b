match x:
    case (a, b) | (a, c, d):
        pass
