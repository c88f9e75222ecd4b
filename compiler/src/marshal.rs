//! CPython 3.11 marshal format (version 4): read and write code objects.
