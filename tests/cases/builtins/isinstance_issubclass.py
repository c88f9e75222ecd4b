print(isinstance(1, int), isinstance(True, int), isinstance(1, bool), isinstance(1.0, int))
print(isinstance('s', str), isinstance(b's', bytes), isinstance([], list), isinstance((), tuple))
print(isinstance({}, dict), isinstance(set(), set), isinstance(frozenset(), set), isinstance(None, type(None)))
print(isinstance(3, (str, float, int)), isinstance(3, (str, (list, int))), isinstance(3, ()))
print(isinstance(int, type), isinstance(len, object), isinstance(ValueError('x'), Exception))
print(isinstance(KeyError(), LookupError), isinstance(StopIteration(), Exception))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, object), issubclass(int, int))
print(issubclass(KeyError, (TypeError, LookupError)), issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(Exception, BaseException), issubclass(KeyboardInterrupt, Exception))
print(issubclass(ModuleNotFoundError, ImportError), issubclass(RecursionError, RuntimeError))
print(issubclass(FileNotFoundError, OSError), issubclass(UnicodeDecodeError, ValueError))
for bad in [lambda: isinstance(1, 2), lambda: issubclass(1, int), lambda: issubclass(int, 'x'),
            lambda: isinstance(1, (int, 3))]:
    try:
        print(bad())
    except TypeError as exc:
        print('TypeError:', exc)
