//! Methods of `list` objects (the bound object is `args[0]`).

use crate::error::PyResult;
use crate::object::{BuiltinFn, Object};
use crate::value::Value;
use crate::Interpreter;

type Kwargs = [(std::rc::Rc<str>, Value)];

pub const METHODS: &[(&str, BuiltinFn)] = &[("append", append)];

fn append(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    match args {
        [list, item] => {
            if let Some(Object::List(l)) = list.as_object() {
                l.borrow_mut().push(item.clone());
            }
            Ok(Value::None)
        }
        _ => Err(interp.type_error(format!(
            "list.append() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        ))),
    }
}
