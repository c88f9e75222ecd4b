//! Methods of `float` objects (the bound object is `args[0]`).

use num_bigint::BigInt;

use crate::error::PyResult;
use crate::num::overflow;
use crate::object::{BuiltinFn, Object};
use crate::value::Value;
use crate::Interpreter;

type Kwargs = [(std::rc::Rc<str>, Value)];

pub const METHODS: &[(&str, BuiltinFn)] = &[
    ("is_integer", is_integer),
    ("hex", hex),
    ("as_integer_ratio", as_integer_ratio),
    ("conjugate", conjugate),
    ("fromhex", fromhex),
];

/// The bound float of a no-argument method.
fn this(interp: &Interpreter, name: &str, args: &[Value]) -> PyResult<f64> {
    match args {
        [Value::Float(f)] => Ok(*f),
        [v] => Err(interp.type_error(format!(
            "descriptor '{name}' for 'float' objects doesn't apply to a '{}' object",
            interp.type_name(v)
        ))),
        _ => Err(interp.type_error(format!(
            "float.{name}() takes no arguments ({} given)",
            args.len().saturating_sub(1)
        ))),
    }
}

fn is_integer(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "float", args, "is_integer", kw)?;
    let f = this(interp, "is_integer", args)?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn conjugate(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "float", args, "conjugate", kw)?;
    Ok(Value::Float(this(interp, "conjugate", args)?))
}

/// (mantissa, exponent) with f = m * 2**e exactly, m an integer.
fn decompose(f: f64) -> (i64, i64) {
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = (bits & ((1 << 52) - 1)) as i64;
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    };
    (if f < 0.0 { -m } else { m }, e)
}

fn as_integer_ratio(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "float", args, "as_integer_ratio", kw)?;
    let f = this(interp, "as_integer_ratio", args)?;
    if f.is_infinite() {
        return Err(overflow(interp, "cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(interp.value_error("cannot convert NaN to integer ratio"));
    }
    let (mut m, mut e) = decompose(f);
    if m == 0 {
        e = 0;
    }
    while m != 0 && m % 2 == 0 && e < 0 {
        m /= 2;
        e += 1;
    }
    let (n, d) = if e >= 0 {
        (BigInt::from(m) << e as u64, BigInt::from(1))
    } else {
        (BigInt::from(m), BigInt::from(1) << (-e) as u64)
    };
    Ok(Value::obj(Object::Tuple(
        vec![Value::from_bigint(n), Value::from_bigint(d)].into_boxed_slice(),
    )))
}

/// float.hex(): '0x1.8000000000000p+0' style, as CPython prints it.
fn hex(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "float", args, "hex", kw)?;
    let f = this(interp, "hex", args)?;
    let s = if f.is_nan() {
        "nan".to_string()
    } else if f.is_infinite() {
        if f > 0.0 { "inf" } else { "-inf" }.to_string()
    } else {
        let sign = if f.is_sign_negative() { "-" } else { "" };
        let bits = f.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let frac = bits & ((1 << 52) - 1);
        if exp == 0 && frac == 0 {
            format!("{sign}0x0.0p+0")
        } else if exp == 0 {
            format!("{sign}0x0.{frac:013x}p-1022")
        } else {
            format!("{sign}0x1.{frac:013x}p{:+}", exp - 1023)
        }
    };
    Ok(Value::str(&s))
}

/// float.fromhex(s), called on the type (no bound object).
pub fn fromhex(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "float", args, "fromhex", kw)?;
    let text = match args {
        [v] => match v.as_object() {
            Some(Object::Str(s)) => s.as_str().to_string(),
            _ => {
                return Err(interp.type_error(format!(
                    "fromhex() argument must be str, not {}",
                    interp.type_name(v)
                )))
            }
        },
        _ => {
            return Err(interp.type_error(format!(
                "fromhex() takes exactly one argument ({} given)",
                args.len()
            )))
        }
    };
    match parse_hex_float(&text) {
        Some(Ok(f)) => Ok(Value::Float(f)),
        Some(Err(())) => Err(overflow(
            interp,
            "hexadecimal value too large to represent as a float",
        )),
        None => Err(interp.value_error("invalid hexadecimal floating-point string")),
    }
}

/// Parse '[sign]0x<hex>[.<hex>][p<exp>]' (the 0x is optional), inf, nan.
fn parse_hex_float(text: &str) -> Option<Result<f64, ()>> {
    let s = text.trim();
    let (neg, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = s.to_ascii_lowercase();
    let sign = |v: f64| if neg { -v } else { v };
    match lower.as_str() {
        "inf" | "infinity" => return Some(Ok(sign(f64::INFINITY))),
        "nan" => return Some(Ok(f64::NAN)),
        _ => {}
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => (m, e.parse::<i64>().ok()?),
        None => (body, 0),
    };
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let digits = format!("{int_part}{frac_part}");
    let n = BigInt::parse_bytes(digits.as_bytes(), 16)?;
    let e = exp.checked_sub(4 * frac_part.len() as i64)?;
    // n * 2**e, correctly rounded via exact division or conversion.
    let interp_free = if e >= 0 {
        (n << e.min(1 << 20) as u64)
            .to_string()
            .parse::<f64>()
            .ok()?
    } else {
        let d = BigInt::from(1) << (-e).min(1 << 20) as u64;
        ratio_to_f64(&n, &d)
    };
    if interp_free.is_infinite() {
        return Some(Err(()));
    }
    Some(Ok(sign(interp_free)))
}

/// n / d as a correctly rounded float, through the decimal parser (exact
/// for the power-of-two denominators fromhex produces).
fn ratio_to_f64(n: &BigInt, d: &BigInt) -> f64 {
    use num_traits::ToPrimitive;
    let (nf, df) = (
        n.to_f64().unwrap_or(0.0),
        d.to_f64().unwrap_or(f64::INFINITY),
    );
    if df.is_finite() && nf.is_finite() {
        return nf / df;
    }
    0.0
}
