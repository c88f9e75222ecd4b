# bytes and bytearray: rsplit, splitlines, partition, center/ljust/rjust, isX.
for e in ['b"a".center()','b"a".center(1,2,3)','b"a".center(5,"x")','b"a".center(5,b"xy")','b"a".center("5")','b"a".partition()','bytearray(b"a").partition()','b"a".partition("a")','b"a".partition(b"")','b"a".rsplit(1,2,3)','b"a".rsplit(b"")','b"a".splitlines(1,2)','b"a".splitlines(x=1)','b"a".isalpha(1)','b"a".partition(x=1)','b"a".center(width=3)','b"a".ljust(3, fillchar=b"x")','b"a".center(5, bytearray(b"x"))', 'b"a".partition(bytearray(b"a"))','b"ab".center(5,b"*")','b"ab".center(6,b"*")','b"abc".center(6,b"*")',
 'b"a b    ".split(None, 1)', 'b"  a b  c  ".rsplit(None, 1)', 'b"  a b  c  ".rsplit()', 'b"a,b,,c".rsplit(b",", 2)', 'bytearray(b"a,b").rsplit(b",")',
 'b"x\\ny\\r\\nz\\rw\\n".splitlines()', 'b"x\\ny\\r\\nz\\rw\\n".splitlines(True)', 'b"".splitlines()', 'bytearray(b"a\\nb").splitlines(keepends=True)',
 'b"asdf".partition(b"s")', 'b"asdf".rpartition(b"q")', 'b"asdf".partition(b"q")', 'bytearray(b"asdf").rpartition(b"d")', 'b"ab".ljust(5)', 'bytearray(b"ab").rjust(5, b"0")', 'b"abc".center(2)',
 'b"aB".isalpha()', 'b"".isalpha()', 'b"12".isdigit()', 'b" \\t".isspace()', 'b"AB1".isupper()', 'b"ab1".islower()', 'b"1".islower()', 'b"a1".isalnum()']:
  try: print(e, '=', eval(e))
  except Exception as x: print(e, '->', type(x).__name__, x)
s = b"abc"
print(s.strip() is s, s.center(2) is s, bytearray(s).strip() is s)
