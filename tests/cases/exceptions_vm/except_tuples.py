def classify(fn):
    try:
        fn()
    except (KeyError, IndexError) as exc:
        return 'lookup:' + type(exc).__name__
    except (ZeroDivisionError, OverflowError):
        return 'arith'
    except TypeError:
        return 'type'
    except Exception as exc:
        return 'other:' + type(exc).__name__
    return 'none'

print(classify(lambda: {}['x']), classify(lambda: [][1]), classify(lambda: 1 / 0), classify(lambda: 2.0 ** 5000))
print(classify(lambda: 'a' + 1), classify(lambda: int('x')), classify(lambda: None), classify(lambda: undefined))
errors = (ValueError, TypeError)
try:
    int('zz')
except errors as exc:
    print('dynamic tuple', type(exc).__name__)
try:
    raise LookupError('base')
except KeyError:
    print('not this')
except LookupError as exc:
    print('base class handler', exc)
