import helper_mod
import helper_mod as again
from helper_mod import greet, GREETING as G
import sys

print(helper_mod.greet("world"))
print(greet("you"), G)
print(helper_mod is again)
print(helper_mod.__name__)
print(helper_mod.add(2, 3))
print("helper_mod" in sys.modules)
try:
    from helper_mod import missing_name
except ImportError as e:
    print(type(e).__name__, e.args[0].startswith("cannot import name 'missing_name' from 'helper_mod' ("))
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
