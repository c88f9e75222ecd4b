# except* combined with else and finally, and re-raising inside it.
def run(exc):
    try:
        if exc:
            raise exc
    except* ZeroDivisionError:
        print("zero")
    except* (KeyError, IndexError) as g:
        print("lookup", len(g.exceptions))
    else:
        print("no error")
    finally:
        print("finally")

run(None)
run(ExceptionGroup("a", [ZeroDivisionError()]))
run(ExceptionGroup("b", [KeyError(), IndexError(), ZeroDivisionError()]))
run(KeyError("naked"))
