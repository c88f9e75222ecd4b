//! `list[int]`, `dict[str, int]`, `type[C]`: the generic aliases that
//! subscripting a built-in container type makes (CPython's
//! `types.GenericAlias`), as annotations use them. They print as written,
//! expose `__origin__` / `__args__` / `__parameters__`, and forward other
//! attributes to their origin.

use crate::error::PyResult;
use crate::object::Object;
use crate::types::{TypeKind, TypeObject};
use crate::value::Value;
use crate::Interpreter;

/// `cls[key]` for a built-in type that supports it; None for the rest.
pub fn subscript(cls: &std::rc::Rc<TypeObject>, key: &Value) -> Option<Value> {
    let generic = matches!(
        cls.kind,
        TypeKind::List
            | TypeKind::Dict
            | TypeKind::Tuple
            | TypeKind::Set
            | TypeKind::FrozenSet
            | TypeKind::Type
    );
    if !generic || cls.is_class {
        return None;
    }
    let args = match key.as_object() {
        Some(Object::Tuple(_)) => key.clone(),
        _ => Value::obj(Object::Tuple([key.clone()].into())),
    };
    Some(Value::obj(Object::GenericAlias {
        origin: Value::obj(Object::Type(cls.clone())),
        args,
    }))
}

/// The attributes of a generic alias.
pub fn attr(interp: &mut Interpreter, origin: &Value, args: &Value, name: &str) -> PyResult<Value> {
    match name {
        "__origin__" => Ok(origin.clone()),
        "__args__" => Ok(args.clone()),
        "__parameters__" => Ok(Value::obj(Object::Tuple([].into()))),
        _ => interp.get_attr(origin, &Value::str(name)),
    }
}

/// `repr(list[int])`: `list[int]`, with classes by their qualified names.
pub fn repr(interp: &mut Interpreter, origin: &Value, args: &Value) -> PyResult<String> {
    let mut out = arg_repr(interp, origin)?;
    out.push('[');
    if let Some(Object::Tuple(items)) = args.as_object() {
        for (i, a) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&arg_repr(interp, a)?);
        }
    }
    out.push(']');
    Ok(out)
}

/// One part of an alias's repr: a type as `module.qualname` (builtins
/// bare), `...` for Ellipsis, anything else by its repr.
fn arg_repr(interp: &mut Interpreter, v: &Value) -> PyResult<String> {
    match v.as_object() {
        Some(Object::Type(t)) => {
            let module = t
                .dict
                .borrow()
                .get_str("__module__")
                .map(crate::format::str_value);
            let qual = t.qualname.borrow().clone();
            Ok(match module {
                Some(m) if m != "builtins" => format!("{m}.{qual}"),
                _ => qual.to_string(),
            })
        }
        Some(Object::Ellipsis) => Ok("...".to_string()),
        _ => crate::format::repr(interp, v),
    }
}
