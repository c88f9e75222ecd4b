//! Methods of `int` objects (the bound object is `args[0]`).

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, Zero};

use crate::error::PyResult;
use crate::num::{int_value, overflow};
use crate::object::{BuiltinFn, Object};
use crate::value::Value;
use crate::Interpreter;

type Kwargs = [(std::rc::Rc<str>, Value)];

pub const METHODS: &[(&str, BuiltinFn)] = &[
    ("bit_length", bit_length),
    ("bit_count", bit_count),
    ("conjugate", conjugate),
    ("to_bytes", to_bytes),
    ("as_integer_ratio", as_integer_ratio),
];

/// The bound int of a no-argument method.
fn this(interp: &Interpreter, name: &str, args: &[Value]) -> PyResult<BigInt> {
    match args {
        [v] => int_value(v).ok_or_else(|| {
            interp.type_error(format!(
                "descriptor '{name}' for 'int' objects doesn't apply to a '{}' object",
                interp.type_name(v)
            ))
        }),
        _ => Err(interp.type_error(format!(
            "int.{name}() takes no arguments ({} given)",
            args.len().saturating_sub(1)
        ))),
    }
}

fn bit_length(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "int", args, "bit_length", kw)?;
    Ok(Value::Int(this(interp, "bit_length", args)?.bits() as i64))
}

fn bit_count(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "int", args, "bit_count", kw)?;
    let n = this(interp, "bit_count", args)?;
    let ones: u32 = n.magnitude().iter_u32_digits().map(u32::count_ones).sum();
    Ok(Value::Int(ones as i64))
}

fn conjugate(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "int", args, "conjugate", kw)?;
    Ok(Value::from_bigint(this(interp, "conjugate", args)?))
}

fn as_integer_ratio(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "int", args, "as_integer_ratio", kw)?;
    let n = this(interp, "as_integer_ratio", args)?;
    Ok(Value::obj(Object::Tuple(
        vec![Value::from_bigint(n), Value::Int(1)].into(),
    )))
}

/// Argument `name` at position `pos` (after the bound object, if any) or
/// by keyword.
fn arg<'a>(args: &'a [Value], kwargs: &'a Kwargs, pos: usize, name: &str) -> Option<&'a Value> {
    args.get(pos)
        .or_else(|| kwargs.iter().find(|(k, _)| &**k == name).map(|(_, v)| v))
}

/// 'little' or 'big' (default 'big').
fn byteorder(interp: &mut Interpreter, v: Option<&Value>) -> PyResult<bool> {
    let Some(v) = v else { return Ok(false) };
    match v.as_object() {
        Some(Object::Str(s)) if s.as_str() == "little" => Ok(true),
        Some(Object::Str(s)) if s.as_str() == "big" => Ok(false),
        Some(Object::Str(_)) => {
            Err(interp.value_error("byteorder must be either 'little' or 'big'"))
        }
        _ => Err(interp.type_error(format!(
            "to_bytes() argument 'byteorder' must be str, not {}",
            interp.type_name(v)
        ))),
    }
}

fn signed_flag(interp: &mut Interpreter, kwargs: &Kwargs) -> PyResult<bool> {
    match kwargs.iter().find(|(k, _)| &**k == "signed") {
        Some((_, v)) => interp.is_true(&v.clone()),
        None => Ok(false),
    }
}

/// int.to_bytes(length=1, byteorder='big', *, signed=False)
fn to_bytes(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let n = args.first().and_then(int_value).unwrap_or_default();
    let length = match arg(args, kwargs, 1, "length") {
        None => 1,
        Some(v) => match crate::convert::index_bigint(interp, v)? {
            l if l.is_negative() => {
                return Err(interp.value_error("length argument must be non-negative"))
            }
            l => usize::try_from(l).unwrap_or(usize::MAX),
        },
    };
    let little = byteorder(interp, arg(args, kwargs, 2, "byteorder"))?;
    let signed = signed_flag(interp, kwargs)?;
    if !signed && n.is_negative() {
        return Err(overflow(interp, "can't convert negative int to unsigned"));
    }
    let mut bytes = if signed {
        n.to_signed_bytes_le()
    } else {
        n.to_bytes_le().1
    };
    if n.is_zero() {
        bytes.clear();
    }
    if bytes.len() > length {
        return Err(overflow(interp, "int too big to convert"));
    }
    // CPython would try to allocate this much and fail.
    if length > 1 << 32 {
        return Err(interp.err("MemoryError", ""));
    }
    let fill = if n.sign() == Sign::Minus { 0xff } else { 0 };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(Value::obj(Object::Bytes(bytes.into_boxed_slice())))
}

/// int.from_bytes(bytes, byteorder='big', *, signed=False), called on the
/// type (no bound object).
pub fn from_bytes(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let Some(src) = arg(args, kwargs, 0, "bytes") else {
        return Err(interp.type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let mut data = match src.as_object() {
        Some(Object::Bytes(b)) => b.to_vec(),
        Some(Object::ByteArray(b)) => b.borrow().clone(),
        _ => bytes_from_iterable(interp, src)?,
    };
    let little = byteorder(interp, arg(args, kwargs, 1, "byteorder"))?;
    let signed = signed_flag(interp, kwargs)?;
    if !little {
        data.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_le(&data)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &data)
    };
    Ok(Value::from_bigint(n))
}

/// The bytes of an iterable of ints, as `bytes(x)` makes them: a str or a
/// non-iterable "cannot convert", items must be ints in range(0, 256).
fn bytes_from_iterable(interp: &mut Interpreter, src: &Value) -> PyResult<Vec<u8>> {
    let cannot = |interp: &Interpreter| {
        interp.type_error(format!(
            "cannot convert '{}' object to bytes",
            interp.type_name(src)
        ))
    };
    if matches!(src.as_object(), Some(Object::Str(_))) {
        return Err(cannot(interp));
    }
    let it = interp.get_iter(src).map_err(|_| cannot(interp))?;
    let mut out = Vec::new();
    while let Some(v) = interp.next(&it)? {
        match u8::try_from(crate::convert::index_bigint(interp, &v)?) {
            Ok(b) => out.push(b),
            Err(_) => return Err(interp.value_error("bytes must be in range(0, 256)")),
        }
    }
    Ok(out)
}
