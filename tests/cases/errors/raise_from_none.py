def lookup(name):
    try:
        undefined_table
    except NameError:
        raise LookupError("no entry for " + name) from None


try:
    lookup("a")
except LookupError as e:
    print("caught:", e.args[0], e.__suppress_context__, e.__cause__)
lookup("b")
