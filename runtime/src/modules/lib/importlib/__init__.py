"""pyrite's importlib: import_module over the import statement's
machinery (the runtime's __import__)."""

import sys

__all__ = ['import_module', 'invalidate_caches']


def import_module(name, package=None):
    """Import a module by name; '.name' is relative to `package`."""
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a "
                            "relative import for {!r}".format(name))
        while level < len(name) and name[level] == '.':
            level += 1
    # A non-empty fromlist makes __import__ return the module itself.
    __import__(name[level:], {'__package__': package, '__name__': package or ''},
               None, ['__name__'], level)
    if level:
        base = package.rsplit('.', level - 1)[0]
        name = base + '.' + name[level:] if name[level:] else base
    return sys.modules[name]


def invalidate_caches():
    """Nothing to do: pyrite keeps no finder caches."""
