def else_fails():
    try:
        pass
    except Exception:
        print('unreachable')
    else:
        raise IndexError('from else')

try:
    else_fails()
except IndexError as exc:
    print(repr(exc), exc.__context__)
try:
    try:
        raise ValueError(1)
    except ValueError as first:
        try:
            raise TypeError(2)
        except TypeError as second:
            raise KeyError(3)
except KeyError as exc:
    print(repr(exc), repr(exc.__context__), repr(exc.__context__.__context__))
