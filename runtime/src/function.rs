//! Attributes of function and code objects (`f.__name__`, `f.__code__`,
//! `f.__dict__`, `code.co_consts`, ...).

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::object::{Function, Object};
use crate::value::Value;
use crate::Interpreter;

fn tuple(items: impl Into<crate::tuple::Tuple>) -> Value {
    Value::obj(Object::Tuple(items.into()))
}

/// The function's `__dict__`, created on first use.
pub fn function_dict(f: &Function) -> Rc<Object> {
    f.dict
        .borrow_mut()
        .get_or_insert_with(|| Rc::new(Object::Dict(RefCell::new(Dict::new()))))
        .clone()
}

/// `f.<name>` (None if the function has no such attribute).
pub fn function_attr(interp: &mut Interpreter, f: &Function, name: &str) -> Option<Value> {
    let _ = interp;
    let own = || {
        f.dict
            .borrow()
            .as_ref()
            .and_then(|d| crate::eval::dict_get_str(d, name))
    };
    Some(match name {
        "__name__" => f.name.borrow().clone(),
        // Assigned values live in the function's dict (see set_function_attr).
        "__doc__" | "__module__" if own().is_some() => return own(),
        "__qualname__" => f.qualname.borrow().clone(),
        "__doc__" => f.doc.clone(),
        "__module__" => f.module.clone(),
        "__defaults__" => f.defaults.borrow().clone().unwrap_or(Value::None),
        "__kwdefaults__" => f.kwdefaults.borrow().clone().unwrap_or(Value::None),
        "__closure__" => f.closure.clone().unwrap_or(Value::None),
        "__code__" => Value::obj(Object::Code(f.code.clone())),
        "__globals__" => Value::Obj(f.globals.clone()),
        "__dict__" => Value::Obj(function_dict(f)),
        // MAKE_FUNCTION gives the annotations as (name, value, ...) pairs.
        "__annotations__" => {
            let mut d = Dict::new();
            if let Some(Object::Tuple(t)) = f.annotations.as_ref().and_then(|a| a.as_object()) {
                for pair in t.chunks(2) {
                    if let [k, v] = pair {
                        let _ = d.insert(k.clone(), v.clone());
                    }
                }
            }
            Value::obj(Object::Dict(RefCell::new(d)))
        }
        _ => return own(),
    })
}

/// `f.<name> = value`.
pub fn set_function_attr(
    interp: &Interpreter,
    f: &Function,
    name: &str,
    key: &Value,
    value: Value,
) -> crate::error::PyResult<()> {
    let is_str = matches!(value.as_object(), Some(Object::Str(_)));
    match name {
        "__globals__" | "__closure__" | "__builtins__" => {
            return Err(interp.err("AttributeError", "readonly attribute"))
        }
        "__name__" | "__qualname__" if !is_str => {
            return Err(interp.type_error(format!("{name} must be set to a string object")))
        }
        "__code__" if !matches!(value.as_object(), Some(Object::Code(_))) => {
            return Err(interp.type_error("__code__ must be set to a code object"))
        }
        "__dict__" if !matches!(value.as_object(), Some(Object::Dict(_))) => {
            return Err(interp.type_error(format!(
                "__dict__ must be set to a dictionary, not a '{}'",
                interp.type_name(&value)
            )))
        }
        "__defaults__" => {
            if value.is_none() {
                *f.defaults.borrow_mut() = None;
            } else if matches!(value.as_object(), Some(Object::Tuple(_))) {
                *f.defaults.borrow_mut() = Some(value);
            } else {
                return Err(interp.type_error("__defaults__ must be set to a tuple object"));
            }
        }
        "__kwdefaults__" => {
            if value.is_none() {
                *f.kwdefaults.borrow_mut() = None;
            } else if matches!(value.as_object(), Some(Object::Dict(_))) {
                *f.kwdefaults.borrow_mut() = Some(value);
            } else {
                return Err(interp.type_error("__kwdefaults__ must be set to a dict object"));
            }
        }
        "__name__" => *f.name.borrow_mut() = value,
        "__qualname__" => *f.qualname.borrow_mut() = value,
        _ => crate::eval::dict_set(&function_dict(f), key.clone(), value),
    }
    Ok(())
}

/// `code.<name>` for the common `co_*` attributes.
pub fn code_attr(c: &crate::code::Code, name: &str) -> Option<Value> {
    let co = &c.co;
    let strs = |names: Vec<Rc<str>>| tuple(names.iter().map(|n| Value::str(n)).collect::<Vec<_>>());
    Some(match name {
        "co_name" => c.name.clone(),
        "co_qualname" => c.qualname.clone(),
        "co_filename" => Value::str(&co.filename),
        "co_firstlineno" => Value::Int(co.firstlineno as i64),
        "co_argcount" => Value::Int(co.argcount as i64),
        "co_posonlyargcount" => Value::Int(co.posonlyargcount as i64),
        "co_kwonlyargcount" => Value::Int(co.kwonlyargcount as i64),
        "co_nlocals" => Value::Int(co.nlocals() as i64),
        "co_stacksize" => Value::Int(co.stacksize as i64),
        "co_flags" => Value::Int(co.flags as i64),
        "co_varnames" => strs(co.varnames()),
        "co_cellvars" => strs(co.cellvars()),
        "co_freevars" => strs(co.freevars()),
        "co_names" => strs(co.names.clone()),
        "co_consts" => tuple(c.consts.clone()),
        "co_code" => Value::obj(Object::Bytes(co.code.clone().into_boxed_slice())),
        "co_linetable" => Value::obj(Object::Bytes(co.linetable.clone().into_boxed_slice())),
        "co_lnotab" => Value::obj(Object::Bytes(
            pyrite_compiler::dis::co_lnotab(co).into_boxed_slice(),
        )),
        "co_exceptiontable" => {
            Value::obj(Object::Bytes(co.exceptiontable.clone().into_boxed_slice()))
        }
        _ => return None,
    })
}

/// The methods of code objects.
pub const CODE_METHODS: &[(&str, crate::object::BuiltinFn)] =
    &[("co_lines", co_lines), ("co_positions", co_positions)];

/// The code object a method of `code` was called on.
fn this_code<'a>(
    interp: &Interpreter,
    args: &'a [Value],
    method: &str,
    kwargs: &[(Rc<str>, Value)],
) -> crate::error::PyResult<&'a crate::code::Code> {
    let code = match args.first().and_then(|v| v.as_object()) {
        Some(Object::Code(c)) => c,
        Some(_) => {
            return Err(interp.type_error(format!(
                "descriptor '{method}' for 'code' objects doesn't apply to a '{}' object",
                interp.type_name(&args[0])
            )))
        }
        None => {
            return Err(interp.type_error(format!(
                "descriptor '{method}' of 'code' object needs an argument"
            )))
        }
    };
    crate::methods::no_kwargs(interp, "code", args, method, kwargs)?;
    if args.len() > 1 {
        return Err(interp.type_error(format!(
            "code.{method}() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok(code)
}

fn opt_int(v: Option<i64>) -> Value {
    v.map_or(Value::None, Value::Int)
}

fn seq_iter(items: Vec<Value>, name: &'static str) -> Value {
    Value::obj(Object::Iter(RefCell::new(crate::object::Iter::Seq {
        items,
        index: 0,
        name,
    })))
}

/// `code.co_lines()`: an iterator of (start, end, line) per location-table
/// entry, as CPython 3.11's `line_iterator`.
fn co_lines(
    interp: &mut Interpreter,
    args: &[Value],
    kwargs: &[(Rc<str>, Value)],
) -> crate::error::PyResult<Value> {
    let code = this_code(interp, args, "co_lines", kwargs)?;
    let items = pyrite_compiler::dis::co_lines(&code.co)
        .into_iter()
        .map(|(start, end, line)| {
            tuple(vec![
                Value::Int(start as i64),
                Value::Int(end as i64),
                opt_int(line),
            ])
        })
        .collect();
    Ok(seq_iter(items, "line_iterator"))
}

/// `code.co_positions()`: (line, end_line, col, end_col) for each code
/// unit, as CPython 3.11's `positions_iterator`.
fn co_positions(
    interp: &mut Interpreter,
    args: &[Value],
    kwargs: &[(Rc<str>, Value)],
) -> crate::error::PyResult<Value> {
    let code = this_code(interp, args, "co_positions", kwargs)?;
    let mut items = Vec::new();
    for p in pyrite_compiler::dis::co_positions(&code.co) {
        let t = tuple(vec![
            opt_int(p.line),
            opt_int(p.end_line),
            opt_int(p.col),
            opt_int(p.end_col),
        ]);
        for _ in (p.start..p.end).step_by(2) {
            items.push(t.clone());
        }
    }
    Ok(seq_iter(items, "positions_iterator"))
}
