# An object-heavy scheduler in the style of "richards": a few task classes
# that exchange packets through a scheduler, with many small method calls
# and attribute reads and writes on instances.

class Packet:
    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.datum = 0

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, sched, ident, priority):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = None
        self.waiting = False
        self.runs = 0

    def receive(self, packet):
        self.queue = packet.append_to(self.queue)
        self.waiting = False

    def take(self):
        p = self.queue
        if p is not None:
            self.queue = p.link
        return p

    def step(self):
        self.runs += 1
        p = self.take()
        if p is None:
            self.waiting = True
            return
        self.handle(p)


class Worker(Task):
    def handle(self, p):
        p.datum = (p.datum * 31 + self.ident) % 1009
        p.dest = 3 if p.datum % 3 else 4
        self.sched.send(p)


class Device(Task):
    def __init__(self, sched, ident, priority):
        super().__init__(sched, ident, priority)
        self.total = 0

    def handle(self, p):
        self.total += p.datum
        p.dest = 0
        self.sched.send(p)


class Idle(Task):
    def handle(self, p):
        p.dest = 1 + p.datum % 2
        self.sched.send(p)


class Scheduler:
    def __init__(self):
        self.tasks = []
        self.sent = 0

    def add(self, cls, priority):
        t = cls(self, len(self.tasks), priority)
        self.tasks.append(t)
        return t

    def send(self, p):
        self.sent += 1
        self.tasks[p.dest].receive(p)

    def run(self, rounds):
        order = sorted(self.tasks, key=lambda t: -t.priority)
        for _ in range(rounds):
            for t in order:
                if not t.waiting or t.queue is not None:
                    t.step()


def main(rounds):
    s = Scheduler()
    s.add(Idle, 0)
    s.add(Worker, 10)
    s.add(Worker, 20)
    s.add(Device, 30)
    s.add(Device, 40)
    for i in range(8):
        s.tasks[i % 5].receive(Packet(None, i % 5, i))
    s.run(rounds)
    return s.sent, [t.runs for t in s.tasks], s.tasks[3].total + s.tasks[4].total

print(main(240_000))
