class A:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration(42)


class B:
    pass


class C:
    def __next__(self):
        raise ValueError('boom')


for call in [lambda: next(A()), lambda: next(A(), 'dflt'), lambda: next(B()), lambda: next(C(), 1)]:
    try:
        print(call())
    except StopIteration as e:
        print('StopIteration', e.args, e.value)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
