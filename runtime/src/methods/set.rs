//! Methods of `set` and `frozenset` objects (the bound object is `args[0]`),
//! and the set algebra that the operators in `ops.rs` share:
//! `set_union`, `set_intersection`, `set_difference`,
//! `set_symmetric_difference`, `set_issubset`, `set_eq`.
//!
//! A set is a `Dict` whose values are None; it keeps insertion order, and
//! iteration replays the insertions into a table laid out like CPython's
//! (`ordered_items`) so that sets iterate in CPython's order.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::error::PyResult;
use crate::hash::hash_key;
use crate::object::{BuiltinFn, Object};
use crate::value::Value;
use crate::Interpreter;

type Kwargs = [(Rc<str>, Value)];

pub const METHODS: &[(&str, BuiltinFn)] = &[
    ("add", add),
    ("remove", remove),
    ("discard", discard),
    ("pop", pop),
    ("clear", clear),
    ("copy", copy),
    ("update", update),
    ("union", union),
    ("intersection", intersection),
    ("difference", difference),
    ("symmetric_difference", symmetric_difference),
    ("intersection_update", intersection_update),
    ("difference_update", difference_update),
    ("symmetric_difference_update", symmetric_difference_update),
    ("issubset", issubset),
    ("issuperset", issuperset),
    ("isdisjoint", isdisjoint),
];

/// The methods a frozenset has: the ones that do not change the set.
pub const FROZEN_METHODS: &[(&str, BuiltinFn)] = &[
    ("copy", copy),
    ("union", union),
    ("intersection", intersection),
    ("difference", difference),
    ("symmetric_difference", symmetric_difference),
    ("issubset", issubset),
    ("issuperset", issuperset),
    ("isdisjoint", isdisjoint),
];

// ----- CPython's iteration order ----------------------------------------------

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// The keys of a set in the order CPython's hash table would hold them
/// after inserting them in insertion order (setobject.c: set_add_entry,
/// set_table_resize). Deletions and presizing are not replayed, so sets
/// that shrank may differ from CPython's.
pub fn ordered_items(d: &Dict) -> Vec<Value> {
    let keys: Vec<&Value> = d.iter().map(|(k, _)| k).collect();
    let mut slots: Vec<Option<(usize, u64)>> = vec![None; MINSIZE];
    let mut fill = 0;
    for (idx, k) in keys.iter().enumerate() {
        let h = hash_key(k).unwrap_or(0) as u64;
        insert_clean(&mut slots, idx, h);
        fill += 1;
        let mask = slots.len() - 1;
        if fill * 5 >= mask * 3 {
            let minused = if fill > 50000 { fill * 2 } else { fill * 4 };
            slots = resize(slots, minused);
        }
    }
    slots
        .iter()
        .flatten()
        .filter_map(|&(i, _)| keys.get(i).map(|k| (*k).clone()))
        .collect()
}

/// Put an entry known to be absent in the first free slot of its probe
/// sequence.
fn insert_clean(slots: &mut [Option<(usize, u64)>], idx: usize, h: u64) {
    let mask = slots.len() - 1;
    let mut i = (h as usize) & mask;
    let mut perturb = h;
    loop {
        let probes = if i + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        };
        for j in i..=i + probes {
            if let Some(slot @ None) = slots.get_mut(j) {
                *slot = Some((idx, h));
                return;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
    }
}

fn resize(old: Vec<Option<(usize, u64)>>, minused: usize) -> Vec<Option<(usize, u64)>> {
    let mut size = MINSIZE;
    while size <= minused {
        size <<= 1;
    }
    let mut slots = vec![None; size];
    for (idx, h) in old.into_iter().flatten() {
        insert_clean(&mut slots, idx, h);
    }
    slots
}

// ----- helpers ---------------------------------------------------------------

fn unhashable(interp: &Interpreter, u: crate::dict::Unhashable) -> crate::error::PyErr {
    interp.type_error(format!("unhashable type: '{}'", u.0))
}

/// The elements of a set or frozenset in CPython's order, or None.
fn set_items(v: &Value) -> Option<Vec<Value>> {
    match v.as_object()? {
        Object::Set(d) => Some(ordered_items(&d.borrow())),
        Object::FrozenSet(d) => Some(ordered_items(d)),
        _ => None,
    }
}

/// The elements of any iterable (sets in CPython's order).
fn elements(interp: &mut Interpreter, v: &Value) -> PyResult<Vec<Value>> {
    match set_items(v) {
        Some(items) => Ok(items),
        None => interp.collect_iterable(v),
    }
}

/// A fresh set dict of `items`.
pub fn dict_of(interp: &Interpreter, items: Vec<Value>) -> PyResult<Dict> {
    let mut d = Dict::new();
    for k in items {
        d.insert(k, Value::None)
            .map_err(|u| unhashable(interp, u))?;
    }
    Ok(d)
}

/// A frozenset of the elements of any iterable.
fn frozen_of(interp: &mut Interpreter, v: &Value) -> PyResult<Value> {
    let items = elements(interp, v)?;
    Ok(Value::obj(Object::FrozenSet(dict_of(interp, items)?)))
}

/// `x in s` for a set or frozenset `s`.
pub fn contains(interp: &Interpreter, s: &Value, x: &Value) -> PyResult<bool> {
    let found = match s.as_object() {
        Some(Object::Set(d)) => d.borrow().get(x).map(|v| v.is_some()),
        Some(Object::FrozenSet(d)) => d.get(x).map(|v| v.is_some()),
        _ => Ok(false),
    };
    found.map_err(|u| unhashable(interp, u))
}

/// A new set of the same type as `like` (set or frozenset).
fn same_kind(like: &Value, d: Dict) -> Value {
    match like.as_object() {
        Some(Object::FrozenSet(_)) => Value::obj(Object::FrozenSet(d)),
        _ => Value::obj(Object::Set(RefCell::new(d))),
    }
}

fn with_set<R>(
    interp: &Interpreter,
    s: &Value,
    name: &str,
    f: impl FnOnce(&mut Dict) -> R,
) -> PyResult<R> {
    match s.as_object() {
        Some(Object::Set(d)) => Ok(f(&mut d.borrow_mut())),
        _ => Err(interp.type_error(format!(
            "descriptor '{name}' for 'set' objects doesn't apply to a '{}' object",
            interp.type_name(s)
        ))),
    }
}

fn arity<'a>(
    interp: &Interpreter,
    name: &str,
    args: &'a [Value],
    n: usize,
) -> PyResult<&'a [Value]> {
    if args.len() == n + 1 {
        return Ok(&args[1..]);
    }
    let given = args.len().saturating_sub(1);
    Err(interp.type_error(match n {
        0 => format!("set.{name}() takes no arguments ({given} given)"),
        _ => format!("set.{name}() takes exactly one argument ({given} given)"),
    }))
}

fn no_kwargs(interp: &Interpreter, name: &str, kwargs: &Kwargs) -> PyResult<()> {
    if kwargs.is_empty() {
        Ok(())
    } else {
        Err(interp.type_error(format!("set.{name}() takes no keyword arguments")))
    }
}

// ----- the set algebra (shared with ops.rs) --------------------------------------

/// `a | b` for sets (the result has `a`'s type).
pub fn set_union(interp: &mut Interpreter, a: &Value, b: &Value) -> PyResult<Value> {
    let mut items = elements(interp, a)?;
    items.extend(elements(interp, b)?);
    Ok(same_kind(a, dict_of(interp, items)?))
}

/// `a & b` for sets.
pub fn set_intersection(interp: &mut Interpreter, a: &Value, b: &Value) -> PyResult<Value> {
    let other = elements(interp, b)?;
    let mut keep = Vec::new();
    for x in other {
        if contains(interp, a, &x)? {
            keep.push(x);
        }
    }
    // CPython iterates the smaller set when both are sets; the elements
    // found are the same, and their order comes from the table anyway.
    Ok(same_kind(a, dict_of(interp, keep)?))
}

/// `a - b` for sets.
pub fn set_difference(interp: &mut Interpreter, a: &Value, b: &Value) -> PyResult<Value> {
    let other = frozen_of(interp, b)?;
    let mut keep = Vec::new();
    for x in elements(interp, a)? {
        if !contains(interp, &other, &x)? {
            keep.push(x);
        }
    }
    Ok(same_kind(a, dict_of(interp, keep)?))
}

/// `a ^ b` for sets.
pub fn set_symmetric_difference(interp: &mut Interpreter, a: &Value, b: &Value) -> PyResult<Value> {
    let other = frozen_of(interp, b)?;
    let mut keep = Vec::new();
    for x in elements(interp, a)? {
        if !contains(interp, &other, &x)? {
            keep.push(x);
        }
    }
    for x in set_items(&other).unwrap_or_default() {
        if !contains(interp, a, &x)? {
            keep.push(x);
        }
    }
    Ok(same_kind(a, dict_of(interp, keep)?))
}

/// `a <= b` for sets (`b` may be any iterable for `issubset`).
pub fn set_issubset(interp: &mut Interpreter, a: &Value, b: &Value) -> PyResult<bool> {
    let b = match b.as_object() {
        Some(Object::Set(_) | Object::FrozenSet(_)) => b.clone(),
        _ => frozen_of(interp, b)?,
    };
    for x in elements(interp, a)? {
        if !contains(interp, &b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `a == b` for two sets.
pub fn set_eq(interp: &mut Interpreter, a: &Value, b: &Value) -> PyResult<bool> {
    Ok(set_len(a) == set_len(b) && set_issubset(interp, a, b)?)
}

/// The size of a set or frozenset (0 for anything else).
pub fn set_len(v: &Value) -> usize {
    match v.as_object() {
        Some(Object::Set(d)) => d.borrow().len(),
        Some(Object::FrozenSet(d)) => d.len(),
        _ => 0,
    }
}

// ----- methods -------------------------------------------------------------------

fn add(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "set", args, "add", kw)?;
    let [x] = arity(interp, "add", args, 1)? else {
        return Ok(Value::None);
    };
    let r = with_set(interp, &args[0], "add", |d| {
        d.insert(x.clone(), Value::None)
    })?;
    r.map_err(|u| unhashable(interp, u))?;
    Ok(Value::None)
}

fn remove(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "set", args, "remove", kw)?;
    let [x] = arity(interp, "remove", args, 1)? else {
        return Ok(Value::None);
    };
    let r = with_set(interp, &args[0], "remove", |d| d.remove(x))?;
    match r.map_err(|u| unhashable(interp, u))? {
        Some(_) => Ok(Value::None),
        None => {
            let t = interp.types.exception("KeyError");
            Err(crate::error::PyErr(interp.exception(&t, vec![x.clone()])))
        }
    }
}

fn discard(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "set", args, "discard", kw)?;
    let [x] = arity(interp, "discard", args, 1)? else {
        return Ok(Value::None);
    };
    let r = with_set(interp, &args[0], "discard", |d| d.remove(x))?;
    r.map_err(|u| unhashable(interp, u))?;
    Ok(Value::None)
}

fn pop(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "set", args, "pop", kw)?;
    arity(interp, "pop", args, 0)?;
    let first = with_set(interp, &args[0], "pop", |d| {
        let first = ordered_items(d).into_iter().next();
        if let Some(k) = &first {
            let _ = d.remove(k);
        }
        first
    })?;
    first.ok_or_else(|| interp.err("KeyError", "pop from an empty set"))
}

fn clear(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "set", args, "clear", kw)?;
    arity(interp, "clear", args, 0)?;
    with_set(interp, &args[0], "clear", |d| d.clear())?;
    Ok(Value::None)
}

fn copy(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "set", args, "copy", kw)?;
    arity(interp, "copy", args, 0)?;
    let items = set_items(&args[0]).unwrap_or_default();
    Ok(same_kind(&args[0], dict_of(interp, items)?))
}

/// Apply a binary set operation over every argument in turn.
fn fold(
    interp: &mut Interpreter,
    args: &[Value],
    op: fn(&mut Interpreter, &Value, &Value) -> PyResult<Value>,
) -> PyResult<Value> {
    let mut acc = match args.first() {
        Some(s) => same_kind(s, dict_of(interp, set_items(s).unwrap_or_default())?),
        None => return Err(interp.type_error("descriptor needs an argument")),
    };
    for other in &args[1..] {
        acc = op(interp, &acc, other)?;
    }
    Ok(acc)
}

fn union(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "union", kw)?;
    fold(interp, args, set_union)
}

fn intersection(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "intersection", kw)?;
    fold(interp, args, set_intersection)
}

fn difference(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "difference", kw)?;
    fold(interp, args, set_difference)
}

fn symmetric_difference(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [other] = arity(interp, "symmetric_difference", args, 1)? else {
        return Ok(Value::None);
    };
    no_kwargs(interp, "symmetric_difference", kw)?;
    set_symmetric_difference(interp, &args[0], other)
}

/// Replace the contents of the set `s` by those of the set `result`.
fn assign(interp: &mut Interpreter, s: &Value, name: &str, result: Value) -> PyResult<Value> {
    let items = set_items(&result).unwrap_or_default();
    let d = dict_of(interp, items)?;
    with_set(interp, s, name, |old| *old = d)?;
    Ok(Value::None)
}

fn update(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "update", kw)?;
    let Some(s) = args.first() else {
        return Err(interp.type_error("descriptor needs an argument"));
    };
    for other in &args[1..] {
        for x in elements(interp, other)? {
            let r = with_set(interp, s, "update", |d| d.insert(x, Value::None))?;
            r.map_err(|u| unhashable(interp, u))?;
        }
    }
    Ok(Value::None)
}

fn intersection_update(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "intersection_update", kw)?;
    let r = fold(interp, args, set_intersection)?;
    assign(interp, &args[0], "intersection_update", r)
}

fn difference_update(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "difference_update", kw)?;
    let r = fold(interp, args, set_difference)?;
    assign(interp, &args[0], "difference_update", r)
}

fn symmetric_difference_update(
    interp: &mut Interpreter,
    args: &[Value],
    _: &Kwargs,
) -> PyResult<Value> {
    let [other] = arity(interp, "symmetric_difference_update", args, 1)? else {
        return Ok(Value::None);
    };
    let r = set_symmetric_difference(interp, &args[0], other)?;
    assign(interp, &args[0], "symmetric_difference_update", r)
}

fn issubset(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "set", args, "issubset", kw)?;
    let [other] = arity(interp, "issubset", args, 1)? else {
        return Ok(Value::None);
    };
    Ok(Value::Bool(set_issubset(interp, &args[0], other)?))
}

fn issuperset(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "set", args, "issuperset", kw)?;
    let [other] = arity(interp, "issuperset", args, 1)? else {
        return Ok(Value::None);
    };
    let other = frozen_of(interp, other)?;
    Ok(Value::Bool(set_issubset(interp, &other, &args[0])?))
}

fn isdisjoint(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "set", args, "isdisjoint", kw)?;
    let [other] = arity(interp, "isdisjoint", args, 1)? else {
        return Ok(Value::None);
    };
    for x in elements(interp, other)? {
        if contains(interp, &args[0], &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
