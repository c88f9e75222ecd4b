//! Methods of `tuple` objects (the bound object is `args[0]`).

use crate::object::BuiltinFn;

pub const METHODS: &[(&str, BuiltinFn)] = &[];
