import sys

print(sys.version.startswith('3.11'), sys.byteorder in ('little', 'big'), type(sys.platform).__name__)
print(sys.stdout is not sys.stderr, hasattr(sys.stdout, 'write'), type(sys.modules).__name__, 'sys' in sys.modules)
print(type(sys.path).__name__, sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig)
print(sys.executable != '', isinstance(sys.flags.optimize, int), sys.exc_info())
print(sys.int_info.bits_per_digit in (15, 30))
