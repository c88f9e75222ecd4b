import weakref


class Obj:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "Obj(%d)" % self.n


objs = [Obj(i) for i in range(4)]
wv = weakref.WeakValueDictionary()
wk = weakref.WeakKeyDictionary()
ws = weakref.WeakSet()
for o in objs:
    wv[o.n] = o
    wk[o] = o.n * 10
    ws.add(o)
print(len(wv), len(wk), len(ws), wv[2], wk[objs[1]], objs[3] in ws)
del objs[1:3]
print(sorted(wv.keys()), sorted(wk.values()), sorted(o.n for o in ws))
print(2 in wv, wv.get(2, "gone"))
f = weakref.finalize(objs[0], print, "finalized", 0)
print(f.alive, f.peek()[1:])
objs.pop(0)
print(f.alive, f(), len(wv))
x = Obj(9)
g = weakref.finalize(x, print, "never")
print(g.detach()[0] is x, g.alive)
del x
print("end")
