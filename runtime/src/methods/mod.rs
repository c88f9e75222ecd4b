//! Methods of the built-in types, one module per type.

pub mod bytes;
pub mod dict;
pub mod dunder;
pub mod float;
pub mod int;
pub mod list;
pub mod set;
pub mod str;
pub mod tuple;
