"""Module docstring: becomes __doc__."""

def documented(x):
    """Return x doubled."""
    return x * 2

def not_a_docstring():
    x = 1
    "this string is just an expression"
    return x

class Klass:
    """Class docstring."""
    def method(self):
        """Method docstring."""

print(__doc__)
print(documented.__doc__, not_a_docstring.__doc__)
print(Klass.__doc__, Klass.method.__doc__)
