//! The numeric conversion protocols of CPython's Objects/abstract.c, for
//! values of built-in types and instances of classes alike:
//! `__index__` (PyNumber_Index, which every place needing an integer
//! index goes through), `__int__` (PyNumber_Long), `__float__`
//! (PyNumber_Float and PyFloat_AsDouble) and `__complex__`, with
//! CPython's messages when a method is missing or returns the wrong type.

use num_bigint::BigInt;

use crate::error::PyResult;
use crate::num::{self, as_num, Num};
use crate::object::Object;
use crate::value::Value;
use crate::Interpreter;

/// Is `v` an int (bools and big ints included)?
pub fn is_int(v: &Value) -> bool {
    matches!(as_num(v), Some(Num::Int(_) | Num::Big(_)))
}

/// CPython's PyNumber_Index: an int as it is, or what an instance's
/// `__index__` returns (which must be an int); None when `v` has no
/// `__index__`, so that each caller can raise its own TypeError.
pub fn try_index(interp: &mut Interpreter, v: &Value) -> PyResult<Option<Value>> {
    if is_int(v) {
        // An instance of a subclass of int: the int it carries.
        return Ok(Some(crate::class::base_value(v).unwrap_or(v).clone()));
    }
    let Some(r) = crate::class::call_dunder(interp, v, "__index__", Vec::new()) else {
        return Ok(crate::class::base_value(v).filter(|b| is_int(b)).cloned());
    };
    let r = r?;
    if !is_int(&r) {
        return Err(returned_wrong_type(interp, "__index__", "int", &r));
    }
    Ok(Some(r))
}

/// `operator.index(v)`: an int, else "'T' object cannot be interpreted
/// as an integer".
pub fn index(interp: &mut Interpreter, v: &Value) -> PyResult<Value> {
    match try_index(interp, v)? {
        Some(i) => Ok(i),
        None => Err(not_an_integer(interp, v)),
    }
}

/// `index(v)` as a BigInt.
pub fn index_bigint(interp: &mut Interpreter, v: &Value) -> PyResult<BigInt> {
    let i = index(interp, v)?;
    Ok(num::int_value(&i).unwrap_or_default())
}

/// CPython's _PyEval_SliceIndex: a slice bound or start/end argument,
/// None for None, ints beyond i64 clamped to its range.
pub fn slice_index(interp: &mut Interpreter, v: &Value) -> PyResult<Option<i64>> {
    if v.is_none() {
        return Ok(None);
    }
    match try_index(interp, v)? {
        Some(i) => Ok(Some(clamped(&i))),
        None => {
            Err(interp
                .type_error("slice indices must be integers or None or have an __index__ method"))
        }
    }
}

/// CPython's _PyEval_SliceIndexNotNone (`list.index`'s start and stop).
pub fn slice_index_not_none(interp: &mut Interpreter, v: &Value) -> PyResult<i64> {
    match try_index(interp, v)? {
        Some(i) => Ok(clamped(&i)),
        None => {
            Err(interp.type_error("slice indices must be integers or have an __index__ method"))
        }
    }
}

/// An int clamped to i64's range.
fn clamped(i: &Value) -> i64 {
    match as_num(i) {
        Some(Num::Int(i)) => i,
        Some(Num::Big(b)) if b.sign() == num_bigint::Sign::Minus => i64::MIN,
        _ => i64::MAX,
    }
}

pub fn not_an_integer(interp: &Interpreter, v: &Value) -> crate::error::PyErr {
    interp.type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        interp.type_name(v)
    ))
}

/// "__int__ returned non-int (type str)" and the like.
fn returned_wrong_type(
    interp: &Interpreter,
    method: &str,
    expected: &str,
    got: &Value,
) -> crate::error::PyErr {
    interp.type_error(format!(
        "{method} returned non-{expected} (type {})",
        interp.type_name(got)
    ))
}

/// `int(obj)` for an instance: `__int__`, then `__index__`, then
/// `__trunc__` (whose result must be an int or have `__index__`). None
/// when the instance has none of them.
pub fn int_of_instance(interp: &mut Interpreter, v: &Value) -> Option<PyResult<Value>> {
    if let Some(r) = crate::class::call_dunder(interp, v, "__int__", Vec::new()) {
        return Some(r.and_then(|r| match is_int(&r) {
            true => Ok(r),
            false => Err(returned_wrong_type(interp, "__int__", "int", &r)),
        }));
    }
    if crate::class::has_dunder(v, "__index__") {
        return Some(index(interp, v));
    }
    let r = crate::class::call_dunder(interp, v, "__trunc__", Vec::new())?;
    Some(r.and_then(|r| match try_index(interp, &r)? {
        Some(i) => Ok(i),
        None => Err(interp.type_error(format!(
            "__trunc__ returned non-Integral (type {})",
            interp.type_name(&r)
        ))),
    }))
}

/// `float(obj)` for an instance: `__float__` (which must return a
/// float), then `__index__`. None when it has neither.
pub fn float_of_instance(interp: &mut Interpreter, v: &Value) -> Option<PyResult<f64>> {
    if let Some(r) = crate::class::call_dunder(interp, v, "__float__", Vec::new()) {
        return Some(r.and_then(|r| match r {
            Value::Float(f) => Ok(f.get()),
            other => Err(interp.type_error(format!(
                "{}.__float__ returned non-float (type {})",
                interp.type_name(v),
                interp.type_name(&other)
            ))),
        }));
    }
    let i = try_index(interp, v).transpose()?;
    Some(i.and_then(|i| match as_num(&i) {
        Some(n) => num::to_f64(interp, n),
        None => Ok(0.0),
    }))
}

/// CPython's PyFloat_AsDouble: a float from a real number or an instance
/// with `__float__` or `__index__`; None for anything else.
pub fn to_f64(interp: &mut Interpreter, v: &Value) -> PyResult<Option<f64>> {
    match as_num(v) {
        Some(Num::Complex(..)) => Ok(None),
        Some(n) => num::to_f64(interp, n).map(Some),
        None => float_of_instance(interp, v).transpose(),
    }
}

/// An instance's `__complex__()`, which must return a complex; None when
/// it has none (`complex()` then tries `__float__` and `__index__`).
pub fn complex_of_instance(interp: &mut Interpreter, v: &Value) -> Option<PyResult<(f64, f64)>> {
    let r = crate::class::call_dunder(interp, v, "__complex__", Vec::new())?;
    Some(r.and_then(|r| match r.as_object() {
        Some(Object::Complex(re, im)) => Ok((*re, *im)),
        _ => Err(returned_wrong_type(interp, "__complex__", "complex", &r)),
    }))
}
