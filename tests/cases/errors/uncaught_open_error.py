# open() of a missing file, uncaught: FileNotFoundError names the path.
import os
path = "/nonexistent-dir-for-pyrite/missing.txt"
print(os.path.exists(path))
with open(path) as f:
    print(f.read())
