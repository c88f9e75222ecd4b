//! The disassembler: prints code objects exactly as CPython 3.11's
//! `python3 -m dis` and `dis.code_info()` do.
