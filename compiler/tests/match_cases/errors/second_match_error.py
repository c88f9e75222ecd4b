match x:
    case 1:
        pass
match y:
    case {"a": 1, "a": 2}:
        pass
