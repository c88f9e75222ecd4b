def handler_fails():
    try:
        raise ValueError('original')
    except ValueError:
        return {}['missing']

try:
    handler_fails()
except KeyError as exc:
    print(repr(exc), repr(exc.__context__), exc.__cause__)

def finally_fails():
    try:
        raise ValueError('first')
    finally:
        raise TypeError('from finally')

try:
    finally_fails()
except TypeError as exc:
    print(repr(exc), repr(exc.__context__))
