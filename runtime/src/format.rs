//! `str()`, `repr()`, `ascii()` and `format()` of values.

use crate::error::PyResult;
use crate::object::Object;
use crate::value::Value;
use crate::Interpreter;

/// `repr(v)`.
pub fn repr(interp: &mut Interpreter, v: &Value) -> PyResult<String> {
    Ok(match v {
        Value::Null | Value::None => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => pyrite_compiler::repr::float_repr(*f),
        Value::Obj(o) => match &**o {
            Object::Str(s) => pyrite_compiler::repr::str_repr(s.as_str()),
            Object::BigInt(i) => i.to_string(),
            Object::List(l) => {
                let items = l.borrow().clone();
                let parts = items
                    .iter()
                    .map(|x| repr(interp, x))
                    .collect::<PyResult<Vec<_>>>()?;
                format!("[{}]", parts.join(", "))
            }
            Object::Tuple(t) => {
                let parts = t
                    .iter()
                    .map(|x| repr(interp, x))
                    .collect::<PyResult<Vec<_>>>()?;
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            Object::Type(t) => format!("<class '{}'>", t.name),
            Object::DictView(..) => crate::methods::dict::view_repr(interp, v)?,
            _ => format!("<{} object>", interp.type_name(v)),
        },
    })
}

/// `str(v)`.
pub fn str_of(interp: &mut Interpreter, v: &Value) -> PyResult<String> {
    match v.as_object() {
        Some(Object::Str(s)) => Ok(s.as_str().to_string()),
        _ => repr(interp, v),
    }
}

/// `ascii(v)`.
pub fn ascii(interp: &mut Interpreter, v: &Value) -> PyResult<String> {
    let r = repr(interp, v)?;
    Ok(r.chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else if (c as u32) < 0x100 {
                format!("\\x{:02x}", c as u32)
            } else if (c as u32) < 0x10000 {
                format!("\\u{:04x}", c as u32)
            } else {
                format!("\\U{:08x}", c as u32)
            }
        })
        .collect())
}

/// `format(v, spec)`.
pub fn format(interp: &mut Interpreter, v: &Value, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return str_of(interp, v);
    }
    Err(interp.value_error(format!("format spec {spec:?} is not supported yet")))
}

/// The text of a str value (empty for anything else); for names.
pub fn str_value(v: &Value) -> String {
    match v.as_object() {
        Some(Object::Str(s)) => s.as_str().to_string(),
        _ => String::new(),
    }
}
