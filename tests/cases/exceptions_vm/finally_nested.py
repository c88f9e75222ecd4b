def nested():
    try:
        try:
            raise KeyError('inner')
        finally:
            print('inner finally')
    except KeyError as exc:
        print('outer caught', repr(exc))
    finally:
        print('outer finally')

nested()
try:
    try:
        raise TypeError('escapes')
    except ValueError:
        print('wrong handler')
    finally:
        print('finally before propagation')
except TypeError as exc:
    print('propagated', exc)
