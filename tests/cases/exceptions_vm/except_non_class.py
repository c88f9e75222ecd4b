try:
    raise KeyError('sub')
except LookupError as exc:
    print('subclass caught by base', repr(exc))
try:
    try:
        raise ValueError('x')
    except 5:
        pass
except TypeError as exc:
    print('TypeError:', exc)
try:
    try:
        raise ValueError('y')
    except (ValueError, 'str'):
        print('matched first element')
except TypeError as exc:
    print('TypeError:', exc)
