//! Built-ins for numbers: abs, divmod, pow, round, bin, oct, hex, int(), float(), complex(), bool().

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::Kwargs;
use crate::convert;
use crate::error::PyResult;
use crate::num::{self, as_num, int_value, op, Num};
use crate::object::{Builtin, BuiltinFn, Object};
use crate::types::{TypeKind, TypeObject};
use crate::value::Value;
use crate::Interpreter;

pub const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("abs", abs),
    ("divmod", divmod),
    ("pow", pow),
    ("round", round),
    ("bin", bin),
    ("oct", oct),
    ("hex", hex),
];

/// Class-level methods of the numeric types (`int.from_bytes`,
/// `float.fromhex`), put in the type dicts by `install`.
pub fn install(interp: &mut Interpreter) {
    let t = &interp.types;
    let entries: [(&Rc<TypeObject>, &'static str, BuiltinFn); 2] = [
        (&t.int, "from_bytes", crate::methods::int::from_bytes),
        (&t.float, "fromhex", crate::methods::float::fromhex),
    ];
    for (typ, name, func) in entries {
        let f = Value::obj(Object::Builtin(Builtin {
            name,
            func,
            bound: None,
        }));
        typ.dict.borrow_mut().set_str(name, f);
    }
}

fn arity(interp: &Interpreter, name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n < min || n > max {
        let msg = if min == max {
            format!("{name} expected {min} arguments, got {n}")
        } else if n < min {
            format!("{name} expected at least {min} argument, got {n}")
        } else {
            format!("{name} expected at most {max} arguments, got {n}")
        };
        return Err(interp.type_error(msg));
    }
    Ok(())
}

fn abs(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let [v] = args else {
        return Err(interp.type_error(format!(
            "abs() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    match as_num(v) {
        Some(Num::Int(i)) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::from_bigint(-BigInt::from(i)),
        }),
        Some(Num::Big(b)) => Ok(Value::from_bigint(b.abs())),
        Some(Num::Float(f)) => Ok(Value::float(f.abs())),
        Some(Num::Complex(re, im)) => {
            let r = re.hypot(im);
            if r.is_infinite() && re.is_finite() && im.is_finite() {
                return Err(num::overflow(interp, "absolute value too large"));
            }
            Ok(Value::float(r))
        }
        None => crate::class::call_dunder(interp, v, "__abs__", Vec::new()).unwrap_or_else(|| {
            Err(interp.type_error(format!(
                "bad operand type for abs(): '{}'",
                interp.type_name(v)
            )))
        }),
    }
}

fn divmod(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    arity(interp, "divmod", args, 2, 2)?;
    let (a, b) = (&args[0], &args[1]);
    let pair = |q: Value, r: Value| Value::obj(Object::Tuple([q, r].into()));
    match (as_num(a), as_num(b)) {
        (Some(x @ (Num::Int(_) | Num::Big(_))), Some(y @ (Num::Int(_) | Num::Big(_)))) => {
            let q = num::int_op(interp, op::FLOOR_DIVIDE, x, y)?.unwrap_or(Value::None);
            let r = num::int_op(interp, op::REMAINDER, x, y)?.unwrap_or(Value::None);
            Ok(pair(q, r))
        }
        (Some(x), Some(y)) if !matches!(x, Num::Complex(..)) && !matches!(y, Num::Complex(..)) => {
            let (fx, fy) = (num::to_f64(interp, x)?, num::to_f64(interp, y)?);
            if fy == 0.0 {
                return Err(num::zero_div(interp, "float divmod()"));
            }
            let (q, r) = num::float_divmod(fx, fy);
            Ok(pair(Value::float(q), Value::float(r)))
        }
        _ => Err(interp.type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            interp.type_name(a),
            interp.type_name(b)
        ))),
    }
}

/// The value of argument `name`, given positionally at `pos` or by keyword.
fn arg<'a>(args: &'a [Value], kwargs: &'a Kwargs, pos: usize, name: &str) -> Option<&'a Value> {
    args.get(pos)
        .or_else(|| kwargs.iter().find(|(k, _)| &**k == name).map(|(_, v)| v))
}

fn pow(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let base = arg(args, kwargs, 0, "base");
    let exp = arg(args, kwargs, 1, "exp");
    let modulus = arg(args, kwargs, 2, "mod").filter(|m| !m.is_none());
    let (Some(base), Some(exp)) = (base, exp) else {
        return Err(interp.type_error(format!(
            "pow() missing required argument '{}' (pos {})",
            if base.is_none() { "base" } else { "exp" },
            if base.is_none() { 1 } else { 2 }
        )));
    };
    let Some(m) = modulus else {
        return crate::ops::binary_op(interp, op::POWER, base, exp);
    };
    let (Some(b), Some(e), Some(m)) = (int_value(base), int_value(exp), int_value(m)) else {
        return Err(
            interp.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    };
    mod_pow(interp, b, e, m)
}

/// pow(b, e, m) for ints, negative exponents through the modular inverse;
/// the result takes the modulus's sign.
fn mod_pow(interp: &Interpreter, b: BigInt, e: BigInt, m: BigInt) -> PyResult<Value> {
    if m.is_zero() {
        return Err(interp.value_error("pow() 3rd argument cannot be 0"));
    }
    let am = m.abs();
    let mut base = num::floor_divmod(&b, &am).1;
    let mut e = e;
    if e.is_negative() {
        base = match mod_inverse(&base, &am) {
            Some(inv) => inv,
            None => return Err(interp.value_error("base is not invertible for the given modulus")),
        };
        e = -e;
    }
    let mut r = if am.is_one() {
        BigInt::zero()
    } else {
        base.modpow(&e, &am)
    };
    if m.is_negative() && !r.is_zero() {
        r += &m;
    }
    Ok(Value::from_bigint(r))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let (mut old_r, mut r) = (a.clone(), m.clone());
    let (mut old_s, mut s) = (BigInt::one(), BigInt::zero());
    while !r.is_zero() {
        let q = &old_r / &r;
        let next_r = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, next_r);
        let next_s = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, next_s);
    }
    if !old_r.is_one() {
        return None;
    }
    Some(num::floor_divmod(&old_s, m).1)
}

fn round(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let given = args.len() + kwargs.len();
    if given > 2 {
        return Err(interp.type_error(format!("round() takes at most 2 arguments ({given} given)")));
    }
    for (i, name) in ["number", "ndigits"].iter().enumerate() {
        if i < args.len() && kwargs.iter().any(|(k, _)| &**k == *name) {
            return Err(interp.type_error(format!(
                "argument for round() given by name ('{name}') and position ({})",
                i + 1
            )));
        }
    }
    if let Some((k, _)) = kwargs
        .iter()
        .find(|(k, _)| !matches!(&**k, "number" | "ndigits"))
    {
        // With `number` missing, CPython reports that first.
        if !args.is_empty() || kwargs.iter().any(|(k, _)| &**k == "number") {
            return Err(
                interp.type_error(format!("'{k}' is an invalid keyword argument for round()"))
            );
        }
    }
    let Some(x) = arg(args, kwargs, 0, "number") else {
        return Err(interp.type_error("round() missing required argument 'number' (pos 1)"));
    };
    let nd = match arg(args, kwargs, 1, "ndigits") {
        None | Some(Value::None) => None,
        Some(v) => Some(v.clone()),
    };
    if as_num(x).is_none() {
        return round_instance(interp, x, nd);
    }
    let nd = match nd {
        Some(v) => Some(convert::index_bigint(interp, &v)?),
        None => None,
    };
    match (as_num(x), nd) {
        (Some(Num::Float(f)), None) => num::float_to_int(interp, round_half_even(f)),
        (Some(Num::Float(f)), Some(nd)) => round_float(interp, f, &nd),
        (Some(n @ (Num::Int(_) | Num::Big(_))), None) => Ok(Value::from_bigint(num::big_of(n))),
        (Some(n @ (Num::Int(_) | Num::Big(_))), Some(nd)) => {
            Ok(Value::from_bigint(round_int(&num::big_of(n), &nd)))
        }
        _ => Err(interp.type_error(format!(
            "type {} doesn't define __round__ method",
            interp.type_name(x)
        ))),
    }
}

/// round(x[, ndigits]) for other objects: `x.__round__([ndigits])`.
fn round_instance(interp: &mut Interpreter, x: &Value, nd: Option<Value>) -> PyResult<Value> {
    let args = nd.into_iter().collect();
    crate::class::call_dunder(interp, x, "__round__", args).unwrap_or_else(|| {
        Err(interp.type_error(format!(
            "type {} doesn't define __round__ method",
            interp.type_name(x)
        )))
    })
}

fn round_half_even(f: f64) -> f64 {
    let r = f.round();
    if (f - f.trunc()).abs() == 0.5 {
        2.0 * (f / 2.0).round()
    } else {
        r
    }
}

/// Round `q/d` (d > 0) to the nearest int, ties to even.
fn div_round_half_even(q: &BigInt, d: &BigInt) -> BigInt {
    let (mut n, r) = num::floor_divmod(q, d);
    let twice: BigInt = r * 2;
    if twice > *d || (twice == *d && n.bit(0)) {
        n += 1;
    }
    n
}

/// round(int, ndigits): a multiple of 10**-ndigits, ties to even.
fn round_int(x: &BigInt, nd: &BigInt) -> BigInt {
    if !nd.is_negative() {
        return x.clone();
    }
    let Some(k) = (-nd).to_u32().filter(|k| (*k as u64) < x.bits() + 2) else {
        return BigInt::zero();
    };
    let p = BigInt::from(10).pow(k);
    div_round_half_even(x, &p) * p
}

/// round(float, ndigits), exactly as CPython's correctly rounded version:
/// the float's exact binary value is rounded to `nd` decimal places.
fn round_float(interp: &Interpreter, f: f64, nd: &BigInt) -> PyResult<Value> {
    if !f.is_finite() || f == 0.0 {
        return Ok(Value::float(f));
    }
    let nd = match nd.to_i64() {
        Some(n) if n > 323 => return Ok(Value::float(f)),
        Some(n) if n < -308 => return Ok(Value::float(0.0 * f)),
        Some(n) => n,
        None if nd.is_negative() => return Ok(Value::float(0.0 * f)),
        None => return Ok(Value::float(f)),
    };
    // f = m * 2**e exactly.
    let bits = f.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let (m, e) = if exp == 0 {
        (bits & ((1 << 52) - 1), -1074)
    } else {
        ((bits & ((1 << 52) - 1)) | (1 << 52), exp - 1075)
    };
    let m = BigInt::from(m);
    let ten = BigInt::from(10);
    // value * 10**nd as a fraction num/den.
    let (mut numer, mut den) = (m, BigInt::one());
    if e >= 0 {
        numer <<= e as u64;
    } else {
        den <<= (-e) as u64;
    }
    if nd >= 0 {
        numer *= ten.pow(nd as u32);
    } else {
        den *= ten.pow((-nd) as u32);
    }
    let q = div_round_half_even(&numer, &den);
    // Back: q / 10**nd, correctly rounded.
    let r = if nd >= 0 {
        num::int_true_div(interp, &q, &ten.pow(nd as u32))
    } else {
        num::big_to_f64(interp, &(q * ten.pow((-nd) as u32)))
    }
    .map_err(|_| num::overflow(interp, "rounded value too large to represent"))?;
    Ok(Value::float(if f < 0.0 { -r } else { r }))
}

fn radix(interp: &mut Interpreter, name: &str, args: &[Value], r: u32, p: &str) -> PyResult<Value> {
    let [v] = args else {
        return Err(interp.type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    let b = convert::index_bigint(interp, v)?;
    Ok(Value::str(&num::int_to_radix(&b, r, p)))
}

fn bin(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    radix(interp, "bin", args, 2, "0b")
}

fn oct(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    radix(interp, "oct", args, 8, "0o")
}

fn hex(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    radix(interp, "hex", args, 16, "0x")
}

/// Construct an instance of `t` if this module owns its constructor.
pub fn construct(
    interp: &mut Interpreter,
    t: &Rc<TypeObject>,
    args: &[Value],
    kwargs: &Kwargs,
) -> Option<PyResult<Value>> {
    Some(match t.kind {
        TypeKind::Int => int_new(interp, args, kwargs),
        TypeKind::Float => float_new(interp, args),
        TypeKind::Complex => complex_new(interp, args, kwargs),
        TypeKind::Bool => match args {
            [] => Ok(Value::bool(false)),
            [v] => interp.is_true(v).map(Value::bool),
            _ => Err(interp.type_error(format!(
                "bool expected at most 1 argument, got {}",
                args.len()
            ))),
        },
        _ => return None,
    })
}

/// The text of a memoryview argument (int() and float() without a base
/// read any bytes-like object), with the repr of its bytes for errors.
fn buffer_arg(v: &Value) -> Option<(String, String)> {
    let b = crate::methods::memoryview::plain_contents(v)?;
    Some((String::from_utf8_lossy(&b).into_owned(), bytes_repr(&b)))
}

/// The text of a str, bytes or bytearray argument, with its repr for errors.
fn text_arg(v: &Value) -> Option<(String, String)> {
    match v.as_object()? {
        Object::Str(s) => Some((
            crate::num::ascii_number_text(s.as_str()),
            pyrite_compiler::repr::str_repr(s.as_str()),
        )),
        Object::Bytes(_) | Object::ByteArray(_) => {
            let b = match v.as_object()? {
                Object::Bytes(b) => b.to_vec(),
                Object::ByteArray(b) => b.borrow().clone(),
                _ => Vec::new(),
            };
            let text = String::from_utf8_lossy(&b).into_owned();
            let r = bytes_repr(&b);
            Some((text, r))
        }
        _ => None,
    }
}

fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut s = format!("b{quote}");
    for &c in b {
        match c {
            b'\\' => s.push_str("\\\\"),
            b'\t' => s.push_str("\\t"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            c if c as char == quote => {
                s.push('\\');
                s.push(quote);
            }
            0x20..=0x7e => s.push(c as char),
            _ => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push(quote);
    s
}

fn int_new(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let x = args.first();
    let base = arg(args, kwargs, 1, "base");
    let given = args.len() + kwargs.len();
    if given > 2 {
        return Err(interp.type_error(format!("int() takes at most 2 arguments ({given} given)")));
    }
    if let Some((k, _)) = kwargs.iter().find(|(k, _)| &**k != "base") {
        return Err(interp.type_error(format!("'{k}' is an invalid keyword argument for int()")));
    }
    let Some(x) = x else {
        if base.is_some() {
            return Err(interp.type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    let carried;
    let x = match crate::class::base_value(x) {
        Some(b)
            if !["__int__", "__index__", "__trunc__"]
                .iter()
                .any(|n| crate::class::has_dunder(x, n)) =>
        {
            carried = b.clone();
            &carried
        }
        _ => x,
    };
    if let Some(base) = base {
        let b = convert::index_bigint(interp, base)?;
        let Some((text, repr)) = text_arg(x) else {
            return Err(interp.type_error("int() can't convert non-string with explicit base"));
        };
        let b = b.to_u32().filter(|b| *b == 0 || (2..=36).contains(b));
        let Some(b) = b else {
            return Err(interp.value_error("int() base must be >= 2 and <= 36, or 0"));
        };
        return parse_int(interp, &text, &repr, b);
    }
    match as_num(x) {
        Some(Num::Int(i)) => return Ok(Value::Int(i)),
        Some(Num::Big(_)) => return Ok(x.clone()),
        Some(Num::Float(f)) => return num::float_to_int(interp, f),
        _ => {}
    }
    if let Some(r) = convert::int_of_instance(interp, x) {
        return r;
    }
    match text_arg(x).or_else(|| buffer_arg(x)) {
        Some((text, repr)) => parse_int(interp, &text, &repr, 10),
        None => Err(interp.type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            interp.type_name(x)
        ))),
    }
}

/// int(text, base) as CPython parses it: surrounding whitespace, a sign,
/// an optional base prefix, single underscores between digits.
fn parse_int(interp: &Interpreter, text: &str, repr: &str, base: u32) -> PyResult<Value> {
    let bad = || {
        interp.value_error(format!(
            "invalid literal for int() with base {base}: {repr}"
        ))
    };
    let s = text.trim();
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = s.to_ascii_lowercase();
    let prefixed = |p: &str| lower.starts_with(p) && lower.len() > 2;
    let (radix, digits, had_prefix) = match base {
        0 | 16 if prefixed("0x") => (16, &s[2..], true),
        0 | 8 if prefixed("0o") => (8, &s[2..], true),
        0 | 2 if prefixed("0b") => (2, &s[2..], true),
        0 => (10, s, false),
        b => (b, s, false),
    };
    // After a prefix one underscore may come first ("0x_1f").
    let digits = match digits.strip_prefix('_') {
        Some(rest) if had_prefix => rest,
        _ => digits,
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return Err(bad());
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(radix)) {
        return Err(bad());
    }
    // Base 0 forbids leading zeros in a non-zero decimal ("010").
    if base == 0 && radix == 10 && clean.starts_with('0') && clean.chars().any(|c| c != '0') {
        return Err(bad());
    }
    let limit = crate::modules::int_max_str_digits();
    if !radix.is_power_of_two() && limit > 0 && clean.len() as i64 > limit {
        return Err(interp.value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            clean.len()
        )));
    }
    let v = BigInt::parse_bytes(clean.as_bytes(), radix).ok_or_else(bad)?;
    Ok(Value::from_bigint(if negative { -v } else { v }))
}

fn float_new(interp: &mut Interpreter, args: &[Value]) -> PyResult<Value> {
    let x = match args {
        [] => return Ok(Value::float(0.0)),
        [x] => x,
        _ => {
            return Err(interp.type_error(format!(
                "float expected at most 1 argument, got {}",
                args.len()
            )))
        }
    };
    let carried;
    let x = match crate::class::base_value(x) {
        Some(b)
            if !["__float__", "__index__"]
                .iter()
                .any(|n| crate::class::has_dunder(x, n)) =>
        {
            carried = b.clone();
            &carried
        }
        _ => x,
    };
    if let Some(n) = as_num(x) {
        if !matches!(n, Num::Complex(..)) {
            return num::to_f64(interp, n).map(Value::float);
        }
    }
    if let Some(r) = convert::float_of_instance(interp, x) {
        return r.map(Value::float);
    }
    // float() names a memoryview by its repr, not its bytes'.
    let view_arg = buffer_arg(x).map(|(text, _)| text);
    if let Some(text) = view_arg {
        return parse_float(&text).map(Value::float).ok_or_else(|| {
            let repr = crate::format::repr(interp, x).unwrap_or_default();
            interp.value_error(format!("could not convert string to float: {repr}"))
        });
    }
    match text_arg(x) {
        Some((text, repr)) => parse_float(&text).map(Value::float).ok_or_else(|| {
            interp.value_error(format!("could not convert string to float: {repr}"))
        }),
        None => Err(interp.type_error(format!(
            "float() argument must be a string or a real number, not '{}'",
            interp.type_name(x)
        ))),
    }
}

/// float(text): Python's float syntax, including inf/nan and single
/// underscores between digits.
pub fn parse_float(text: &str) -> Option<f64> {
    let s = text.trim();
    let body = s.trim_start_matches(['+', '-']);
    if s.len() - body.len() > 1 {
        return None;
    }
    let lower = body.to_ascii_lowercase();
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if s.starts_with('-') { -v } else { v });
    }
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-' | '_'))
    {
        return None;
    }
    // Each underscore must sit between two digits.
    let b = s.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let before = i > 0 && b[i - 1].is_ascii_digit();
            let after = b.get(i + 1).is_some_and(|c| c.is_ascii_digit());
            if !before || !after {
                return None;
            }
        }
    }
    s.replace('_', "").parse().ok()
}

fn complex_new(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(interp.type_error(format!(
            "complex() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let real = arg(args, kwargs, 0, "real");
    let imag = arg(args, kwargs, 1, "imag");
    if let Some(r) = real {
        if let Some((text, _)) =
            text_arg(r).filter(|_| matches!(r.as_object(), Some(Object::Str(_))))
        {
            if imag.is_some() {
                return Err(
                    interp.type_error("complex() can't take second arg if first is a string")
                );
            }
            return match parse_complex(&text) {
                Some((re, im)) => Ok(num::complex(re, im)),
                None => Err(interp.value_error("complex() arg is a malformed string")),
            };
        }
    }
    let ((a, a_complex), (b, b_complex)) = (
        complex_part(interp, real, "first")?,
        complex_part(interp, imag, "second")?,
    );
    // (a.re + a.im j) + (b.re + b.im j) j, as CPython's complex_new adds it.
    let re = if b_complex { a.0 - b.1 } else { a.0 };
    let im = if a_complex && imag.is_some() {
        b.0 + a.1
    } else if imag.is_some() {
        b.0
    } else {
        a.1
    };
    Ok(num::complex(re, im))
}

/// One argument of complex() as (value, is it a complex): only complex
/// parts mix into the other component, so that complex(1, -0.0) keeps its
/// negative zero. The first argument may have `__complex__`; both may
/// have `__float__` or `__index__`.
fn complex_part(
    interp: &mut Interpreter,
    v: Option<&Value>,
    which: &str,
) -> PyResult<((f64, f64), bool)> {
    let Some(v) = v else {
        return Ok(((0.0, 0.0), false));
    };
    if let Some(Num::Complex(re, im)) = as_num(v) {
        return Ok(((re, im), true));
    }
    if which == "first" {
        if let Some(r) = convert::complex_of_instance(interp, v) {
            return Ok((r?, true));
        }
    }
    match convert::to_f64(interp, v)? {
        Some(f) => Ok(((f, 0.0), false)),
        None => Err(interp.type_error(format!(
            "complex() {which} argument must be a {}number, not '{}'",
            if which == "first" { "string or a " } else { "" },
            interp.type_name(v)
        ))),
    }
}

/// complex(text): "1+2j", "(1-2j)", "3j", "-j", "4.5", with whitespace.
fn parse_complex(text: &str) -> Option<(f64, f64)> {
    let mut s = text.trim();
    if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        s = inner.trim();
    }
    if s.is_empty() || s.contains(char::is_whitespace) {
        return None;
    }
    let Some(body) = s.strip_suffix(['j', 'J']) else {
        return parse_float(s).map(|re| (re, 0.0));
    };
    // Split at the last sign that is not part of an exponent.
    let bytes = body.as_bytes();
    let split = (1..bytes.len())
        .rev()
        .find(|&i| matches!(bytes[i], b'+' | b'-') && !matches!(bytes[i - 1], b'e' | b'E'));
    let imag = |t: &str| match t {
        "" | "+" => Some(1.0),
        "-" => Some(-1.0),
        t => parse_float(t),
    };
    match split {
        Some(i) => Some((parse_float(&body[..i])?, imag(&body[i..])?)),
        None => Some((0.0, imag(body)?)),
    }
}
