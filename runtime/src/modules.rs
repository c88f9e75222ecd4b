//! `import`: built-in modules and .py files next to the script.

use crate::error::PyResult;
use crate::value::Value;
use crate::Interpreter;

pub fn import(interp: &mut Interpreter, name: &Value) -> PyResult<Value> {
    let name = crate::format::str_value(name);
    Err(interp.err("ModuleNotFoundError", format!("No module named '{name}'")))
}
