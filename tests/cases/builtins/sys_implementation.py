# sys.implementation is a SimpleNamespace describing CPython 3.11.
import sys
import types
impl = sys.implementation
print(type(impl).__name__, isinstance(impl, types.SimpleNamespace))
print(impl.name, impl.cache_tag, impl.hexversion == sys.hexversion)
print(impl.version == sys.version_info, impl.version[:2], impl.version.major)
print(sorted(vars(impl)), "version=" in str(impl), str(impl).startswith("namespace(name='cpython'"))
print(isinstance(impl._multiarch, str))
