# A module imported by modules/import_local; also a valid case on its own.
GREETING = "hello"


def greet(name):
    return GREETING + ", " + name


def add(a, b):
    return a + b


if __name__ == "__main__":
    print(greet("main"))
else:
    print("helper_mod imported as", __name__)
