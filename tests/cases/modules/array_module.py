from array import array
import array as array_mod

a = array('h', [1, -2, 300])
print(a, len(a), a.typecode, a.itemsize, a[1], a[-1], a[1:])
a.append(7); a.extend([8, 9]); a += array('h', [10])
print(a, a.tolist(), a.index(300), a.count(8), 300 in a)
print(array('b', b'\x01\xff'), array('H', array('b', [1, 2])), array('u', 'hi'))
print(bytes(array('h', [0x101, 0x202])), bytearray(array('I', [1])))
print(b'12' + array('b', [51]), array('b', [1, 2]) in b'\x00\x01\x02')
print(array('d', [1.5, -0.25]), array('f', [0.1]), array('d', b'\0' * 7 + b'\x40'))
print(array('b', [1, 2]) == array('B', [1, 2]), array('b', [97]) == b'a',
      array('b', [97]) != b'a', array('i', [1]) < array('i', [2]))
print(array('i', range(3)) * 2, array_mod.typecodes, array_mod.ArrayType is array)
for code, value in [('b', 200), ('b', -40000), ('B', -1), ('H', 1 << 40),
                    ('I', -1), ('q', 1 << 63), ('Q', -1), ('l', 1 << 70)]:
    try:
        array(code, [value])
    except OverflowError as e:
        print(code, e)
for bad in [('X',), ('b', 'ab'), ('b', [1.0]), ('u', [1]), (1,)]:
    try:
        array(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    a[10]
except IndexError as e:
    print(e)
try:
    array('b') + [1]
except TypeError as e:
    print(e)
class X(array):
    pass
print(X('b', [1]), X('b', [1]) == array('b', [1]))
