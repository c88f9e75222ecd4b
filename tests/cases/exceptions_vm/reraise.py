def risky(n):
    if n < 0:
        raise ValueError('negative: ' + str(n))
    return n

def wrapper(n):
    try:
        return risky(n)
    except ValueError:
        print('logging and re-raising')
        raise

try:
    wrapper(-3)
except ValueError as exc:
    print('outer got', exc, exc.__context__)
try:
    try:
        raise TypeError('first')
    except TypeError as exc:
        saved = exc
    raise saved
except TypeError as exc:
    print('raised saved', exc, exc is saved)
try:
    try:
        raise KeyError('a')
    except KeyError:
        try:
            raise IndexError('b')
        except IndexError:
            pass
        raise
except KeyError as exc:
    print('bare raise restores', repr(exc))
try:
    raise
except RuntimeError as exc:
    print('RuntimeError:', exc)
print(wrapper(4))
