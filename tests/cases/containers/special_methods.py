# Special methods of built-in containers called by name.
s = {1, 2}
print(s.__contains__(1), s.__contains__(3), s.__len__())
d = {}
d.__setitem__("2", "two")
print(d.__getitem__("2"), d.__contains__("2"), d.__len__())
d.__delitem__("2")
print(d)
lst = [5, 6, 7]
lst.__setitem__(0, 9)
lst.__delitem__(-1)
print(lst, lst.__getitem__(1), "ab".__contains__("b"), range(4).__len__())
it = iter(range(2))
print(it.__next__(), it.__iter__() is it, next(it))
for expr in [
    "{1}.__contains__()",
    "[].__contains__()",
    "{}.__setitem__(1)",
    "[].__getitem__()",
    "[].__len__(1)",
    "[].__len__(a=1)",
    "{1}.__contains__(a=1)",
    "iter([]).__next__()",
    "(1).__len__()",
]:
    try:
        eval(expr)
    except Exception as e:
        print(expr, type(e).__name__, e)
