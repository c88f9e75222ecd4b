# Notes print under the message of an uncaught exception, one line each.
def check(n):
    if n > 1:
        err = ValueError(f"bad value {n}")
        err.add_note("while checking inputs")
        err.add_note("hint: values must be at most 1\nsee the docs")
        raise err
print("checking")
check(5)
