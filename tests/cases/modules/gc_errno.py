import errno
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), gc.collect(), gc.collect(0))
try:
    gc.collect(3)
except ValueError as e:
    print(e)
print(errno.ENOENT, errno.EIO, errno.EAGAIN == errno.EWOULDBLOCK)
print(errno.errorcode[errno.ENOENT], errno.errorcode[11], len(errno.errorcode) > 100)
print(str(OSError(errno.EIO, 'details')))
try:
    open('no_such_dir_pyrite/no_such_file.txt')
except OSError as e:
    print(e.errno == errno.ENOENT, type(e).__name__)
