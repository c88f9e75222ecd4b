# try/except with several handlers, tuples of types, and bare except.
def risky(kind):
    try:
        if kind == 1:
            return 1 / 0
        if kind == 2:
            return [][1]
        if kind == 3:
            return {}["k"]
        return int("x")
    except ZeroDivisionError:
        return "zero"
    except (IndexError, KeyError) as e:
        return "lookup " + type(e).__name__
    except:
        return "other"

print([risky(k) for k in range(1, 5)])
