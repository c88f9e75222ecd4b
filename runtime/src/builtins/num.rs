//! Built-ins for numbers: abs, divmod, pow, round, bin, oct, hex, int(), float(), complex(), bool().

use std::rc::Rc;

use super::Kwargs;
use crate::error::PyResult;
use crate::object::BuiltinFn;
use crate::types::TypeObject;
use crate::value::Value;
use crate::Interpreter;

pub const FUNCTIONS: &[(&str, BuiltinFn)] = &[];

/// Construct an instance of `t` if this module owns its constructor.
pub fn construct(
    interp: &mut Interpreter,
    t: &Rc<TypeObject>,
    args: &[Value],
    kwargs: &Kwargs,
) -> Option<PyResult<Value>> {
    let _ = (interp, t, args, kwargs);
    None
}
