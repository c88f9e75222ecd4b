# Bare raise re-raises the active exception; exception variables are cleared.
def inner():
    try:
        raise TypeError("original")
    except TypeError:
        print("handling")
        raise

try:
    inner()
except TypeError as e:
    print("caught again:", e)
e = "kept?"
try:
    raise OSError("x")
except OSError as e:
    pass
print("e" in dir())
