e = ValueError('msg', 42)
print(e.args, str(e), repr(e), len(e.args))
print(str(ValueError()), repr(ValueError()), str(ValueError('only')), repr(KeyError('k')), str(KeyError('k')))
print(str(KeyError()), str(KeyError(1, 2)), repr(StopIteration(5)), StopIteration(5).value, StopIteration().value)
print(repr(SystemExit(3)), SystemExit(3).code, SystemExit().code, repr(OSError(2, 'No such file')))
print(OSError(2, 'nf').errno, OSError(2, 'nf').strerror, str(OSError(2, 'nf')), type(OSError(2, 'x')).__name__)
print(isinstance(e, Exception), isinstance(e, BaseException), ValueError.__name__, KeyError.__base__.__name__)
err = TypeError('t')
err.args = ('replaced',)
print(err, err.__traceback__, err.__cause__, err.__context__, err.__suppress_context__)
err.__cause__ = ValueError('c')
print(repr(err.__cause__), err.__suppress_context__)
n = NameError('nm')
print(repr(n), str(n), repr(AttributeError('a')), repr(UnicodeError('u')), repr(ZeroDivisionError()))
print(BaseException('x') != BaseException('x'), ArithmeticError.__base__.__name__, str(Exception(None)))
try:
    err.__cause__ = 5
except TypeError as exc:
    print('TypeError:', exc)
