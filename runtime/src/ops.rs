//! Operators on built-in types: arithmetic, comparison, containment and
//! subscripting, with CPython's semantics and error messages.

use pyrite_compiler::opcode::Op;

use crate::error::PyResult;
use crate::value::Value;
use crate::Interpreter;

/// BINARY_OP with argument `op` (NB_* in `pyrite_compiler::opcode::nb`).
pub fn binary_op(interp: &mut Interpreter, op: u32, a: &Value, b: &Value) -> PyResult<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) if op == 0 || op == 13 => match x.checked_add(*y) {
            Some(r) => Ok(Value::Int(r)),
            None => Ok(Value::from_bigint(num_bigint::BigInt::from(*x) + *y)),
        },
        (Value::Int(x), Value::Int(y)) if op == 10 || op == 23 => match x.checked_sub(*y) {
            Some(r) => Ok(Value::Int(r)),
            None => Ok(Value::from_bigint(num_bigint::BigInt::from(*x) - *y)),
        },
        _ => Err(interp.type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            pyrite_compiler::opcode::BINARY_OPS[op as usize % 26],
            interp.type_name(a),
            interp.type_name(b)
        ))),
    }
}

/// UNARY_NEGATIVE, UNARY_POSITIVE, UNARY_INVERT.
pub fn unary_op(interp: &mut Interpreter, op: Op, a: &Value) -> PyResult<Value> {
    match (op, a) {
        (Op::UNARY_NEGATIVE, Value::Int(x)) => Ok(Value::Int(-x)),
        _ => Err(interp.type_error(format!(
            "bad operand type for unary: '{}'",
            interp.type_name(a)
        ))),
    }
}

/// COMPARE_OP with argument `op` (index into `dis.cmp_op`).
pub fn compare(interp: &mut Interpreter, op: u32, a: &Value, b: &Value) -> PyResult<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(Value::Bool(match op {
            0 => x < y,
            1 => x <= y,
            2 => x == y,
            3 => x != y,
            4 => x > y,
            _ => x >= y,
        })),
        _ => Ok(Value::Bool(match op {
            2 => crate::hash::key_eq(a, b),
            3 => !crate::hash::key_eq(a, b),
            _ => {
                return Err(interp.type_error(format!(
                    "'{}' not supported between instances of '{}' and '{}'",
                    pyrite_compiler::opcode::CMP_OP[op as usize % 6],
                    interp.type_name(a),
                    interp.type_name(b)
                )))
            }
        })),
    }
}

/// `item in container`.
pub fn contains(interp: &mut Interpreter, container: &Value, item: &Value) -> PyResult<bool> {
    let items = interp.collect_iterable(container)?;
    Ok(items.iter().any(|v| crate::hash::key_eq(v, item)))
}

/// `container[key]`.
pub fn getitem(interp: &mut Interpreter, container: &Value, key: &Value) -> PyResult<Value> {
    Err(interp.type_error(format!(
        "'{}' object is not subscriptable ({})",
        interp.type_name(container),
        interp.type_name(key)
    )))
}

/// `container[key] = value`.
pub fn setitem(
    interp: &mut Interpreter,
    container: &Value,
    key: &Value,
    value: Value,
) -> PyResult<()> {
    let _ = (key, value);
    Err(interp.type_error(format!(
        "'{}' object does not support item assignment",
        interp.type_name(container)
    )))
}

/// `del container[key]`.
pub fn delitem(interp: &mut Interpreter, container: &Value, key: &Value) -> PyResult<()> {
    let _ = key;
    Err(interp.type_error(format!(
        "'{}' object does not support item deletion",
        interp.type_name(container)
    )))
}
