class I:
    def __int__(self):
        return 123


class X:
    def __index__(self):
        return 255


class F:
    def __float__(self):
        return 2.5


class MyInt(int):
    pass


print("%d|%i|%u" % (I(), X(), MyInt(7)), "%x %o %X" % (X(), X(), MyInt(254)))
print("%05d|%-5d|" % (I(), X()), "%d" % 3.9)
for fmt, arg in [("%d", F()), ("%x", I()), ("%d", object()), ("%x", 2.5), ("%d", "s")]:
    try:
        print(fmt % arg)
    except TypeError as e:
        print(e)
