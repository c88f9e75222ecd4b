# except* with exception groups.
def boom():
    raise ExceptionGroup("many", [ValueError(1), TypeError(2), ValueError(3)])

try:
    boom()
except* ValueError as eg:
    print("values", [str(e) for e in eg.exceptions])
except* TypeError as eg:
    print("types", [str(e) for e in eg.exceptions])

try:
    try:
        raise ExceptionGroup("g", [KeyError("k"), OSError("o")])
    except* KeyError:
        print("handled key")
except ExceptionGroup as rest:
    print("left over", [type(e).__name__ for e in rest.exceptions])
