# The unhandled rest of an except* plus what its handler raised, uncaught.
def work():
    raise ExceptionGroup("jobs", [ValueError(1), TypeError(2), KeyError(3)])

try:
    work()
except* ValueError:
    print("handled values")
except* TypeError:
    raise RuntimeError("while handling types")
