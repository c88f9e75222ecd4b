//! Built-in functions, built-in type constructors and the methods of
//! built-in types.
//!
//! The functions are grouped by subject in submodules, each exporting a
//! `FUNCTIONS` table that `install` puts in the builtins namespace, and a
//! `construct` function for the types whose constructors it owns.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use crate::error::PyResult;
use crate::object::{Builtin, BuiltinFn, Object, Range};
use crate::types::{TypeKind, TypeObject};
use crate::value::Value;
use crate::Interpreter;

pub mod containers;
pub mod errors;
pub mod num;
pub mod text;

pub type Kwargs = [(Rc<str>, Value)];

/// Write program output (buffered; flushed at exit and by `flush=True`).
pub fn write_out(interp: &mut Interpreter, s: &str) {
    let _ = interp.out.write_all(s.as_bytes());
}

/// Fill the builtins namespace.
pub fn install(interp: &mut Interpreter) {
    let funcs: &[(&'static str, BuiltinFn)] = &[
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("next", next),
        ("iter", iter),
        ("isinstance", isinstance),
        ("abs", abs),
    ];
    let Object::Dict(d) = &*interp.builtins else {
        return;
    };
    let mut d = d.borrow_mut();
    let groups = [
        funcs,
        num::FUNCTIONS,
        text::FUNCTIONS,
        containers::FUNCTIONS,
        errors::FUNCTIONS,
    ];
    for &(name, func) in groups.iter().flat_map(|g| g.iter()) {
        d.set_str(
            name,
            Value::obj(Object::Builtin(Builtin {
                name,
                func,
                bound: None,
            })),
        );
    }
    let t = &interp.types;
    for typ in [
        &t.object,
        &t.type_,
        &t.bool_,
        &t.int,
        &t.float,
        &t.complex,
        &t.str_,
        &t.bytes,
        &t.tuple,
        &t.list,
        &t.dict,
        &t.set,
        &t.frozenset,
        &t.bytearray,
        &t.range,
        &t.slice,
    ] {
        d.set_str(&typ.name.clone(), Value::obj(Object::Type(typ.clone())));
    }
    for e in &t.exceptions {
        d.set_str(&e.name.clone(), Value::obj(Object::Type(e.clone())));
    }
    d.set_str("None", Value::None);
    d.set_str("True", Value::Bool(true));
    d.set_str("False", Value::Bool(false));
    d.set_str("__name__", Value::str("builtins"));
}

fn kwarg<'a>(kwargs: &'a Kwargs, name: &str) -> Option<&'a Value> {
    kwargs.iter().find(|(k, _)| &**k == name).map(|(_, v)| v)
}

fn print(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let sep = match kwarg(kwargs, "sep") {
        Some(Value::None) | None => " ".to_string(),
        Some(v) => crate::format::str_of(interp, v)?,
    };
    let end = match kwarg(kwargs, "end") {
        Some(Value::None) | None => "\n".to_string(),
        Some(v) => crate::format::str_of(interp, v)?,
    };
    let mut line = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            line.push_str(&sep);
        }
        line.push_str(&crate::format::str_of(interp, a)?);
    }
    line.push_str(&end);
    write_out(interp, &line);
    if matches!(kwarg(kwargs, "flush"), Some(Value::Bool(true))) {
        let _ = interp.out.flush();
    }
    Ok(Value::None)
}

fn one_arg<'a>(interp: &Interpreter, name: &str, args: &'a [Value]) -> PyResult<&'a Value> {
    match args {
        [a] => Ok(a),
        _ => Err(interp.type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

fn len(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let v = one_arg(interp, "len", args)?;
    let n = match v.as_object() {
        Some(Object::Str(s)) => s.char_len(),
        Some(Object::List(l)) => l.borrow().len(),
        Some(Object::Tuple(t)) => t.len(),
        Some(Object::Dict(d)) => d.borrow().len(),
        Some(Object::Bytes(b)) => b.len(),
        Some(Object::Range(r)) => r.len() as usize,
        _ => {
            return Err(interp.type_error(format!(
                "object of type '{}' has no len()",
                interp.type_name(v)
            )))
        }
    };
    Ok(Value::Int(n as i64))
}

fn repr(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let v = one_arg(interp, "repr", args)?.clone();
    Ok(Value::str(&crate::format::repr(interp, &v)?))
}

fn iter(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let v = one_arg(interp, "iter", args)?.clone();
    interp.get_iter(&v)
}

fn next(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (it, default) = match args {
        [it] => (it.clone(), None),
        [it, d] => (it.clone(), Some(d.clone())),
        _ => {
            return Err(interp.type_error(format!(
                "next expected at most 2 arguments, got {}",
                args.len()
            )))
        }
    };
    match interp.next(&it)? {
        Some(v) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => {
                let t = interp.types.exception("StopIteration");
                Err(crate::error::PyErr(interp.exception(&t, Vec::new())))
            }
        },
    }
}

fn isinstance(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let [v, t] = args else {
        return Err(interp.type_error(format!(
            "isinstance expected 2 arguments, got {}",
            args.len()
        )));
    };
    let vt = interp.type_of(v);
    let check = |t: &Value| match t.as_object() {
        Some(Object::Type(t)) => Some(vt.is_subtype(t)),
        _ => None,
    };
    match t.as_object() {
        Some(Object::Tuple(items)) => Ok(Value::Bool(items.iter().any(|t| check(t) == Some(true)))),
        _ => match check(t) {
            Some(b) => Ok(Value::Bool(b)),
            None => Err(interp
                .type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")),
        },
    }
}

fn abs(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let v = one_arg(interp, "abs", args)?;
    match v {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::from_bigint(-num_bigint::BigInt::from(*i)),
        }),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        _ => Err(interp.type_error(format!(
            "bad operand type for abs(): '{}'",
            interp.type_name(v)
        ))),
    }
}

/// Calling a type object: construct an instance.
pub fn call_type(
    interp: &mut Interpreter,
    t: &Rc<TypeObject>,
    args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
) -> PyResult<Value> {
    for construct in [
        num::construct,
        text::construct,
        containers::construct,
        errors::construct,
    ] {
        if let Some(r) = construct(interp, t, &args, &kwargs) {
            return r;
        }
    }
    match t.kind {
        TypeKind::Exception => Ok(interp.exception(t, args)),
        TypeKind::Range => {
            let ints: Vec<i64> = args
                .iter()
                .map(|a| match a {
                    Value::Int(i) => Ok(*i),
                    Value::Bool(b) => Ok(*b as i64),
                    _ => Err(interp.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        interp.type_name(a)
                    ))),
                })
                .collect::<PyResult<_>>()?;
            let (start, stop, step) = match ints[..] {
                [stop] => (0, stop, 1),
                [start, stop] => (start, stop, 1),
                [start, stop, step] => (start, stop, step),
                _ => {
                    return Err(interp.type_error(format!(
                        "range expected at most 3 arguments, got {}",
                        args.len()
                    )))
                }
            };
            if step == 0 {
                return Err(interp.value_error("range() arg 3 must not be zero"));
            }
            Ok(Value::obj(Object::Range(Range { start, stop, step })))
        }
        TypeKind::List => {
            let items = match args.first() {
                Some(v) => interp.collect_iterable(v)?,
                None => Vec::new(),
            };
            Ok(Value::obj(Object::List(RefCell::new(items))))
        }
        TypeKind::Tuple => {
            let items = match args.first() {
                Some(v) => interp.collect_iterable(v)?,
                None => Vec::new(),
            };
            Ok(Value::obj(Object::Tuple(items.into_boxed_slice())))
        }
        TypeKind::Str => match args.first() {
            Some(v) => Ok(Value::str(&crate::format::str_of(interp, v)?)),
            None => Ok(Value::str("")),
        },
        TypeKind::Type if args.len() == 1 => Ok(Value::obj(Object::Type(interp.type_of(&args[0])))),
        _ => Err(interp.type_error(format!("cannot create '{}' instances", t.name))),
    }
}

/// The built-in method `name` of instances of `kind`, if any. Each
/// built-in type's methods live in `crate::methods::<type>`; the bound
/// object arrives as the first argument.
pub fn method(kind: TypeKind, name: &str) -> Option<(&'static str, BuiltinFn)> {
    let table: &[(&'static str, BuiltinFn)] = match kind {
        TypeKind::Str => crate::methods::str::METHODS,
        TypeKind::List => crate::methods::list::METHODS,
        TypeKind::Dict => crate::methods::dict::METHODS,
        TypeKind::Tuple => crate::methods::tuple::METHODS,
        TypeKind::Set | TypeKind::FrozenSet => crate::methods::set::METHODS,
        TypeKind::Int | TypeKind::Bool => crate::methods::int::METHODS,
        TypeKind::Float => crate::methods::float::METHODS,
        TypeKind::Bytes | TypeKind::ByteArray => crate::methods::bytes::METHODS,
        _ => &[],
    };
    table.iter().find(|(n, _)| *n == name).copied()
}
