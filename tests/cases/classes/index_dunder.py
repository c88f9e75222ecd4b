# __index__ wherever an integer index is needed, and its errors.
import operator

class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v

class NotInt:
    def __index__(self): return 'three'

class Plain:
    pass

two, neg = I(2), I(-1)
print(operator.index(two), hex(I(255)), bin(two), oct(I(8)), chr(I(65)))
print([10, 20, 30][two], (1, 2, 3)[neg], 'abc'[two], b'xyz'[two], range(10)[I(3)])
print([0, 1, 2, 3, 4][I(1):I(4)], 'abcdef'[::two], list(range(I(4))), list(range(I(1), I(9), I(3))))
print('ab' * I(3), [0] * I(2), I(2) * (1,), (5).to_bytes(I(2), 'big'), bytes(I(3)))
print('hello'.find('l', I(3)), 'x'.center(I(5), '*'), [1, 2, 3].pop(I(0)), round(3.14159, I(2)))
lst = [0, 0, 0]
lst[I(1)] = 'set'
del lst[I(0)]
print(lst, enumerate('ab', I(5)).__next__(), slice(I(1), I(5)).indices(I(3)))
for f in [lambda: operator.index(NotInt()), lambda: [1][NotInt()], lambda: 'ab' * NotInt(),
          lambda: operator.index(Plain()), lambda: [1][Plain()], lambda: (1,)[Plain()], lambda: 'a'[Plain()],
          lambda: 'ab' * Plain(), lambda: hex(Plain()), lambda: range(Plain()), lambda: chr(Plain()),
          lambda: [1, 2][Plain():], lambda: [1].pop(Plain()), lambda: 'ab'.find('a', Plain()),
          lambda: operator.index(2.5), lambda: [1][two.v / 2], lambda: [1].index(1, Plain())]:
    try:
        print(f())
    except TypeError as e:
        print(type(e).__name__, e)
