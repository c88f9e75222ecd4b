# return and yield from inside except handlers.
def f(x):
    try:
        return 10 // x
    except ZeroDivisionError as e:
        return "div: " + str(e)
    finally:
        print("f done", x)

def g():
    try:
        raise IndexError
    except IndexError:
        yield "in handler"
        yield from ["a", "b"]

print(f(2), f(0))
print(list(g()))
