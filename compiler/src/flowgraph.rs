//! CFG optimisation passes of CPython 3.11's `compile.c` (optimize_cfg and
//! friends): jump threading, dead-block and NOP removal, constant folding of
//! tuples, exit-block duplication, line-number propagation.
