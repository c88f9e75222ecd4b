//! Methods of `list` objects (the bound object is `args[0]`), and the
//! helpers other containers share: equality and `<` of items, integer
//! arguments, and the stable sort used by `list.sort` and `sorted`.

use std::rc::Rc;

use crate::error::PyResult;
use crate::object::{BuiltinFn, Object};
use crate::value::Value;
use crate::Interpreter;

type Kwargs = [(Rc<str>, Value)];

pub const METHODS: &[(&str, BuiltinFn)] = &[
    ("append", append),
    ("extend", extend),
    ("insert", insert),
    ("remove", remove),
    ("pop", pop),
    ("clear", clear),
    ("index", index),
    ("count", count),
    ("reverse", reverse),
    ("copy", copy),
    ("sort", sort),
];

// ----- shared helpers ---------------------------------------------------------

/// `a == b` as `list.index`/`count`/`in` see it: identity first, then `==`.
pub fn items_eq(interp: &mut Interpreter, a: &Value, b: &Value) -> PyResult<bool> {
    if a.is(b) && !matches!(a, Value::Float(f) if f.get().is_nan()) {
        return Ok(true);
    }
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x == y),
        _ => {
            let r = crate::ops::compare(interp, 2, a, b)?;
            interp.is_true(&r)
        }
    }
}

/// `a < b`, with fast paths for the common same-type cases.
pub fn less_than(interp: &mut Interpreter, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x < y),
        (Value::Bool(x), Value::Bool(y)) => Ok(!x.get() & y.get()),
        (Value::Bool(x), Value::Int(y)) => Ok((x.get() as i64) < *y),
        (Value::Int(x), Value::Bool(y)) => Ok(*x < (y.get() as i64)),
        (Value::Float(x), Value::Float(y)) => Ok(x.get() < y.get()),
        (Value::Int(x), Value::Float(y)) if x.unsigned_abs() < 1 << 53 => Ok((*x as f64) < y.get()),
        (Value::Float(x), Value::Int(y)) if y.unsigned_abs() < 1 << 53 => Ok(x.get() < (*y as f64)),
        _ => {
            if let (Some(Object::Str(x)), Some(Object::Str(y))) = (a.as_object(), b.as_object()) {
                // UTF-8 byte order is code point order.
                return Ok(x.as_str() < y.as_str());
            }
            let r = crate::ops::compare(interp, 0, a, b)?;
            interp.is_true(&r)
        }
    }
}

/// A slice index (`list.index`'s start/stop), clamped to `0..=len`.
pub fn slice_index(interp: &mut Interpreter, v: &Value, len: usize) -> PyResult<usize> {
    let i = crate::convert::slice_index_not_none(interp, v)?;
    let len = len as i64;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    Ok(i as usize)
}

/// Sort `items` stably by `<` of their keys (CPython calls the key once
/// per item, then compares keys only with `<`). `reverse` keeps equal
/// items in their original order, as CPython does by reversing around
/// the sort. Comparison errors propagate, leaving `items` unchanged.
pub fn sort_values(
    interp: &mut Interpreter,
    items: &mut Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<()> {
    let keys = match key {
        Some(f) => {
            let mut keys = Vec::with_capacity(items.len());
            for it in items.iter() {
                keys.push(interp.call(f, vec![it.clone()], Vec::new())?);
            }
            keys
        }
        None => items.clone(),
    };
    let mut order: Vec<usize> = (0..items.len()).collect();
    if reverse {
        order.reverse();
    }
    merge_sort(interp, &keys, &mut order)?;
    if reverse {
        order.reverse();
    }
    let sorted: Vec<Value> = order
        .iter()
        .filter_map(|&i| items.get(i).cloned())
        .collect();
    *items = sorted;
    Ok(())
}

/// A stable merge sort of indexes into `keys`, comparing with `<` only.
fn merge_sort(interp: &mut Interpreter, keys: &[Value], order: &mut [usize]) -> PyResult<()> {
    if order.len() <= 8 {
        return insertion_sort(interp, keys, order);
    }
    let mid = order.len() / 2;
    merge_sort(interp, keys, &mut order[..mid])?;
    merge_sort(interp, keys, &mut order[mid..])?;
    let (left, right) = order.split_at(mid);
    let mut merged = Vec::with_capacity(order.len());
    let (mut i, mut j) = (0, 0);
    while i < left.len() && j < right.len() {
        // Take from the right only when strictly smaller: stability.
        if less_than(interp, &keys[right[j]], &keys[left[i]])? {
            merged.push(right[j]);
            j += 1;
        } else {
            merged.push(left[i]);
            i += 1;
        }
    }
    merged.extend_from_slice(&left[i..]);
    merged.extend_from_slice(&right[j..]);
    order.copy_from_slice(&merged);
    Ok(())
}

fn insertion_sort(interp: &mut Interpreter, keys: &[Value], order: &mut [usize]) -> PyResult<()> {
    for i in 1..order.len() {
        let mut j = i;
        while j > 0 && less_than(interp, &keys[order[j]], &keys[order[j - 1]])? {
            order.swap(j, j - 1);
            j -= 1;
        }
    }
    Ok(())
}

// ----- methods -------------------------------------------------------------------

/// The list a method is bound to.
fn this<'a>(interp: &Interpreter, args: &'a [Value], name: &str) -> PyResult<&'a Object> {
    match args.first().and_then(|v| v.as_object()) {
        Some(o @ Object::List(_)) => Ok(o),
        _ => Err(interp.type_error(format!(
            "descriptor '{name}' for 'list' objects doesn't apply to this object"
        ))),
    }
}

fn list_of<'a>(
    interp: &Interpreter,
    args: &'a [Value],
    name: &str,
) -> PyResult<&'a std::cell::RefCell<Vec<Value>>> {
    match this(interp, args, name)? {
        Object::List(l) => Ok(l),
        _ => Err(interp.type_error("expected a list")),
    }
}

fn exactly_one(interp: &Interpreter, name: &str, args: &[Value]) -> PyResult<()> {
    if args.len() == 2 {
        return Ok(());
    }
    Err(interp.type_error(format!(
        "list.{name}() takes exactly one argument ({} given)",
        args.len().saturating_sub(1)
    )))
}

fn no_args(interp: &Interpreter, name: &str, args: &[Value]) -> PyResult<()> {
    if args.len() == 1 {
        return Ok(());
    }
    Err(interp.type_error(format!(
        "list.{name}() takes no arguments ({} given)",
        args.len().saturating_sub(1)
    )))
}

fn append(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "list", args, "append", kw)?;
    exactly_one(interp, "append", args)?;
    list_of(interp, args, "append")?
        .borrow_mut()
        .push(args[1].clone());
    Ok(Value::None)
}

fn extend(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "list", args, "extend", kw)?;
    exactly_one(interp, "extend", args)?;
    let items = interp.collect_iterable(&args[1])?;
    list_of(interp, args, "extend")?.borrow_mut().extend(items);
    Ok(Value::None)
}

fn insert(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "list", args, "insert", kw)?;
    if args.len() != 3 {
        return Err(interp.type_error(format!(
            "insert expected 2 arguments, got {}",
            args.len().saturating_sub(1)
        )));
    }
    let i = crate::builtins::text::index_arg(interp, &args[1])?;
    let mut l = list_of(interp, args, "insert")?.borrow_mut();
    let n = l.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    l.insert(at as usize, args[2].clone());
    Ok(Value::None)
}

/// The position of the first item equal to `x` in `l[start..stop]`.
fn find(
    interp: &mut Interpreter,
    l: &std::cell::RefCell<Vec<Value>>,
    x: &Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    // Re-read the list each step: `==` may run code that changes it.
    while i < stop {
        let Some(item) = l.borrow().get(i).cloned() else {
            break;
        };
        if items_eq(interp, &item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn remove(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "list", args, "remove", kw)?;
    exactly_one(interp, "remove", args)?;
    let l = list_of(interp, args, "remove")?;
    match find(interp, l, &args[1], 0, usize::MAX)? {
        Some(i) if i < l.borrow().len() => {
            l.borrow_mut().remove(i);
            Ok(Value::None)
        }
        _ => Err(interp.value_error("list.remove(x): x not in list")),
    }
}

fn pop(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "list", args, "pop", kw)?;
    if args.len() > 2 {
        return Err(interp.type_error(format!(
            "pop expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let i = match args.get(1) {
        Some(v) => crate::builtins::text::index_arg(interp, v)?,
        None => -1,
    };
    let mut l = list_of(interp, args, "pop")?.borrow_mut();
    if l.is_empty() {
        return Err(interp.err("IndexError", "pop from empty list"));
    }
    let n = l.len() as i64;
    let at = if i < 0 { i + n } else { i };
    if at < 0 || at >= n {
        return Err(interp.err("IndexError", "pop index out of range"));
    }
    Ok(l.remove(at as usize))
}

fn clear(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "list", args, "clear", kw)?;
    no_args(interp, "clear", args)?;
    // Drop the items after releasing the borrow.
    let old = std::mem::take(&mut *list_of(interp, args, "clear")?.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn index(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "list", args, "index", kw)?;
    match args.len() {
        0 | 1 => {
            return Err(interp.type_error("index expected at least 1 argument, got 0"));
        }
        2..=4 => {}
        n => {
            return Err(
                interp.type_error(format!("index expected at most 3 arguments, got {}", n - 1))
            )
        }
    }
    let l = list_of(interp, args, "index")?;
    let len = l.borrow().len();
    let start = match args.get(2) {
        Some(v) => slice_index(interp, v, len)?,
        None => 0,
    };
    let stop = match args.get(3) {
        Some(v) => slice_index(interp, v, len)?,
        None => len,
    };
    match find(interp, l, &args[1], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = crate::format::repr(interp, &args[1])?;
            Err(interp.value_error(format!("{r} is not in list")))
        }
    }
}

fn count(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "list", args, "count", kw)?;
    exactly_one(interp, "count", args)?;
    let l = list_of(interp, args, "count")?;
    let mut n = 0;
    let mut i = 0;
    loop {
        let Some(item) = l.borrow().get(i).cloned() else {
            break;
        };
        if items_eq(interp, &item, &args[1])? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

fn reverse(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "list", args, "reverse", kw)?;
    no_args(interp, "reverse", args)?;
    list_of(interp, args, "reverse")?.borrow_mut().reverse();
    Ok(Value::None)
}

fn copy(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "list", args, "copy", kw)?;
    no_args(interp, "copy", args)?;
    let items = list_of(interp, args, "copy")?.borrow().clone();
    Ok(Value::obj(Object::List(std::cell::RefCell::new(items))))
}

/// The `key=` and `reverse=` arguments of `sort` and `sorted`.
pub fn sort_options(
    interp: &mut Interpreter,
    name: &str,
    kwargs: &Kwargs,
) -> PyResult<(Option<Value>, bool)> {
    let mut key = None;
    let mut reverse = false;
    for (k, v) in kwargs {
        match &**k {
            "key" => key = (!v.is_none()).then(|| v.clone()),
            "reverse" => reverse = crate::builtins::text::index_arg(interp, v)? != 0,
            other => {
                return Err(interp.type_error(format!(
                    "'{other}' is an invalid keyword argument for {name}()"
                )))
            }
        }
    }
    Ok((key, reverse))
}

fn sort(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(interp.type_error("sort() takes no positional arguments"));
    }
    let (key, reverse) = sort_options(interp, "sort", kwargs)?;
    let l = list_of(interp, args, "sort")?;
    // As in CPython, the list is empty while it is being sorted, so key
    // functions and comparisons cannot observe it half sorted.
    let mut items = std::mem::take(&mut *l.borrow_mut());
    let result = sort_values(interp, &mut items, key.as_ref(), reverse);
    let meddled = std::mem::replace(&mut *l.borrow_mut(), items);
    result?;
    if !meddled.is_empty() {
        return Err(interp.value_error("list modified during sort"));
    }
    Ok(Value::None)
}
