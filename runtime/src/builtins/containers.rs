//! Built-ins for containers and iteration: list(), tuple(), dict(), set(),
//! frozenset(), range(), len, sorted, reversed, enumerate, zip, map,
//! filter, min, max, sum, any, all, iter, next.
//!
//! enumerate, zip, map, filter and reversed are types, as in CPython
//! (`ITERATOR_TYPES`), whose instances are lazy iterators (`Iter`
//! variants) that `Interpreter::next` steps.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::Kwargs;
use crate::dict::Dict;
use crate::error::PyResult;
use crate::methods::list::{less_than, sort_options, sort_values};
use crate::object::{BuiltinFn, Iter, Object, Range};
use crate::types::{TypeKind, TypeObject};
use crate::value::Value;
use crate::Interpreter;

/// The iterator types that are built-in names (and can be subclassed),
/// with their constructors.
pub const ITERATOR_TYPES: &[(&str, BuiltinFn)] = &[
    ("reversed", reversed),
    ("enumerate", enumerate),
    ("zip", zip),
    ("map", map),
    ("filter", filter),
];

pub const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("len", len),
    ("sorted", sorted),
    ("min", min),
    ("max", max),
    ("sum", sum),
    ("any", any),
    ("all", all),
    ("iter", iter),
    ("next", next),
];

fn iterator(state: Iter) -> Value {
    Value::obj(Object::Iter(RefCell::new(state)))
}

fn no_kwargs(interp: &Interpreter, name: &str, kwargs: &Kwargs) -> PyResult<()> {
    if kwargs.is_empty() {
        Ok(())
    } else {
        Err(interp.type_error(format!("{name}() takes no keyword arguments")))
    }
}

/// CPython's "NAME expected at least MIN argument(s), got N" checks.
fn arg_count(interp: &Interpreter, name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if min == max && n != min {
        return Err(interp.type_error(format!(
            "{name} expected {min} argument{}, got {n}",
            plural(min)
        )));
    }
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

fn exactly_one<'a>(interp: &Interpreter, name: &str, args: &'a [Value]) -> PyResult<&'a Value> {
    match args {
        [a] => Ok(a),
        _ => Err(interp.type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

pub fn len(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "len", kwargs)?;
    let v = exactly_one(interp, "len", args)?;
    Ok(Value::Int(length(interp, v)? as i64))
}

/// `len(v)` for the built-in sized types.
pub fn length(interp: &mut Interpreter, v: &Value) -> PyResult<usize> {
    if crate::class::is_instance(v) {
        return crate::class::instance_len(interp, v);
    }
    let n = match v.as_object() {
        Some(Object::Str(s)) => s.char_len(),
        Some(Object::List(l)) => l.borrow().len(),
        Some(Object::Tuple(t)) => t.len(),
        Some(Object::Dict(d)) => d.borrow().len(),
        Some(Object::Set(d)) => d.borrow().len(),
        Some(Object::FrozenSet(d)) => d.len(),
        Some(Object::DictView(..)) => crate::methods::dict::view_len(v),
        Some(Object::Bytes(b)) => b.len(),
        Some(Object::ByteArray(b)) => b.borrow().len(),
        Some(Object::Range(r)) => r.len() as usize,
        Some(Object::BigRange(r)) => r
            .len
            .to_usize()
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or_else(|| {
                interp.err(
                    "OverflowError",
                    "Python int too large to convert to C ssize_t",
                )
            })?,
        Some(Object::MemoryView(m)) => crate::methods::memoryview::len(interp, m)?,
        _ => {
            return Err(interp.type_error(format!(
                "object of type '{}' has no len()",
                interp.type_name(v)
            )))
        }
    };
    Ok(n)
}

fn sorted(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    arg_count(interp, "sorted", args.len(), 1, 1)?;
    let mut items = interp.collect_iterable(&args[0])?;
    let (key, reverse) = sort_options(interp, "sort", kwargs)?;
    sort_values(interp, &mut items, key.as_ref(), reverse)?;
    Ok(Value::obj(Object::List(RefCell::new(items))))
}

fn reversed(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "reversed", kwargs)?;
    arg_count(interp, "reversed", args.len(), 1, 1)?;
    if let Some(b) = crate::class::base_for(&args[0], "__reversed__") {
        if !crate::class::has_dunder(&args[0], "__getitem__") {
            return reversed(interp, &[b], kwargs);
        }
    }
    let v = &args[0];
    let seq = match v.as_object() {
        Some(Object::List(l)) => {
            let index = l.borrow().len();
            if let Value::Obj(list) = v {
                return Ok(iterator(Iter::ListReversed {
                    list: list.clone(),
                    index,
                }));
            }
            Vec::new()
        }
        Some(Object::Range(r)) => return Ok(iterator(crate::range::reversed_small(r))),
        Some(Object::BigRange(r)) => return Ok(iterator(r.reversed())),
        Some(
            Object::Tuple(_)
            | Object::Str(_)
            | Object::Bytes(_)
            | Object::ByteArray(_)
            | Object::Dict(_)
            | Object::DictView(..),
        ) => interp.collect_iterable(v)?,
        // A class's __reversed__ (None means "not reversible").
        Some(Object::Instance(i))
            if i.typ
                .lookup_special("__reversed__")
                .is_some_and(|f| !f.is_none()) =>
        {
            let f = i.typ.lookup_special("__reversed__").unwrap_or(Value::None);
            return interp.call(&f, vec![v.clone()], Vec::new());
        }
        // The sequence protocol: __len__ and __getitem__ (read up front).
        Some(Object::Instance(i))
            if i.typ.lookup_special("__reversed__").is_none()
                && i.typ.lookup_special("__len__").is_some()
                && i.typ.lookup_special("__getitem__").is_some() =>
        {
            let n = length(interp, v)?;
            let getitem = i.typ.lookup_special("__getitem__").unwrap_or(Value::None);
            let mut items = Vec::with_capacity(n.min(1 << 16));
            for k in 0..n {
                items.push(interp.call(
                    &getitem,
                    vec![v.clone(), Value::Int(k as i64)],
                    Vec::new(),
                )?);
            }
            items
        }
        _ => {
            return Err(interp.type_error(format!(
                "'{}' object is not reversible",
                interp.type_name(v)
            )))
        }
    };
    let mut items = seq;
    items.reverse();
    Ok(iterator(Iter::Seq {
        items,
        index: 0,
        name: "reversed",
    }))
}

fn enumerate(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let mut iterable = args.first().cloned();
    let mut start = args.get(1).cloned();
    for (k, v) in kwargs {
        match &**k {
            "iterable" if iterable.is_none() => iterable = Some(v.clone()),
            "start" if start.is_none() => start = Some(v.clone()),
            other => {
                return Err(interp.type_error(format!(
                    "'{other}' is an invalid keyword argument for enumerate()"
                )))
            }
        }
    }
    if args.len() > 2 {
        return Err(interp.type_error(format!(
            "enumerate() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let Some(iterable) = iterable else {
        return Err(interp.type_error("enumerate() missing required argument 'iterable'"));
    };
    let it = interp.get_iter(&iterable)?;
    let count = match start {
        None => Value::Int(0),
        Some(v) => match crate::convert::index(interp, &v)? {
            Value::Bool(b) => Value::Int(b.get() as i64),
            i => i,
        },
    };
    Ok(iterator(Iter::Enumerate { it, count }))
}

fn zip(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    if kwargs.len() > 1 {
        return Err(interp.type_error(format!(
            "zip() takes at most 1 keyword argument ({} given)",
            kwargs.len()
        )));
    }
    let mut strict = false;
    if let Some((k, v)) = kwargs.first() {
        if &**k != "strict" {
            return Err(
                interp.type_error(format!("'{k}' is an invalid keyword argument for zip()"))
            );
        }
        strict = interp.is_true(v)?;
    }
    let iters = args
        .iter()
        .map(|a| interp.get_iter(a))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(iterator(Iter::Zip {
        iters: iters.into(),
        strict,
    }))
}

fn map(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "map", kwargs)?;
    if args.len() < 2 {
        return Err(interp.type_error("map() must have at least two arguments."));
    }
    let iters = args[1..]
        .iter()
        .map(|a| interp.get_iter(a))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(iterator(Iter::Map {
        func: args[0].clone(),
        iters: iters.into(),
    }))
}

fn filter(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "filter", kwargs)?;
    arg_count(interp, "filter", args.len(), 2, 2)?;
    let it = interp.get_iter(&args[1])?;
    Ok(iterator(Iter::Filter {
        func: args[0].clone(),
        it,
    }))
}

/// min() and max(): `want_less` picks min.
fn min_max(
    interp: &mut Interpreter,
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
    want_less: bool,
) -> PyResult<Value> {
    let mut key = None;
    let mut default = None;
    for (k, v) in kwargs {
        match &**k {
            "key" => key = (!v.is_none()).then(|| v.clone()),
            "default" => default = Some(v.clone()),
            _ if kwargs.len() > 2 => {
                return Err(interp.type_error(format!(
                    "{name}() takes at most 2 keyword arguments ({} given)",
                    kwargs.len()
                )))
            }
            other => {
                return Err(interp.type_error(format!(
                    "'{other}' is an invalid keyword argument for {name}()"
                )))
            }
        }
    }
    let items = match args {
        [] => return Err(interp.type_error(format!("{name} expected at least 1 argument, got 0"))),
        [one] => interp.collect_iterable(one)?,
        _ if default.is_some() => {
            return Err(interp.type_error(format!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            )))
        }
        many => many.to_vec(),
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => interp.call(f, vec![item.clone()], Vec::new())?,
            None => item.clone(),
        };
        let better = match &best {
            None => true,
            // The first of equal items wins: only a strict improvement
            // replaces it.
            Some((bk, _)) if want_less => less_than(interp, &k, bk)?,
            Some((bk, _)) => greater_than(interp, &k, bk)?,
        };
        if better {
            best = Some((k, item));
        }
    }
    match (best, default) {
        (Some((_, v)), _) => Ok(v),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(interp.value_error(format!("{name}() arg is an empty sequence"))),
    }
}

/// `a > b` as max() asks it (the new item on the left, so that errors
/// name the operand types in CPython's order).
fn greater_than(interp: &mut Interpreter, a: &Value, b: &Value) -> PyResult<bool> {
    let simple = |v: &Value| match v {
        Value::Int(_) | Value::Bool(_) | Value::Float(_) => 1,
        Value::Obj(o) if matches!(&**o, Object::Str(_)) => 2,
        _ => 0,
    };
    if simple(a) != 0 && simple(a) == simple(b) {
        return less_than(interp, b, a);
    }
    crate::ops::compare_bool(interp, 4, a, b)
}

fn min(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    min_max(interp, "min", args, kwargs, true)
}

fn max(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    min_max(interp, "max", args, kwargs, false)
}

fn sum(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let mut start = args.get(1).cloned();
    for (k, v) in kwargs {
        match &**k {
            "start" if start.is_none() => start = Some(v.clone()),
            other => {
                return Err(interp.type_error(format!(
                    "sum() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    match args.len() {
        0 => return Err(interp.type_error("sum() takes at least 1 positional argument (0 given)")),
        1 | 2 => {}
        n => return Err(interp.type_error(format!("sum() takes at most 2 arguments ({n} given)"))),
    }
    let mut acc = start.unwrap_or(Value::Int(0));
    match acc.as_object() {
        Some(Object::Str(_)) => {
            return Err(interp.type_error("sum() can't sum strings [use ''.join(seq) instead]"))
        }
        Some(Object::Bytes(_)) => {
            return Err(interp.type_error("sum() can't sum bytes [use b''.join(seq) instead]"))
        }
        Some(Object::ByteArray(_)) => {
            return Err(interp.type_error("sum() can't sum bytearray [use b''.join(seq) instead]"))
        }
        _ => {}
    }
    let it = interp.get_iter(&args[0])?;
    while let Some(item) = interp.next(&it)? {
        acc = match (&acc, &item) {
            (Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => {
                Value::Int(a.wrapping_add(*b))
            }
            (Value::Float(a), Value::Float(b)) => Value::float(a.get() + b.get()),
            (Value::Float(a), Value::Int(b)) => Value::float(a.get() + *b as f64),
            (Value::Int(a), Value::Float(b)) => Value::float(*a as f64 + b.get()),
            _ => crate::ops::binary_op(interp, 0, &acc, &item)?,
        };
    }
    Ok(acc)
}

fn any(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "any", kwargs)?;
    let v = exactly_one(interp, "any", args)?.clone();
    let it = interp.get_iter(&v)?;
    while let Some(item) = interp.next(&it)? {
        if interp.is_true(&item)? {
            return Ok(Value::bool(true));
        }
    }
    Ok(Value::bool(false))
}

fn all(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "all", kwargs)?;
    let v = exactly_one(interp, "all", args)?.clone();
    let it = interp.get_iter(&v)?;
    while let Some(item) = interp.next(&it)? {
        if !interp.is_true(&item)? {
            return Ok(Value::bool(false));
        }
    }
    Ok(Value::bool(true))
}

fn is_callable(v: &Value) -> bool {
    matches!(
        v.as_object(),
        Some(Object::Function(_) | Object::Builtin(_) | Object::Type(_))
    )
}

fn iter(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "iter", kwargs)?;
    arg_count(interp, "iter", args.len(), 1, 2)?;
    match args {
        [v] => interp.get_iter(v),
        [func, sentinel] => {
            if !is_callable(func) {
                return Err(interp.type_error("iter(v, w): v must be callable"));
            }
            Ok(iterator(Iter::Callable {
                func: func.clone(),
                sentinel: sentinel.clone(),
            }))
        }
        _ => Err(interp.type_error("iter expected at most 2 arguments")),
    }
}

fn next(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "next", kwargs)?;
    arg_count(interp, "next", args.len(), 1, 2)?;
    // The iterator's own StopIteration (an instance's, a generator's
    // return value, one from the function `map` calls) keeps its value,
    // unless there is a default.
    match (interp.iter_next(&args[0]), args.get(1)) {
        (Ok(Some(v)), _) => Ok(v),
        (Ok(None), Some(d)) => Ok(d.clone()),
        (Ok(None), None) => Err(interp.stop_iteration(Value::None)),
        (Err(e), Some(d)) if interp.is_instance_of(&e.0, "StopIteration") => Ok(d.clone()),
        (Err(e), _) => Err(e),
    }
}

// ----- constructors --------------------------------------------------------------

/// Construct an instance of `t` if this module owns its constructor.
pub fn construct(
    interp: &mut Interpreter,
    t: &Rc<TypeObject>,
    args: &[Value],
    kwargs: &Kwargs,
) -> Option<PyResult<Value>> {
    let name = &*t.name;
    Some(match t.kind {
        TypeKind::List => one_iterable(interp, name, args, kwargs)
            .map(|items| Value::obj(Object::List(RefCell::new(items)))),
        TypeKind::Tuple => one_iterable(interp, name, args, kwargs)
            .map(|items| Value::obj(Object::Tuple(items.into()))),
        TypeKind::Set => one_iterable(interp, name, args, kwargs)
            .and_then(|items| crate::methods::set::dict_of(interp, items))
            .map(|d| Value::obj(Object::Set(RefCell::new(d)))),
        TypeKind::FrozenSet => {
            // frozenset(f) of a frozenset is f itself.
            if let [v] = args {
                if kwargs.is_empty() && matches!(v.as_object(), Some(Object::FrozenSet(_))) {
                    return Some(Ok(v.clone()));
                }
            }
            one_iterable(interp, name, args, kwargs)
                .and_then(|items| crate::methods::set::dict_of(interp, items))
                .map(|d| Value::obj(Object::FrozenSet(d)))
        }
        TypeKind::Dict => make_dict(interp, args, kwargs),
        TypeKind::Range => make_range(interp, args, kwargs),
        TypeKind::Slice => make_slice(interp, args, kwargs),
        TypeKind::Iterator => {
            let (_, make) = ITERATOR_TYPES.iter().find(|(n, _)| *n == name)?;
            make(interp, args, kwargs)
        }
        _ => return None,
    })
}

/// The items of the optional single iterable argument of list(),
/// tuple(), set(), frozenset().
fn one_iterable(
    interp: &mut Interpreter,
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Vec<Value>> {
    no_kwargs(interp, name, kwargs)?;
    arg_count(interp, name, args.len(), 0, 1)?;
    match args.first() {
        Some(v) => interp.collect_iterable(v),
        None => Ok(Vec::new()),
    }
}

fn make_dict(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    arg_count(interp, "dict", args.len(), 0, 1)?;
    let d = RefCell::new(Dict::new());
    if let Some(src) = args.first() {
        crate::methods::dict::update_from(interp, &d, src)?;
    }
    crate::methods::dict::update_kwargs(interp, &d, kwargs)?;
    Ok(Value::obj(Object::Dict(d)))
}

fn make_range(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "range", kwargs)?;
    arg_count(interp, "range", args.len(), 1, 3)?;
    // Inline ints (the usual case) need no BigInt.
    let small = match *args {
        [Value::Int(stop)] => Some((0, stop, 1)),
        [Value::Int(start), Value::Int(stop)] => Some((start, stop, 1)),
        [Value::Int(start), Value::Int(stop), Value::Int(step)] if step != 0 => {
            Some((start, stop, step))
        }
        _ => None,
    };
    if let Some((start, stop, step)) = small {
        let r = Range { start, stop, step };
        if r.len_u64() <= i64::MAX as u64 {
            return Ok(Value::obj(Object::Range(r)));
        }
    }
    let ints = args
        .iter()
        .map(|a| crate::convert::index_bigint(interp, a))
        .collect::<PyResult<Vec<BigInt>>>()?;
    let (start, stop, step) = match <[BigInt; 3]>::try_from(ints) {
        Ok([start, stop, step]) => (start, stop, step),
        Err(ints) => {
            let mut ints = ints.into_iter();
            let (a, b) = (ints.next().unwrap_or_default(), ints.next());
            match b {
                Some(stop) => (a, stop, BigInt::one()),
                None => (BigInt::zero(), a, BigInt::one()),
            }
        }
    };
    if step.is_zero() {
        return Err(interp.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::obj(crate::range::make(start, stop, step)))
}

// ----- slice and range objects ----------------------------------------------------

/// `slice(stop)`, `slice(start, stop[, step])`.
pub fn make_slice(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "slice", kwargs)?;
    arg_count(interp, "slice", args.len(), 1, 3)?;
    let (start, stop, step) = match args {
        [stop] => (Value::None, stop.clone(), Value::None),
        [start, stop] => (start.clone(), stop.clone(), Value::None),
        [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
        _ => (Value::None, Value::None, Value::None),
    };
    Ok(Value::obj(Object::Slice(start, stop, step)))
}

pub const SLICE_METHODS: &[(&str, BuiltinFn)] = &[("indices", slice_indices)];

pub const RANGE_METHODS: &[(&str, BuiltinFn)] = &[("index", range_index), ("count", range_count)];

/// A slice part for `indices`: None, or an int (any size).
fn slice_bound(interp: &mut Interpreter, v: &Value) -> PyResult<Option<BigInt>> {
    if v.is_none() {
        return Ok(None);
    }
    match crate::convert::try_index(interp, v)? {
        Some(i) => Ok(crate::num::int_value(&i)),
        None => {
            Err(interp
                .type_error("slice indices must be integers or None or have an __index__ method"))
        }
    }
}

/// `slice.indices(length)`: CPython's _PySlice_GetLongIndices.
fn slice_indices(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs(interp, "slice.indices", kwargs)?;
    let (Some(Object::Slice(start, stop, step)), [len]) = (
        args.first().and_then(|s| s.as_object()),
        args.get(1..).unwrap_or(&[]),
    ) else {
        return Err(interp.type_error(format!(
            "slice.indices() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    };
    let length = crate::convert::index_bigint(interp, len)?;
    if length.is_negative() {
        return Err(interp.value_error("length should not be negative"));
    }
    let (start, stop, step) = long_slice_indices(interp, start, stop, step, &length)?;
    let items = vec![
        Value::from_bigint(start),
        Value::from_bigint(stop),
        Value::from_bigint(step),
    ];
    Ok(Value::obj(Object::Tuple(items.into())))
}

/// CPython's _PySlice_GetLongIndices: a slice's start, stop and step for a
/// sequence of `length` items (ints of any size).
pub fn long_slice_indices(
    interp: &mut Interpreter,
    start: &Value,
    stop: &Value,
    step: &Value,
    length: &BigInt,
) -> PyResult<(BigInt, BigInt, BigInt)> {
    let step = match slice_bound(interp, step)? {
        None => BigInt::one(),
        Some(s) if s.is_zero() => return Err(interp.value_error("slice step cannot be zero")),
        Some(s) => s,
    };
    let negative = step.is_negative();
    let (lower, upper) = if negative {
        (BigInt::from(-1), length - 1)
    } else {
        (BigInt::zero(), length.clone())
    };
    let adjust = |v: Option<BigInt>, default: &BigInt| -> BigInt {
        let Some(mut v) = v else {
            return default.clone();
        };
        if v.is_negative() {
            v += length;
            if v < lower {
                v = lower.clone();
            }
        } else if v > upper {
            v = upper.clone();
        }
        v
    };
    let (start_default, stop_default) = if negative {
        (&upper, &lower)
    } else {
        (&lower, &upper)
    };
    let start = adjust(slice_bound(interp, start)?, start_default);
    let stop = adjust(slice_bound(interp, stop)?, stop_default);
    Ok((start, stop, step))
}

/// The position of the int `v` in range `r`, if it is there.
fn range_position(r: &Value, v: &Value) -> Option<BigInt> {
    let r = r.as_object()?;
    if let (Object::Range(r), Some(Some(x))) = (r, crate::num::small_int(v)) {
        let (start, step) = (r.start as i128, r.step as i128);
        let offset = x as i128 - start;
        let pos = offset / step;
        return (offset % step == 0 && pos >= 0 && pos < r.len() as i128)
            .then(|| BigInt::from(pos));
    }
    crate::range::parts(r)?.position(&crate::num::int_value(v)?)
}

/// The range a method is bound to and its one argument.
fn range_and_arg<'a>(
    interp: &Interpreter,
    name: &str,
    args: &'a [Value],
    kwargs: &Kwargs,
) -> PyResult<(&'a Value, &'a Value)> {
    no_kwargs(interp, &format!("range.{name}"), kwargs)?;
    match (args.first(), args.get(1..)) {
        (Some(r), Some([v]))
            if matches!(r.as_object(), Some(Object::Range(_) | Object::BigRange(_))) =>
        {
            Ok((r, v))
        }
        _ => Err(interp.type_error(format!(
            "range.{name}() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        ))),
    }
}

/// CPython's _PySequence_IterSearch for values that are not ints: iterate
/// the range comparing with ==; the first position (`first`), or the count.
fn range_search(
    interp: &mut Interpreter,
    r: &Value,
    v: &Value,
    first: bool,
) -> PyResult<Option<i64>> {
    let it = interp.get_iter(r)?;
    let (mut pos, mut count) = (0i64, 0i64);
    while let Some(item) = interp.next(&it)? {
        if crate::ops::compare_bool(interp, 2, &item, v)? {
            if first {
                return Ok(Some(pos));
            }
            count += 1;
        }
        pos += 1;
    }
    Ok((!first).then_some(count))
}

fn is_int(v: &Value) -> bool {
    crate::num::int_value(v).is_some()
}

fn range_index(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (r, v) = range_and_arg(interp, "index", args, kwargs)?;
    if !is_int(v) {
        return match range_search(interp, r, v, true)? {
            Some(p) => Ok(Value::Int(p)),
            None => Err(interp.value_error("sequence.index(x): x not in sequence")),
        };
    }
    match range_position(r, v) {
        Some(p) => Ok(Value::from_bigint(p)),
        None => {
            let text = crate::format::repr(interp, v)?;
            Err(interp.value_error(format!("{text} is not in range")))
        }
    }
}

fn range_count(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (r, v) = range_and_arg(interp, "count", args, kwargs)?;
    if is_int(v) {
        return Ok(Value::Int(range_position(r, v).is_some() as i64));
    }
    Ok(Value::Int(range_search(interp, r, v, false)?.unwrap_or(0)))
}
