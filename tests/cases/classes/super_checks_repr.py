class A:
    def who(self):
        return 'A'

    def sup(self):
        return super()


class B(A):
    def who(self):
        return 'B' + super().who()


b = B()
print(b.who(), super(B, b).who(), super(B, B).who(b))
print(repr(b.sup()), repr(super(A, A)), repr(super(int, True)), repr(super(B, b)).startswith('<super'))
for args in [(str, 0), (str, int), (0, int), (B, A()), (B, A)]:
    try:
        super(*args)
        print('ok', args)
    except TypeError as e:
        print(e)
