# A minimal typing module: the common forms, their reprs and generics.
from typing import Optional, Union, List, Dict, Tuple, Any, Callable, TypeVar, Generic, cast
T = TypeVar("T")
print(Optional[int], Union[int, str], Union[int, None], List[int], Dict[str, int])
print(Tuple[int, ...], Any, T, cast(int, "x"), Optional[int] == Union[int, None])
class Box(Generic[T]):
    def __init__(self, v: T) -> None:
        self.v = v
print(Box(3).v, List[int].__origin__, Union[int, str].__args__)
def f(x: List[int], y: "Optional[str]" = None) -> Dict[str, Any]:
    return {}
print(sorted(f.__annotations__), f.__annotations__["x"])
