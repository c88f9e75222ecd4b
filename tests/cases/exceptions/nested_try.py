# Nested try statements and exceptions raised inside handlers.
def layered(n):
    try:
        try:
            if n == 0:
                raise ValueError
            return "ok"
        except ValueError:
            try:
                raise KeyError
            except KeyError:
                return "inner handled"
            finally:
                print("inner finally")
        finally:
            print("middle finally")
    except Exception as e:
        return "outer " + type(e).__name__

print(layered(0))
print(layered(1))
