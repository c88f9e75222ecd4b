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

/// A slot of the model of CPython's set table: an entry position in the
/// set's `Dict` with its hash, a dummy left by a deletion, or empty.
#[derive(Clone, Copy)]
enum Slot {
    Empty,
    Dummy,
    Active(usize, u64),
}

/// A model of setobject.c's open-addressing table, replaying a set's
/// insertions and deletions to find where CPython would keep each item.
struct Table {
    slots: Vec<Slot>,
    fill: usize,
    used: usize,
}

impl Table {
    fn new() -> Table {
        Table {
            slots: vec![Slot::Empty; MINSIZE],
            fill: 0,
            used: 0,
        }
    }

    /// The probe sequence of `h`: each run of slots set_add_entry examines.
    fn next_index(i: usize, perturb: &mut u64, mask: usize) -> usize {
        *perturb >>= PERTURB_SHIFT;
        (i.wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(*perturb as usize))
            & mask
    }

    /// set_add_entry for a key known to be absent: the last dummy seen
    /// before the first empty slot is reused, else the empty slot is taken.
    fn add(&mut self, pos: usize, h: u64) {
        let mask = self.slots.len() - 1;
        let (mut i, mut perturb) = ((h as usize) & mask, h);
        let mut freeslot = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match self.slots.get(j) {
                    Some(Slot::Empty) => {
                        self.used += 1;
                        if let Some(f) = freeslot {
                            self.slots[f] = Slot::Active(pos, h);
                            return;
                        }
                        self.fill += 1;
                        self.slots[j] = Slot::Active(pos, h);
                        if self.fill * 5 >= mask * 3 {
                            let minused = if self.used > 50000 {
                                self.used * 2
                            } else {
                                self.used * 4
                            };
                            self.resize(minused);
                        }
                        return;
                    }
                    Some(Slot::Dummy) => freeslot = Some(j),
                    _ => {}
                }
            }
            i = Self::next_index(i, &mut perturb, mask);
        }
    }

    /// set_discard_entry: the item's slot becomes a dummy.
    fn discard(&mut self, pos: usize) {
        for slot in self.slots.iter_mut() {
            if matches!(slot, Slot::Active(p, _) if *p == pos) {
                *slot = Slot::Dummy;
                self.used -= 1;
                return;
            }
        }
    }

    /// set_table_resize: the active entries, in table order, go into a
    /// fresh table of the smallest power of two above `minused`.
    fn resize(&mut self, minused: usize) {
        let mut size = MINSIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        let mask = size - 1;
        for slot in old {
            if let Slot::Active(pos, h) = slot {
                self.insert_clean(pos, h, mask);
            }
        }
        self.fill = self.used;
    }

    /// set_insert_clean: the first empty slot of the probe sequence.
    fn insert_clean(&mut self, pos: usize, h: u64, mask: usize) {
        let (mut i, mut perturb) = ((h as usize) & mask, h);
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                if let Some(slot @ Slot::Empty) = self.slots.get_mut(j) {
                    *slot = Slot::Active(pos, h);
                    return;
                }
            }
            i = Self::next_index(i, &mut perturb, mask);
        }
    }
}

/// The keys of a set in the order CPython's hash table holds them, found
/// by replaying the set's insertions and deletions (in the order the
/// `Dict` recorded them) into a model of setobject.c's table. Presizing
/// (`set(other_set)`) and deletions before a `Dict` compaction are not
/// replayed, so such sets may still differ from CPython's order.
pub fn ordered_items(d: &Dict) -> Vec<Value> {
    let deletions = d.deletions();
    let positions = d.positions();
    // The hash of each position; deleted positions take theirs from the log.
    let mut hashes: Vec<u64> = (0..positions)
        .map(|p| d.key_at(p).map_or(0, |(_, h)| h as u64))
        .collect();
    for &(pos, h, _) in deletions {
        if let Some(slot) = hashes.get_mut(pos) {
            *slot = h as u64;
        }
    }
    let mut table = Table::new();
    let mut next_deletion = deletions.iter().peekable();
    for (pos, &h) in hashes.iter().enumerate() {
        while let Some(&(del, _, _)) = next_deletion.next_if(|&&(_, _, at)| at <= pos) {
            table.discard(del);
        }
        table.add(pos, h);
    }
    for &(del, _, _) in next_deletion {
        table.discard(del);
    }
    table
        .slots
        .iter()
        .filter_map(|slot| match slot {
            Slot::Active(pos, _) => d.entry_at(*pos).map(|(k, _)| k.clone()),
            _ => None,
        })
        .collect()
}

// ----- helpers ---------------------------------------------------------------

/// The elements of a set or frozenset in CPython's order, or None.
fn set_items(v: &Value) -> Option<Vec<Value>> {
    match v.as_object()? {
        Object::Set(d) => Some(ordered_items(&d.borrow())),
        Object::FrozenSet(d) => Some(ordered_items(d)),
        _ => None,
    }
}

/// The items of a set or frozenset in the order that, inserted into an
/// empty set, lays out the table CPython's set_merge makes when it copies
/// `v` (set(s), s.copy(), s | t): a small set without deletions is copied
/// slot for slot, which replaying its own insertions reproduces; otherwise
/// CPython re-inserts in table order (its presizing is not modelled).
pub fn copy_items(v: &Value) -> Option<Vec<Value>> {
    let direct = |d: &Dict| {
        if d.deletions().is_empty() && d.len() < 5 {
            d.iter().map(|(k, _)| k.clone()).collect()
        } else {
            ordered_items(d)
        }
    };
    match v.as_object()? {
        Object::Set(d) => Some(direct(&d.borrow())),
        Object::FrozenSet(d) => Some(direct(d)),
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
pub fn dict_of(interp: &mut Interpreter, items: Vec<Value>) -> PyResult<Dict> {
    let mut d = Dict::new();
    for k in items {
        interp.dict_insert(&mut d, k, Value::None)?;
    }
    Ok(d)
}

/// A frozenset of the elements of any iterable.
fn frozen_of(interp: &mut Interpreter, v: &Value) -> PyResult<Value> {
    let items = elements(interp, v)?;
    Ok(Value::obj(Object::FrozenSet(dict_of(interp, items)?)))
}

/// `x in s` for a set or frozenset `s`.
pub fn contains(interp: &mut Interpreter, s: &Value, x: &Value) -> PyResult<bool> {
    match s.as_object() {
        Some(Object::Set(d)) => interp.key_in(d, x),
        Some(Object::FrozenSet(d)) => interp.key_in(d, x),
        _ => Ok(false),
    }
}

/// A new set of the same type as `like` (set or frozenset).
fn same_kind(like: &Value, d: Dict) -> Value {
    match like.as_object() {
        Some(Object::FrozenSet(_)) => Value::obj(Object::FrozenSet(d)),
        _ => Value::obj(Object::Set(RefCell::new(d))),
    }
}

/// The table of the set `s` (a TypeError for anything else, naming the
/// method `name`).
fn set_cell<'a>(interp: &Interpreter, s: &'a Value, name: &str) -> PyResult<&'a RefCell<Dict>> {
    match s.as_object() {
        Some(Object::Set(d)) => Ok(d),
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
    let mut items = match copy_items(a) {
        Some(items) => items,
        None => elements(interp, a)?,
    };
    items.extend(elements(interp, b)?);
    Ok(same_kind(a, dict_of(interp, items)?))
}

/// `a & b` for sets: as set_intersection does, the items of the smaller
/// set (of `b` when sizes tie, or when `b` is not a set) found in the other.
pub fn set_intersection(interp: &mut Interpreter, a: &Value, b: &Value) -> PyResult<Value> {
    let is_set = |v: &Value| matches!(v.as_object(), Some(Object::Set(_) | Object::FrozenSet(_)));
    let both_sets = is_set(a) && is_set(b);
    let (scan, probe) = if both_sets && set_len(b) > set_len(a) {
        (a, b)
    } else {
        (b, a)
    };
    let probe = match probe.as_object() {
        Some(Object::Set(_) | Object::FrozenSet(_)) => probe.clone(),
        _ => frozen_of(interp, probe)?,
    };
    let mut keep = Vec::new();
    for x in elements(interp, scan)? {
        if contains(interp, &probe, &x)? {
            keep.push(x);
        }
    }
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

/// `a ^ b` for sets: as set_symmetric_difference does, a copy of `b`
/// from which each item of `a` is removed, or added when absent, so that
/// the table (hence the order) comes out as CPython's.
pub fn set_symmetric_difference(interp: &mut Interpreter, a: &Value, b: &Value) -> PyResult<Value> {
    let items = match copy_items(b) {
        Some(items) => items,
        None => elements(interp, b)?,
    };
    let mut d = dict_of(interp, items)?;
    for x in elements(interp, a)? {
        if interp.dict_discard(&mut d, &x)?.is_none() {
            interp.dict_insert(&mut d, x, Value::None)?;
        }
    }
    Ok(same_kind(a, d))
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
    let d = set_cell(interp, &args[0], "add")?;
    interp.dict_store(d, x.clone(), Value::None)?;
    Ok(Value::None)
}

fn remove(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "set", args, "remove", kw)?;
    let [x] = arity(interp, "remove", args, 1)? else {
        return Ok(Value::None);
    };
    let d = set_cell(interp, &args[0], "remove")?;
    match interp.dict_remove(d, x)? {
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
    let d = set_cell(interp, &args[0], "discard")?;
    interp.dict_remove(d, x)?;
    Ok(Value::None)
}

fn pop(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "set", args, "pop", kw)?;
    arity(interp, "pop", args, 0)?;
    let d = set_cell(interp, &args[0], "pop")?;
    let first = ordered_items(&d.borrow()).into_iter().next();
    let Some(first) = first else {
        return Err(interp.err("KeyError", "pop from an empty set"));
    };
    interp.dict_remove(d, &first)?;
    Ok(first)
}

fn clear(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "set", args, "clear", kw)?;
    arity(interp, "clear", args, 0)?;
    let old = std::mem::take(&mut *set_cell(interp, &args[0], "clear")?.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn copy(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "set", args, "copy", kw)?;
    arity(interp, "copy", args, 0)?;
    // A frozenset is immutable: CPython's copy() returns it unchanged.
    if let Some(Object::FrozenSet(_)) = args[0].as_object() {
        return Ok(args[0].clone());
    }
    let items = copy_items(&args[0]).unwrap_or_default();
    Ok(same_kind(&args[0], dict_of(interp, items)?))
}

/// Apply a binary set operation over every argument in turn.
fn fold(
    interp: &mut Interpreter,
    args: &[Value],
    op: fn(&mut Interpreter, &Value, &Value) -> PyResult<Value>,
) -> PyResult<Value> {
    let mut acc = match args.first() {
        Some(s) => same_kind(s, dict_of(interp, copy_items(s).unwrap_or_default())?),
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
    let items = copy_items(&result).unwrap_or_default();
    let d = dict_of(interp, items)?;
    let old = std::mem::replace(&mut *set_cell(interp, s, name)?.borrow_mut(), d);
    drop(old);
    Ok(Value::None)
}

fn update(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "update", kw)?;
    let Some(s) = args.first() else {
        return Err(interp.type_error("descriptor needs an argument"));
    };
    for other in &args[1..] {
        for x in elements(interp, other)? {
            let d = set_cell(interp, s, "update")?;
            interp.dict_store(d, x, Value::None)?;
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
    Ok(Value::bool(set_issubset(interp, &args[0], other)?))
}

fn issuperset(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "set", args, "issuperset", kw)?;
    let [other] = arity(interp, "issuperset", args, 1)? else {
        return Ok(Value::None);
    };
    let other = frozen_of(interp, other)?;
    Ok(Value::bool(set_issubset(interp, &other, &args[0])?))
}

fn isdisjoint(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "set", args, "isdisjoint", kw)?;
    let [other] = arity(interp, "isdisjoint", args, 1)? else {
        return Ok(Value::None);
    };
    for x in elements(interp, other)? {
        if contains(interp, &args[0], &x)? {
            return Ok(Value::bool(false));
        }
    }
    Ok(Value::bool(true))
}
