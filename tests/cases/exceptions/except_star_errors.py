# except* error paths and naked exceptions that go unmatched.
def run(body):
    try:
        body()
    except BaseException as e:
        print(type(e).__name__, e)

def eg_type():
    try:
        raise TypeError("x")
    except* ExceptionGroup:
        pass
run(eg_type)

def eg_in_tuple():
    try:
        raise TypeError("x")
    except* (ValueError, BaseExceptionGroup):
        pass
run(eg_in_tuple)

def not_a_class():
    try:
        raise TypeError("x")
    except* 3:
        pass
run(not_a_class)

def unmatched_naked():
    try:
        raise KeyError("k")
    except* ValueError:
        print("not here")
run(unmatched_naked)
def reraise_naked():
    try:
        raise ValueError(1)
    except* ValueError:
        raise
run(reraise_naked)
