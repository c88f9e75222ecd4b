print("helper init:", __name__, __package__)
VALUE = 42


def deep_name():
    from .sub import deep
    return deep.NAME
