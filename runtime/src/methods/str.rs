//! Methods of `str` objects (the bound object is `args[0]`).

use crate::error::PyResult;
use crate::object::{BuiltinFn, Object};
use crate::value::Value;
use crate::Interpreter;

type Kwargs = [(std::rc::Rc<str>, Value)];

pub const METHODS: &[(&str, BuiltinFn)] = &[("join", join)];

fn join(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let [sep, iterable] = args else {
        return Err(interp.type_error("join() takes exactly one argument"));
    };
    let sep = crate::format::str_value(sep);
    let items = interp.collect_iterable(iterable)?;
    let mut parts = Vec::with_capacity(items.len());
    for (i, it) in items.iter().enumerate() {
        match it.as_object() {
            Some(Object::Str(s)) => parts.push(s.as_str().to_string()),
            _ => {
                return Err(interp.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    interp.type_name(it)
                )))
            }
        }
    }
    Ok(Value::str(&parts.join(&sep)))
}
