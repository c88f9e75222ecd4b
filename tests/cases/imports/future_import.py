from __future__ import annotations
# With postponed evaluation, annotations are stored as strings.

def f(x: List[int], y: undefined_name = 3) -> Dict[str, int]:
    return {"n": y}

class C:
    attr: SomethingUndefined = 1
    other: int

print(f.__annotations__)
print(C.__annotations__, f(None))
v: Final = 5
print(__annotations__)
