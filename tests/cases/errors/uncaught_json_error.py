# An uncaught exception of a library class prints as module.qualname.
import json
print(json.loads('{"ok": true}'))
class Outer:
    class Inner(Exception):
        pass
print(Outer.Inner.__qualname__, json.JSONDecodeError.__module__)
json.loads('{"broken": }')
