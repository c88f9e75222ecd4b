# pass in every block kind, and a module that ends with a conditional.
def nothing():
    pass
class Empty:
    pass
for _ in range(2):
    pass
while False:
    pass
try:
    pass
except Exception:
    pass
if True:
    pass
else:
    pass
print(nothing(), Empty.__name__)
