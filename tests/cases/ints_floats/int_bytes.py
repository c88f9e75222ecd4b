print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'), (0).to_bytes(0, 'big'), (255).to_bytes(1, 'big'))
print((-1).to_bytes(2, 'big', signed=True), (-129).to_bytes(2, 'little', signed=True), (127).to_bytes(1, 'big', signed=True))
print((2 ** 64).to_bytes(9, 'big'), (65).to_bytes(length=1, byteorder='big'), (258).to_bytes(4, byteorder='little'))
print((5).to_bytes(), (5).to_bytes(3))
print(int.from_bytes(b'\x04\x00', 'big'), int.from_bytes(b'\x04\x00', 'little'), int.from_bytes(b'', 'big'))
print(int.from_bytes(b'\xff\xff', 'big', signed=True), int.from_bytes(b'\xff\xff', 'big'), int.from_bytes([1, 2], 'big'))
print(int.from_bytes(bytearray(b'\x80'), 'little', signed=True), int.from_bytes(b'\x01' * 10, 'big'), int.from_bytes(b'\x07'))
for n in [0, 1, -1, 300, -300, 2 ** 40 + 7]:
    raw = n.to_bytes(8, 'big', signed=True)
    print(n, raw, int.from_bytes(raw, 'big', signed=True) == n)
for bad in [lambda: (256).to_bytes(1, 'big'), lambda: (-1).to_bytes(1, 'big'), lambda: (1).to_bytes(1, 'middle'),
            lambda: (128).to_bytes(1, 'big', signed=True), lambda: (1).to_bytes(-1, 'big'),
            lambda: int.from_bytes(b'\x01', 'sideways')]:
    try:
        bad()
    except (OverflowError, ValueError) as exc:
        print(type(exc).__name__ + ':', exc)
for bad in [lambda: int.from_bytes('ab', 'big'), lambda: int.from_bytes(5, 'big'), lambda: (1).to_bytes('1', 'big')]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', exc)
