def f(): pass
for name in ['__globals__', '__closure__', '__builtins__', '__code__', '__defaults__', '__dict__', '__name__', '__doc__', '__module__', '__kwdefaults__', '__annotations__']:
    try:
        setattr(f, name, None)
        print(name, 'set')
    except (AttributeError, TypeError) as e:
        print(name, type(e).__name__, e)
    try:
        delattr(f, name)
        print(name, 'deleted')
    except (AttributeError, TypeError) as e:
        print(name, type(e).__name__, e)
print(f.__globals__ is globals(), type(f.__globals__).__name__)
