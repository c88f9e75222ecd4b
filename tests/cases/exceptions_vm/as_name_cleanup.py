exc = 'before'
try:
    raise ValueError('v')
except ValueError as exc:
    print('inside', repr(exc))
try:
    print(exc)
except NameError as err:
    print('NameError:', err)


def scoped():
    e = 1
    try:
        raise KeyError('k')
    except KeyError as e:
        pass
    try:
        return e
    except UnboundLocalError as err:
        return 'UnboundLocalError: ' + str(err)


print(scoped())
kept = None
try:
    1 / 0
except ZeroDivisionError as tmp:
    kept = tmp
print(repr(kept), 'tmp' in dir())
for i in range(2):
    try:
        raise IndexError(i)
    except IndexError as loop_exc:
        last = loop_exc
print(repr(last), 'loop_exc' in globals())
