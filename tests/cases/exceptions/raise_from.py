# raise ... from ..., exception chaining and __cause__/__context__.
class AppError(Exception):
    pass

def load():
    try:
        {}["missing"]
    except KeyError as e:
        raise AppError("load failed") from e

try:
    load()
except AppError as err:
    print(err, type(err.__cause__).__name__, err.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
except ValueError as err:
    print(type(err.__context__).__name__)
try:
    raise RuntimeError("no chain") from None
except RuntimeError as err:
    print(err.__cause__, err.__suppress_context__)
