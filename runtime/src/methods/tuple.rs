//! Methods of `tuple` objects (the bound object is `args[0]`).

use std::rc::Rc;

use crate::error::PyResult;
use crate::methods::list::{items_eq, slice_index};
use crate::object::{BuiltinFn, Object};
use crate::value::Value;
use crate::Interpreter;

type Kwargs = [(Rc<str>, Value)];

pub const METHODS: &[(&str, BuiltinFn)] = &[("index", index), ("count", count)];

fn items(args: &[Value]) -> &[Value] {
    match args.first().and_then(|v| v.as_object()) {
        Some(Object::Tuple(t)) => t,
        _ => &[],
    }
}

fn index(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "tuple", args, "index", kw)?;
    match args.len() {
        0 | 1 => return Err(interp.type_error("index expected at least 1 argument, got 0")),
        2..=4 => {}
        n => {
            return Err(
                interp.type_error(format!("index expected at most 3 arguments, got {}", n - 1))
            )
        }
    }
    let t = items(args);
    let start = match args.get(2) {
        Some(v) => slice_index(interp, v, t.len())?,
        None => 0,
    };
    let stop = match args.get(3) {
        Some(v) => slice_index(interp, v, t.len())?,
        None => t.len(),
    };
    for (i, item) in t.iter().enumerate().take(stop).skip(start) {
        if items_eq(interp, item, &args[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(interp.value_error("tuple.index(x): x not in tuple"))
}

fn count(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "tuple", args, "count", kw)?;
    let [_, x] = args else {
        return Err(interp.type_error(format!(
            "tuple.count() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    };
    let mut n = 0;
    for item in items(args) {
        if items_eq(interp, item, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}
