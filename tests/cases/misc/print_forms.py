# print with sep, end, file and flush arguments.
import sys
print("a", "b", "c", sep="-")
print("no newline", end="|")
print("after")
print(file=sys.stdout)
print("to stdout", file=sys.stdout, flush=True)
print(*range(5), sep=", ")
print()
print("x" * 10, end="\n\n")
print(1, 2.0, None, [3], {"k": 4}, (5,))
