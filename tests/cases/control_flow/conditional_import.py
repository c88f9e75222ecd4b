# Conditional definitions chosen at run time.
import sys
if sys.version_info >= (3, 11):
    def version():
        return "3.11+"
else:
    def version():
        return "old"
try:
    import json as serializer
except ImportError:
    serializer = None
print(version(), serializer is not None)
print(serializer.dumps({"a": [1, 2]}))
