import operator
from operator import itemgetter, attrgetter, methodcaller

print(operator.add(2, 3), operator.sub(2, 3), operator.mul('ab', 2), operator.truediv(7, 2))
print(operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10), operator.neg(4))
print(operator.lt(1, 2), operator.eq([1], [1]), operator.ne(1, 1), operator.not_(0))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.invert(5))
print(operator.lshift(1, 4), operator.rshift(256, 2), operator.abs(-7), operator.truth([]))
print(operator.getitem({'k': 1}, 'k'), operator.contains('abc', 'b'), operator.concat([1], [2]))
print(operator.indexOf([5, 6, 7], 7), operator.countOf([1, 2, 1], 1), operator.is_(None, None))
d = {}
operator.setitem(d, 'a', 1)
print(d)
operator.delitem(d, 'a')
print(d)

rows = [('b', 2, 'x'), ('a', 3, 'y'), ('c', 1, 'z')]
print(sorted(rows, key=itemgetter(1)))
print(sorted(rows, key=itemgetter(0)))
print(list(map(itemgetter(2, 0), rows)))


class P:
    def __init__(self, name, age):
        self.name = name
        self.age = age

    def greet(self, greeting, punct='!'):
        return greeting + ', ' + self.name + punct


people = [P('bob', 30), P('amy', 25)]
print([p.name for p in sorted(people, key=attrgetter('age'))])
print(attrgetter('name', 'age')(people[0]))
print(methodcaller('greet', 'hi')(people[1]), methodcaller('greet', 'yo', punct='?')(people[0]))
print(methodcaller('upper')('abc'), callable(itemgetter(0)))
print(sum(map(operator.mul, [1, 2, 3], [4, 5, 6])))
