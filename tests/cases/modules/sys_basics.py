import sys

print(sys.maxsize)
print(sys.byteorder)
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
n = sys.stdout.write("written\n")
print(n)
print(sys.get_int_max_str_digits())
print(len(sys.argv))
print(sys.version.startswith("3.11"))
for bad in (0, -5, "x"):
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    sys.stdout.write(5)
except TypeError as e:
    print(e)
try:
    sys.exit(3)
except SystemExit as e:
    print("exit code", e.code)
sys.stdout.flush()
