ba = bytearray(b'abc')
ba.append(100)
ba.extend(b'ef')
ba.extend([103, 104])
print(ba, len(ba), ba[0], ba[-1], ba[1:3])
ba[0] = 65
ba[1:3] = b'XYZ'
print(ba)
del ba[0]
del ba[::2]
print(ba)
ba.insert(0, 33)
print(ba.pop(), ba.pop(0), ba)
ba.remove(ord('d'))
ba.reverse()
print(ba, ba.copy(), ba.copy() is ba, ba == bytes(ba), ba.count(101))
ba += b'!!'
ba *= 2
print(ba, bytes(ba), bytearray(3), bytearray([1, 2]), bytearray('hé', 'utf-8'), bytearray(b'x').decode())
ba.clear()
print(ba, bytearray(b'hi').upper(), bytearray(b'a,b').split(b','), bytearray.fromhex('4142'))
for bad in [lambda: bytearray().pop(), lambda: bytearray(b'a').remove(98), lambda: bytearray(b'a').__setitem__(0, 300),
            lambda: bytearray(b'a')[5]]:
    try:
        bad()
    except (IndexError, ValueError) as exc:
        print(type(exc).__name__ + ':', exc)
for bad in [lambda: bytearray(b'a').append('b'), lambda: bytearray(b'a').extend(5), lambda: hash(bytearray())]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)
