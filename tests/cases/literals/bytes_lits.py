# Bytes literals and simple operations on them.
b1 = b"hello"
b2 = b'\x00\xff\n'
b3 = rb"raw\x00"
b4 = b"con" b"cat"
print(b1, len(b1))
print(b2, list(b2))
print(b3, len(b3))
print(b4, b4.upper())
print(b1[1], b1[1:3], b1 + b4)
print(bytes(3), bytearray(b"xy"))
