//! pyrite runtime: executes CPython 3.11 code objects (see issue: the VM).
