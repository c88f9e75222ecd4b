class P:
    def __bytes__(self):
        return b'packed'

    def __iter__(self):
        return iter([1, 2])


class Bad:
    def __bytes__(self):
        return 'text'


print(bytes(P()), bytearray(P()))
try:
    bytes(Bad())
except TypeError as e:
    print(e)


class MyBytes(bytes):
    pass


print(MyBytes(P()), type(MyBytes(P())).__name__)
