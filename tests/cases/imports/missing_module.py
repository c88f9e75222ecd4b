# Importing modules that do not exist, caught at run time.
try:
    import definitely_not_a_module_xyz
except ModuleNotFoundError as e:
    print("missing:", e.name)
try:
    from os import no_such_name
except ImportError as e:
    print("ImportError from os")
try:
    import os.no_such_submodule
except ModuleNotFoundError:
    print("no submodule")
