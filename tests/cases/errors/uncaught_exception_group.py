# An uncaught exception group prints CPython's boxed traceback.
def fail(i):
    raise ValueError(i)

excs = []
for i in range(2):
    try:
        fail(i)
    except ValueError as e:
        excs.append(e)
print("collected", len(excs))
raise ExceptionGroup("outer", [ExceptionGroup("inner", excs), OSError("disk")])
