# Deliberately exits with status 3 via SystemExit, after output.
import sys

def finish(code):
    print("finishing with", code)
    raise SystemExit(code)

try:
    finish(3)
finally:
    print("cleanup ran")
