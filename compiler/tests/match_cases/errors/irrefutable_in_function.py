def f(x):
    match x:
        case [1]:
            pass
        case y:
            pass
        case z:
            pass
