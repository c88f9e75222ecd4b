import sys

print(type(sys.argv).__name__, len(sys.argv) >= 1, 'sys_basics' in sys.argv[0])
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, -sys.maxsize - 1, type(sys.maxsize).__name__)
print(sys.version_info[0], sys.version_info[:2], sys.version_info.major, sys.version_info.minor)
print(sys.version_info >= (3, 8), sys.version_info < (4,), len(sys.version_info) == 5, type(sys.version).__name__)
print(type(sys.getrecursionlimit()).__name__, sys.argv[1:], sys.version_info.micro >= 0)
