//! Methods of the built-in types, one module per type.

pub mod bytes;
pub mod dict;
pub mod dunder;
pub mod float;
pub mod int;
pub mod list;
pub mod memoryview;
pub mod object;
pub mod set;
pub mod str;
pub mod tuple;

use crate::builtins::Kwargs;
use crate::error::PyResult;
use crate::value::Value;
use crate::Interpreter;

/// Refuse keywords for a method that takes none: "list.append() takes no
/// keyword arguments". `owner` is the type that defines the method (so
/// `True.bit_length(x=1)` names int), except that set methods name the
/// receiver's type (set or frozenset).
pub fn no_kwargs(
    interp: &Interpreter,
    owner: &str,
    args: &[Value],
    name: &str,
    kw: &Kwargs,
) -> PyResult<()> {
    if kw.is_empty() {
        return Ok(());
    }
    let owner = match (owner, args.first()) {
        ("set", Some(v)) if interp.type_name(v).as_ref() == "frozenset" => "frozenset",
        _ => owner,
    };
    Err(interp.type_error(format!("{owner}.{name}() takes no keyword arguments")))
}
