# Slicing a range maps the slice's adjusted bounds through the range.
print(range(4)[1:-2:2], range(4)[1::2], range(1, 100, 5)[5:15:3])
print(range(7, -2, -4)[:], range(4)[::-1], range(0, 10, 3)[10:0:-2])
print(range(5)[100:], range(5)[-100:-50], range(10)[2:8][1:4])
r = range(1, 20, 3)
print(r.start, r.stop, r.step, range(5).start, range(5).step)
print(r[2:], r[2:].start, r[:-1].stop)
