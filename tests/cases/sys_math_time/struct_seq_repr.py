# Struct sequences print as CPython's named tuples of fields.
import sys
import os

print(sys.int_info)
print(repr(sys.float_info))
print(sys.int_info.bits_per_digit, sys.int_info[0])
print(str(sys.version_info).startswith("sys.version_info(major=3, minor=11, micro="))
print(sys.version_info[:2], sys.version_info.major)
print([sys.float_info])
u = os.uname()
print(repr((u,)).startswith("(posix.uname_result(sysname="))
