# sys.stdin, sys.stdout and sys.stderr are file objects.
import sys
for s in (sys.stdin, sys.stdout, sys.stderr):
    print(s, type(s), s.name, s.mode, s.encoding, s.fileno(), s.readable(), s.writable())
print(type(sys.stdin.buffer).__name__, hasattr(sys.stdout.buffer, "write"))
print(sys.stdout.write("abc\n"), sys.stdout.write("é\n"))
sys.stdout.flush()
print(sys.stdout.buffer.write(b"raw\n"))
print("to stderr", file=sys.stderr)
print(sys.stderr.write("err\n"), sys.stderr.flush())
print(sys.__stdout__ is sys.stdout, sys.__stderr__ is sys.stderr, sys.__stdin__ is sys.stdin)
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError:", e)
try:
    sys.stdout.buffer.write("s")
except TypeError as e:
    print("TypeError:", e)
print(sys.stdout.isatty(), "TextIOWrapper" in str(type(sys.stderr)))
