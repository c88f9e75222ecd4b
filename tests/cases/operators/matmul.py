# The @ operator, via a tiny matrix class.
class M:
    def __init__(self, rows):
        self.rows = rows

    def __matmul__(self, other):
        cols = list(zip(*other.rows))
        return M([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])

    def __imatmul__(self, other):
        return self @ other

a = M([[1, 2], [3, 4]])
b = M([[0, 1], [1, 0]])
print((a @ b).rows)
a @= b
print(a.rows)
