# Exception subclasses with methods, properties, __str__/__repr__ and __new__.
class AppError(Exception):
    prefix = 'app'
    def __init__(self, code, detail='none'):
        super().__init__(code, detail)
        self.code = code
    @property
    def label(self): return f'{self.prefix}-{self.code}'
    @label.setter
    def label(self, value): self.code = value.split('-')[1]
    def describe(self): return f'{self.label}: {self.args[1]}'
    def __str__(self): return 'AppError ' + super().__str__()
    def __eq__(self, other): return isinstance(other, AppError) and other.code == self.code

class Quiet(AppError):
    prefix = 'quiet'
    def __repr__(self): return f'Quiet<{self.code}>'

class Counted(ValueError):
    made = 0
    def __new__(cls, *args):
        Counted.made += 1
        return super().__new__(cls, *args)

try:
    raise AppError(404, 'missing')
except AppError as e:
    print(e, repr(e), e.describe(), e.label, e.code, e == AppError(404), e == AppError(1))
q = Quiet(7)
q.label = 'quiet-9'
print(q, repr(q), [q], q.describe(), q.code, isinstance(q, AppError), Quiet.__mro__[1].__name__)
c = Counted('bad', 1)
print(c, repr(c), c.args, Counted.made, str(Counted()), Counted.made)
for make in [lambda: AppError(), lambda: Counted(x=1), lambda: Quiet(1).nope]:
    try:
        make()
    except (TypeError, AttributeError) as err:
        print(type(err).__name__, err)
