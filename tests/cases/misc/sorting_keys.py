# Sorting with key functions, operator.itemgetter and stability.
from operator import itemgetter, attrgetter

people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 20)]
print(sorted(people, key=itemgetter(1)))
print(sorted(people, key=lambda p: (-p[1], p[0])))
class P:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"P{self.n}"
print(sorted([P(3), P(1), P(2)], key=attrgetter("n")))
print(max(people, key=lambda p: p[1]), min("hello"))
