# Sixteen statically nested blocks (loops, try, while, with): near CPython's limit of 20.
out = []
for a in range(2):
 for b in range(2):
  for c in range(2):
   for d in range(2):
    for e in range(2):
     for f in range(2):
      for g in range(2):
       for h in range(2):
        try:
         while True:
          with open(__file__) as fh:
           for i in range(1):
            try:
             for j in range(1):
              if a == b == c == d == e == f == g == h:
               try:
                for k in range(1):
                 out.append(a)
               finally:
                pass
             break
            finally:
             pass
          break
        except OSError:
         pass
print(len(out), sum(out))
