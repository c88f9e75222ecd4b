# and/or short-circuit, in value and branch contexts.
def t(v):
    print("t", v)
    return v

print(t(0) or t(2))
print(t(1) and t(0))
print(t(1) and t(2) and t(3))
print(t(0) or t("") or t(None))
a = 3
if a > 1 and a < 5 or a == 10:
    print("yes")
if not (a and 0):
    print("not")
r = (a or 9) and (0 or a)
print(r)
