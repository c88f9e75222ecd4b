"""pyrite's gc: the switches of CPython's collector interface.

pyrite frees objects by reference counting alone and has no cycle
collector, so there is nothing for collect() to find: it returns 0
unreachable objects, as CPython's does when no cycles are garbage.
enable()/disable() only set the flag isenabled() reports.
"""

_enabled = True
garbage = []
callbacks = []


def enable():
    global _enabled
    _enabled = True


def disable():
    global _enabled
    _enabled = False


def isenabled():
    return _enabled


def collect(generation=2):
    if generation not in (0, 1, 2):
        raise ValueError('invalid generation')
    return 0
