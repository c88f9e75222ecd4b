//! Methods of `dict` objects (the bound object is `args[0]`), the
//! `dict.fromkeys` class method, and the dict views (`keys()`, `values()`,
//! `items()`): their length, `in`, repr and set operations, which
//! `ops.rs`, `format.rs` and the built-ins call.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::error::{PyErr, PyResult};
use crate::object::{BuiltinFn, DictIterKind, Object};
use crate::value::Value;
use crate::Interpreter;

type Kwargs = [(Rc<str>, Value)];

pub const METHODS: &[(&str, BuiltinFn)] = &[
    ("keys", keys),
    ("values", values),
    ("items", items),
    ("get", get),
    ("setdefault", setdefault),
    ("pop", pop),
    ("popitem", popitem),
    ("update", update),
    ("clear", clear),
    ("copy", copy),
];

/// Methods of dict views (`isdisjoint`).
pub const VIEW_METHODS: &[(&str, BuiltinFn)] = &[("isdisjoint", view_isdisjoint)];

// ----- helpers ---------------------------------------------------------------

pub fn key_error(interp: &Interpreter, key: Value) -> PyErr {
    let t = interp.types.exception("KeyError");
    PyErr(interp.exception(&t, vec![key]))
}

fn dict_of<'a>(interp: &Interpreter, args: &'a [Value]) -> PyResult<&'a RefCell<Dict>> {
    match args.first().and_then(|v| v.as_object()) {
        Some(Object::Dict(d)) => Ok(d),
        _ => Err(interp.type_error("descriptor requires a 'dict' object")),
    }
}

/// Check the number of arguments after the bound dict: CPython's
/// "get expected at least 1 argument, got 0" family.
fn arg_range(
    interp: &Interpreter,
    name: &str,
    args: &[Value],
    min: usize,
    max: usize,
) -> PyResult<()> {
    let n = args.len().saturating_sub(1);
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        return Err(interp.type_error(format!(
            "{name} expected at least {min} argument{}, got {n}",
            plural(min)
        )));
    }
    if n > max {
        return Err(interp.type_error(format!(
            "{name} expected at most {max} argument{}, got {n}",
            plural(max)
        )));
    }
    Ok(())
}

fn no_args(interp: &Interpreter, name: &str, args: &[Value]) -> PyResult<()> {
    if args.len() == 1 {
        return Ok(());
    }
    Err(interp.type_error(format!(
        "dict.{name}() takes no arguments ({} given)",
        args.len().saturating_sub(1)
    )))
}

/// `d.update(other)` for a dict or an iterable of pairs (what `dict()`
/// and `dict.update` accept positionally).
pub fn update_from(interp: &mut Interpreter, d: &RefCell<Dict>, other: &Value) -> PyResult<()> {
    if let Some(b) = crate::class::base_for(other, "keys") {
        return update_from(interp, d, &b);
    }
    if let Some(Object::Dict(src)) = other.as_object() {
        // The keys keep the hashes they were stored with, as in CPython's
        // dict_merge: no `__hash__` runs again.
        let entries = src.borrow().entries();
        for (k, hash, v) in entries {
            let user = crate::dict::is_user_key(&k);
            let h = crate::keys::KeyHash { hash, user };
            interp.dict_store_hashed(d, k, h, v)?;
        }
        return Ok(());
    }
    // A mapping made by a class (one with a `keys` method, such as a
    // ChainMap): its keys, each looked up with `other[key]`.
    if crate::class::is_instance(other) {
        if let Some(keys) = interp.lookup_attr(other, "keys")? {
            let keys = interp.call(&keys, Vec::new(), Vec::new())?;
            for k in interp.collect_iterable(&keys)? {
                let v = crate::ops::getitem(interp, other, &k)?;
                interp.dict_store(d, k, v)?;
            }
            return Ok(());
        }
    }
    let it = interp.get_iter(other)?;
    let mut i = 0;
    while let Some(pair) = interp.next(&it)? {
        let items = match interp.get_iter(&pair) {
            Ok(_) => interp.collect_iterable(&pair)?,
            Err(_) => {
                return Err(interp.type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                )))
            }
        };
        let [k, v] = <[Value; 2]>::try_from(items).map_err(|items| {
            interp.value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                items.len()
            ))
        })?;
        interp.dict_store(d, k, v)?;
        i += 1;
    }
    Ok(())
}

/// Keyword arguments into a dict.
pub fn update_kwargs(interp: &mut Interpreter, d: &RefCell<Dict>, kwargs: &Kwargs) -> PyResult<()> {
    for (k, v) in kwargs {
        interp.dict_store(d, Value::str(k), v.clone())?;
    }
    Ok(())
}

// ----- methods -------------------------------------------------------------------

fn view(interp: &Interpreter, args: &[Value], name: &str, kind: DictIterKind) -> PyResult<Value> {
    no_args(interp, name, args)?;
    dict_of(interp, args)?;
    match &args[0] {
        Value::Obj(o) => Ok(Value::obj(Object::DictView(o.clone(), kind))),
        _ => Err(interp.type_error("descriptor requires a 'dict' object")),
    }
}

fn keys(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "dict", args, "keys", kw)?;
    view(interp, args, "keys", DictIterKind::Keys)
}

fn values(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "dict", args, "values", kw)?;
    view(interp, args, "values", DictIterKind::Values)
}

fn items(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "dict", args, "items", kw)?;
    view(interp, args, "items", DictIterKind::Items)
}

fn get(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "dict", args, "get", kw)?;
    arg_range(interp, "get", args, 1, 2)?;
    let d = dict_of(interp, args)?;
    let found = interp.dict_lookup(d, &args[1])?;
    Ok(found.unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
}

fn setdefault(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "dict", args, "setdefault", kw)?;
    arg_range(interp, "setdefault", args, 1, 2)?;
    let d = dict_of(interp, args)?;
    if let Some(v) = interp.dict_lookup(d, &args[1])? {
        return Ok(v);
    }
    let default = args.get(2).cloned().unwrap_or(Value::None);
    interp.dict_store(d, args[1].clone(), default.clone())?;
    Ok(default)
}

fn pop(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "dict", args, "pop", kw)?;
    arg_range(interp, "pop", args, 1, 2)?;
    let d = dict_of(interp, args)?;
    match interp.dict_remove(d, &args[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(default) => Ok(default.clone()),
            None => Err(key_error(interp, args[1].clone())),
        },
    }
}

fn popitem(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "dict", args, "popitem", kw)?;
    no_args(interp, "popitem", args)?;
    let d = dict_of(interp, args)?;
    // The last entry: dicts pop in LIFO order.
    let last = (0..d.borrow().positions())
        .rev()
        .find(|&p| d.borrow().entry_at(p).is_some());
    let Some((k, v)) = last.and_then(|p| d.borrow_mut().remove_at(p)) else {
        return Err(interp.err("KeyError", "popitem(): dictionary is empty"));
    };
    Ok(Value::obj(Object::Tuple([k, v].into())))
}

fn update(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    arg_range(interp, "update", args, 0, 1)?;
    let d = dict_of(interp, args)?;
    if let Some(other) = args.get(1) {
        update_from(interp, d, other)?;
    }
    update_kwargs(interp, d, kwargs)?;
    Ok(Value::None)
}

fn clear(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "dict", args, "clear", kw)?;
    no_args(interp, "clear", args)?;
    let old = std::mem::take(&mut *dict_of(interp, args)?.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn copy(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "dict", args, "copy", kw)?;
    no_args(interp, "copy", args)?;
    let d = dict_of(interp, args)?;
    let new = d.borrow().copied();
    Ok(Value::obj(Object::Dict(RefCell::new(new))))
}

/// `dict.fromkeys(iterable, value=None)`, installed in the dict type's
/// namespace (so it is called unbound: no `self`).
pub fn fromkeys(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "dict", &[], "fromkeys", kw)?;
    match args.len() {
        0 => return Err(interp.type_error("fromkeys expected at least 1 argument, got 0")),
        1 | 2 => {}
        n => {
            return Err(interp.type_error(format!("fromkeys expected at most 2 arguments, got {n}")))
        }
    }
    let value = args.get(1).cloned().unwrap_or(Value::None);
    let d = RefCell::new(Dict::new());
    for k in interp.collect_iterable(&args[0])? {
        interp.dict_store(&d, k, value.clone())?;
    }
    Ok(Value::obj(Object::Dict(d)))
}

// ----- views ---------------------------------------------------------------------

/// The dict behind a view, and which view it is.
fn view_parts(v: &Value) -> Option<(&RefCell<Dict>, DictIterKind)> {
    match v.as_object()? {
        Object::DictView(d, kind) => match &**d {
            Object::Dict(d) => Some((d, *kind)),
            _ => None,
        },
        _ => None,
    }
}

/// `len(view)`.
pub fn view_len(v: &Value) -> usize {
    view_parts(v).map_or(0, |(d, _)| d.borrow().len())
}

/// `x in view`.
pub fn view_contains(interp: &mut Interpreter, v: &Value, x: &Value) -> PyResult<bool> {
    let Some((d, kind)) = view_parts(v) else {
        return Ok(false);
    };
    match kind {
        DictIterKind::Keys => interp.key_in(d, x),
        DictIterKind::Items => {
            let Some(Object::Tuple(pair)) = x.as_object() else {
                return Ok(false);
            };
            let [k, val] = &pair[..] else {
                return Ok(false);
            };
            match interp.dict_lookup(d, k)? {
                Some(found) => crate::methods::list::items_eq(interp, &found, val),
                None => Ok(false),
            }
        }
        DictIterKind::Values => {
            let vals: Vec<Value> = d.borrow().iter().map(|(_, v)| v.clone()).collect();
            for val in vals {
                if crate::methods::list::items_eq(interp, &val, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// `repr(view)`: `dict_keys([1, 2])`.
pub fn view_repr(interp: &mut Interpreter, v: &Value) -> PyResult<String> {
    let name = interp.type_name(v);
    let items = interp.collect_iterable(v)?;
    let list = Value::obj(Object::List(RefCell::new(items)));
    Ok(format!("{name}({})", crate::format::repr(interp, &list)?))
}

/// `a op b` where one side is a keys or items view and `op` is one of
/// `& | - ^`: the result is a set, as in CPython. None when the operands
/// are not such a pair (values views have no set operations).
pub fn view_setop(
    interp: &mut Interpreter,
    op: char,
    a: &Value,
    b: &Value,
) -> Option<PyResult<Value>> {
    let set_like = |v: &Value| match view_parts(v) {
        Some((_, kind)) => kind != DictIterKind::Values,
        None => false,
    };
    if !set_like(a) && !set_like(b) {
        return None;
    }
    Some(view_setop_inner(interp, op, a, b))
}

fn view_setop_inner(interp: &mut Interpreter, op: char, a: &Value, b: &Value) -> PyResult<Value> {
    use crate::methods::set;
    let items = interp.collect_iterable(a)?;
    let left = Value::obj(Object::Set(RefCell::new(set::dict_of(interp, items)?)));
    match op {
        '&' => set::set_intersection(interp, &left, b),
        '|' => set::set_union(interp, &left, b),
        '-' => set::set_difference(interp, &left, b),
        _ => set::set_symmetric_difference(interp, &left, b),
    }
}

fn view_isdisjoint(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let [v, other] = args else {
        return Err(interp.type_error(format!(
            "isdisjoint() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    };
    for x in interp.collect_iterable(other)? {
        if view_contains(interp, v, &x)? {
            return Ok(Value::bool(false));
        }
    }
    Ok(Value::bool(true))
}
