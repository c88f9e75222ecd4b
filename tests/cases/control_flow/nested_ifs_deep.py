# Deeply nested blocks (ifs inside loops inside tries inside withs).
import contextlib
out = []
with contextlib.nullcontext():
    for i in range(3):
        try:
            if i > 0:
                while True:
                    if i == 1:
                        for j in range(2):
                            if j:
                                out.append((i, j))
                    else:
                        try:
                            out.append(i)
                        finally:
                            out.append("f")
                    break
        except ZeroDivisionError:
            pass
print(out)
