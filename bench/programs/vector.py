# Vector arithmetic through operator overloading: __add__, __sub__, __mul__
# (scalar and reflected), __eq__ and __hash__ (vectors as dict keys and set
# members), __neg__, __abs__ and a property.

class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __eq__(self, o):
        return isinstance(o, Vec) and self.x == o.x and self.y == o.y

    def __hash__(self):
        return hash((self.x, self.y))

    def __abs__(self):
        return (self.x * self.x + self.y * self.y) ** 0.5

    @property
    def cell(self):
        return Vec(int(self.x) // 10, int(self.y) // 10)

    def dot(self, o):
        return self.x * o.x + self.y * o.y


def simulate(steps):
    pos = [Vec(i % 17, i % 23) for i in range(40)]
    vel = [Vec((i % 5) - 2, (i % 7) - 3) for i in range(40)]
    grid = {}
    seen = set()
    energy = 0.0
    for step in range(steps):
        for i in range(len(pos)):
            p = pos[i] + vel[i] * 0.5
            if abs(p) > 200:
                vel[i] = -vel[i]
                p = pos[i]
            pos[i] = p
            c = p.cell
            grid[c] = grid.get(c, 0) + 1
            seen.add(Vec(round(p.x), round(p.y)))
            energy += 0.5 * vel[i].dot(vel[i])
    return len(grid), len(seen), round(energy, 3), Vec(1, 2) == Vec(1, 2)

print(simulate(1_500))
