//! The special methods of built-in containers and iterators called by
//! name: `d.__setitem__(k, v)`, `s.__contains__(x)`, `it.__next__()`.
//!
//! Each forwards to the protocol the evaluation loop uses, so `x.__len__()`
//! and `len(x)` cannot disagree. The argument-count errors are CPython's:
//! slot wrappers say "expected 1 argument, got 0"; the few that are
//! ordinary methods (METH_O) say "set.__contains__() takes exactly one
//! argument (0 given)".

use crate::builtins::Kwargs;
use crate::error::PyResult;
use crate::object::BuiltinFn;
use crate::types::TypeKind;
use crate::value::Value;
use crate::Interpreter;

/// The special method `name` of instances of `kind`, if it has one.
pub fn lookup(kind: TypeKind, name: &str) -> Option<(&'static str, BuiltinFn)> {
    use TypeKind::*;
    let container = matches!(
        kind,
        Str | List
            | Tuple
            | Dict
            | Set
            | FrozenSet
            | Bytes
            | ByteArray
            | MemoryView
            | Range
            | DictView
    );
    let subscriptable = matches!(
        kind,
        Str | List | Tuple | Dict | Bytes | ByteArray | MemoryView | Range
    );
    let mutable = matches!(kind, List | Dict | ByteArray | MemoryView);
    let entry: (&'static str, BuiltinFn) = match name {
        "__contains__" if container => ("__contains__", contains),
        "__len__" if container => ("__len__", len),
        "__iter__" if container || kind == Iterator => ("__iter__", iter),
        "__next__" if kind == Iterator => ("__next__", next),
        "__getitem__" if subscriptable => ("__getitem__", getitem),
        "__setitem__" if mutable => ("__setitem__", setitem),
        "__delitem__" if mutable => ("__delitem__", delitem),
        _ => return None,
    };
    Some(entry)
}

/// Whether `type(obj).name` is a METH_O method rather than a slot wrapper.
fn is_meth_o(interp: &Interpreter, obj: &Value, name: &str) -> bool {
    let kind = interp.type_of(obj).kind;
    matches!(
        (kind, name),
        (
            TypeKind::Set | TypeKind::FrozenSet | TypeKind::Dict,
            "__contains__"
        ) | (TypeKind::List | TypeKind::Dict, "__getitem__")
    )
}

/// The bound object and exactly `n` further arguments.
fn unpack<'a>(
    interp: &Interpreter,
    name: &str,
    args: &'a [Value],
    kwargs: &Kwargs,
    n: usize,
) -> PyResult<(&'a Value, &'a [Value])> {
    let Some((this, rest)) = args.split_first() else {
        return Err(interp.type_error(format!("descriptor '{name}' of object needs an argument")));
    };
    let meth_o = is_meth_o(interp, this, name);
    let owner = || format!("{}.{name}()", interp.type_name(this));
    if !kwargs.is_empty() {
        let who = if meth_o {
            owner()
        } else {
            format!("wrapper {name}()")
        };
        return Err(interp.type_error(format!("{who} takes no keyword arguments")));
    }
    if rest.len() != n {
        let msg = if meth_o {
            format!(
                "{} takes exactly one argument ({} given)",
                owner(),
                rest.len()
            )
        } else {
            // setitem's wrapper names no function, hence CPython's leading space.
            let lead = if n == 2 { " " } else { "" };
            let s = if n == 1 { "" } else { "s" };
            format!("{lead}expected {n} argument{s}, got {}", rest.len())
        };
        return Err(interp.type_error(msg));
    }
    Ok((this, rest))
}

fn contains(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (this, rest) = unpack(interp, "__contains__", args, kwargs, 1)?;
    let found = crate::ops::contains(interp, this, &rest[0])?;
    Ok(Value::bool(found))
}

fn len(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (this, _) = unpack(interp, "__len__", args, kwargs, 0)?;
    crate::builtins::containers::len(interp, std::slice::from_ref(this), &[])
}

fn iter(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (this, _) = unpack(interp, "__iter__", args, kwargs, 0)?;
    interp.get_iter(this)
}

fn next(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (this, _) = unpack(interp, "__next__", args, kwargs, 0)?;
    match interp.iter_next(this)? {
        Some(v) => Ok(v),
        None => Err(interp.stop_iteration(Value::None)),
    }
}

fn getitem(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (this, rest) = unpack(interp, "__getitem__", args, kwargs, 1)?;
    crate::ops::getitem(interp, this, &rest[0])
}

fn setitem(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (this, rest) = unpack(interp, "__setitem__", args, kwargs, 2)?;
    crate::ops::setitem(interp, this, &rest[0], rest[1].clone())?;
    Ok(Value::None)
}

fn delitem(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (this, rest) = unpack(interp, "__delitem__", args, kwargs, 1)?;
    crate::ops::delitem(interp, this, &rest[0])?;
    Ok(Value::None)
}
