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
];

/// The bound float of a no-argument method.
fn this(interp: &Interpreter, name: &str, args: &[Value]) -> PyResult<f64> {
    match args {
        [Value::Float(f)] => Ok(f.get()),
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
    Ok(Value::bool(f.is_finite() && f.fract() == 0.0))
}

fn conjugate(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "float", args, "conjugate", kw)?;
    Ok(Value::float(this(interp, "conjugate", args)?))
}

pub const COMPLEX_METHODS: &[(&str, BuiltinFn)] = &[("conjugate", complex_conjugate)];

fn complex_conjugate(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    super::no_kwargs(interp, "complex", args, "conjugate", kw)?;
    match args {
        [v] => match v.as_object() {
            Some(Object::Complex(re, im)) => Ok(crate::num::complex(*re, -im)),
            _ => Err(interp.type_error(format!(
                "descriptor 'conjugate' for 'complex' objects doesn't apply to a '{}' object",
                interp.type_name(v)
            ))),
        },
        _ => Err(interp.type_error(format!(
            "complex.conjugate() takes no arguments ({} given)",
            args.len().saturating_sub(1)
        ))),
    }
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
        vec![Value::from_bigint(n), Value::from_bigint(d)].into(),
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
        Some(Ok(f)) => Ok(Value::float(f)),
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
    let v = scale_to_f64(&n, e);
    if v.is_infinite() {
        return Some(Err(()));
    }
    Some(Ok(sign(v)))
}

/// n * 2**e (n >= 0) correctly rounded (half to even) to a float,
/// subnormals included; infinity when it overflows.
pub fn scale_to_f64(n: &BigInt, e: i64) -> f64 {
    use num_traits::{ToPrimitive, Zero};
    if n.is_zero() {
        return 0.0;
    }
    let bits = n.bits() as i64;
    // The value lies in [2**top, 2**(top+1)).
    let top = match bits.checked_add(e) {
        Some(t) => t - 1,
        None => return if e > 0 { f64::INFINITY } else { 0.0 },
    };
    if top > 1023 {
        return f64::INFINITY;
    }
    // Significant bits a float keeps at this magnitude (fewer when
    // subnormal: the last one is worth 2**-1074).
    let keep = (top + 1075).min(53);
    if keep <= 0 {
        // Below half the smallest subnormal it is 0; exactly half rounds
        // to even (0); above half, to the smallest subnormal.
        let half_or_less = keep < 0 || n.magnitude().trailing_zeros() == Some(bits as u64 - 1);
        return if half_or_less { 0.0 } else { f64::from_bits(1) };
    }
    let drop = bits - keep;
    let mut m = if drop > 0 {
        let d = drop as u64;
        let q: BigInt = n >> d;
        let rem: BigInt = n - (&q << d);
        let half = BigInt::from(1) << (d - 1);
        let odd = q.bit(0);
        if rem > half || (rem == half && odd) {
            q + 1
        } else {
            q
        }
    } else {
        n.clone()
    };
    let mut shift = e + drop.max(0);
    // Rounding up may carry into a new bit: renormalise.
    if m.bits() as i64 > 53 {
        m >>= 1u32;
        shift += 1;
    }
    let mant = m.to_f64().unwrap_or(f64::INFINITY);
    ldexp(mant, shift)
}

/// x * 2**k for an x whose result is exact (k split to avoid spurious
/// overflow or underflow of 2**k itself).
fn ldexp(mut x: f64, mut k: i64) -> f64 {
    while k > 1000 {
        x *= 2f64.powi(1000);
        k -= 1000;
    }
    while k < -1000 {
        x *= 2f64.powi(-1000);
        k += 1000;
    }
    x * 2f64.powi(k as i32)
}
