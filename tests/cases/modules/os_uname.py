# os.uname(): a posix.uname_result struct sequence (values vary by machine,
# so only their shape is printed).
import os

u = os.uname()
print(len(u), all(isinstance(v, str) for v in u))
print(u.sysname == u[0], u.nodename == u[1], u.release == u[2],
      u.version == u[3], u.machine == u[4])
print(repr(u).startswith("posix.uname_result(sysname="), str(u) == repr(u))
print(str(u).find("machine=") > 0)
print(list(u) == [u.sysname, u.nodename, u.release, u.version, u.machine])
print(("%s " * len(u)) % u == "".join(v + " " for v in u))
sysname, *rest = u
print(sysname == u.sysname, len(rest), u[-1] == u.machine, u[1:3] == (u.nodename, u.release))
print(u == tuple(u), isinstance(u, tuple), u.sysname == os.uname().sysname)
try:
    os.uname(1)
except TypeError as e:
    print(e)
