//! Numeric semantics shared by operators, built-ins and methods: int
//! (i64 fast paths, BigInt otherwise), float and complex arithmetic with
//! CPython's rounding, signs and error messages (Objects/longobject.c,
//! floatobject.c, complexobject.c).

use std::cmp::Ordering;

use num_bigint::{BigInt, Sign};
use num_traits::{FromPrimitive, Signed, ToPrimitive, Zero};

use crate::error::{PyErr, PyResult};
use crate::object::Object;
use crate::value::Value;
use crate::Interpreter;
use pyrite_compiler::floatmath::{self, Complex, FloatPow, MathError};

/// A numeric operand, borrowed from a value (bool counts as int).
#[derive(Clone, Copy)]
pub enum Num<'a> {
    Int(i64),
    Big(&'a BigInt),
    Float(f64),
    Complex(f64, f64),
}

pub fn as_num(v: &Value) -> Option<Num<'_>> {
    match v {
        Value::Bool(b) => Some(Num::Int(b.get() as i64)),
        Value::Int(i) => Some(Num::Int(*i)),
        Value::Float(f) => Some(Num::Float(f.get())),
        Value::Obj(o) => match &**o {
            Object::BigInt(b) => Some(Num::Big(b)),
            Object::Complex(re, im) => Some(Num::Complex(*re, *im)),
            // A subclass of int or float: the number it carries.
            Object::Instance(i) => i.base.as_ref().and_then(as_num),
            _ => None,
        },
        _ => None,
    }
}

/// The value of an int operand as a BigInt (slow paths only).
pub fn big_of(n: Num) -> BigInt {
    match n {
        Num::Int(i) => BigInt::from(i),
        Num::Big(b) => b.clone(),
        _ => BigInt::zero(),
    }
}

/// An int-like value (int, bool, big int) as a BigInt.
pub fn int_value(v: &Value) -> Option<BigInt> {
    match as_num(v)? {
        n @ (Num::Int(_) | Num::Big(_)) => Some(big_of(n)),
        _ => None,
    }
}

pub fn complex(re: f64, im: f64) -> Value {
    Value::obj(Object::Complex(re, im))
}

pub fn overflow(interp: &Interpreter, msg: &str) -> PyErr {
    interp.err("OverflowError", msg)
}

pub fn zero_div(interp: &Interpreter, msg: &str) -> PyErr {
    interp.err("ZeroDivisionError", msg)
}

/// float(int), with CPython's OverflowError for ints beyond the float range.
pub fn big_to_f64(interp: &Interpreter, b: &BigInt) -> PyResult<f64> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(overflow(interp, "int too large to convert to float")),
    }
}

/// A real number operand as a float (complex is not real).
pub fn to_f64(interp: &Interpreter, n: Num) -> PyResult<f64> {
    match n {
        Num::Int(i) => Ok(i as f64),
        Num::Big(b) => big_to_f64(interp, b),
        Num::Float(f) => Ok(f),
        Num::Complex(re, _) => Ok(re),
    }
}

fn to_complex(interp: &Interpreter, n: Num) -> PyResult<(f64, f64)> {
    match n {
        Num::Complex(re, im) => Ok((re, im)),
        other => Ok((to_f64(interp, other)?, 0.0)),
    }
}

// ----- int ------------------------------------------------------------------

/// The BINARY_OP operator numbers (mod 13 folds the in-place forms).
pub mod op {
    pub const ADD: u32 = 0;
    pub const AND: u32 = 1;
    pub const FLOOR_DIVIDE: u32 = 2;
    pub const LSHIFT: u32 = 3;
    pub const MATMUL: u32 = 4;
    pub const MULTIPLY: u32 = 5;
    pub const REMAINDER: u32 = 6;
    pub const OR: u32 = 7;
    pub const POWER: u32 = 8;
    pub const RSHIFT: u32 = 9;
    pub const SUBTRACT: u32 = 10;
    pub const TRUE_DIVIDE: u32 = 11;
    pub const XOR: u32 = 12;
}

/// `a op b` for two ints; None when ints don't support `op` (`@`).
pub fn int_op(interp: &Interpreter, o: u32, a: Num, b: Num) -> PyResult<Option<Value>> {
    if let (Num::Int(x), Num::Int(y)) = (a, b) {
        if let Some(v) = small_int_op(interp, o, x, y)? {
            return Ok(Some(v));
        }
    }
    if o == op::MATMUL {
        return Ok(None);
    }
    big_int_op(interp, o, &big_of(a), &big_of(b)).map(Some)
}

/// The i64 fast path; None means "redo it with BigInts" (overflow).
fn small_int_op(interp: &Interpreter, o: u32, x: i64, y: i64) -> PyResult<Option<Value>> {
    let r = match o {
        op::ADD => x.checked_add(y),
        op::SUBTRACT => x.checked_sub(y),
        op::MULTIPLY => x.checked_mul(y),
        op::AND => Some(x & y),
        op::OR => Some(x | y),
        op::XOR => Some(x ^ y),
        op::FLOOR_DIVIDE => {
            if y == 0 {
                return Err(zero_div(interp, "integer division or modulo by zero"));
            }
            x.checked_div(y).map(|q| {
                if (x % y != 0) && ((x < 0) != (y < 0)) {
                    q - 1
                } else {
                    q
                }
            })
        }
        op::REMAINDER => {
            if y == 0 {
                return Err(zero_div(interp, "integer modulo by zero"));
            }
            let r = x.wrapping_rem(y);
            Some(if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            })
        }
        op::TRUE_DIVIDE => {
            const EXACT: i64 = 1 << 53;
            if y == 0 {
                return Err(zero_div(interp, "division by zero"));
            }
            if x.abs() <= EXACT && y.abs() <= EXACT {
                return Ok(Some(Value::float(x as f64 / y as f64)));
            }
            None
        }
        op::RSHIFT => {
            if y < 0 {
                return Err(interp.value_error("negative shift count"));
            }
            Some(x >> y.min(63))
        }
        op::LSHIFT => {
            if y < 0 {
                return Err(interp.value_error("negative shift count"));
            }
            if x == 0 {
                Some(0)
            } else if y < 63 && (x << y) >> y == x {
                Some(x << y)
            } else {
                None
            }
        }
        op::POWER => {
            if y < 0 {
                return float_pow(interp, x as f64, y as f64).map(Some);
            }
            u32::try_from(y).ok().and_then(|e| x.checked_pow(e))
        }
        _ => None,
    };
    Ok(r.map(Value::Int))
}

fn big_int_op(interp: &Interpreter, o: u32, x: &BigInt, y: &BigInt) -> PyResult<Value> {
    let r = match o {
        op::ADD => x + y,
        op::SUBTRACT => x - y,
        op::MULTIPLY => x * y,
        op::AND => x & y,
        op::OR => x | y,
        op::XOR => x ^ y,
        op::FLOOR_DIVIDE => {
            if y.is_zero() {
                return Err(zero_div(interp, "integer division or modulo by zero"));
            }
            floor_divmod(x, y).0
        }
        op::REMAINDER => {
            if y.is_zero() {
                return Err(zero_div(interp, "integer modulo by zero"));
            }
            floor_divmod(x, y).1
        }
        op::TRUE_DIVIDE => return int_true_div(interp, x, y).map(Value::float),
        op::LSHIFT | op::RSHIFT => return shift(interp, o, x, y),
        op::POWER => return int_pow(interp, x, y),
        _ => BigInt::zero(),
    };
    Ok(Value::from_bigint(r))
}

/// Python's floor division and modulo (the remainder takes the divisor's
/// sign); `y` must be non-zero.
pub fn floor_divmod(x: &BigInt, y: &BigInt) -> (BigInt, BigInt) {
    let mut q = x / y;
    let mut r = x % y;
    if !r.is_zero() && (r.sign() != y.sign()) {
        q -= 1;
        r += y;
    }
    (q, r)
}

fn shift(interp: &Interpreter, o: u32, x: &BigInt, y: &BigInt) -> PyResult<Value> {
    if y.is_negative() {
        return Err(interp.value_error("negative shift count"));
    }
    if x.is_zero() {
        return Ok(Value::Int(0));
    }
    let n = y.to_u64();
    if o == op::RSHIFT {
        return Ok(match n {
            Some(n) if n < x.bits() => Value::from_bigint(x >> n),
            _ => Value::Int(if x.is_negative() { -1 } else { 0 }),
        });
    }
    match n {
        // Beyond a few billion bits CPython runs out of memory or digits.
        Some(n) if n <= 1 << 32 => Ok(Value::from_bigint(x << n)),
        Some(n) if n <= 1 << 60 => Err(interp.err("MemoryError", "")),
        _ => Err(overflow(interp, "too many digits in integer")),
    }
}

fn int_pow(interp: &Interpreter, x: &BigInt, y: &BigInt) -> PyResult<Value> {
    if y.is_negative() {
        let fx = big_to_f64(interp, x)?;
        let fy = big_to_f64(interp, y)?;
        return float_pow(interp, fx, fy);
    }
    // Bases whose powers stay small, whatever the exponent.
    if x.is_zero() || x == &BigInt::from(1) {
        return Ok(Value::from_bigint(if y.is_zero() {
            1.into()
        } else {
            x.clone()
        }));
    }
    if x == &BigInt::from(-1) {
        let odd = y.bit(0);
        return Ok(Value::Int(if odd { -1 } else { 1 }));
    }
    match y.to_u32() {
        Some(e) if (e as u64).saturating_mul(x.bits()) <= 1 << 34 => {
            Ok(Value::from_bigint(x.pow(e)))
        }
        _ => Err(interp.err("MemoryError", "")),
    }
}

/// int / int, correctly rounded as CPython's long_true_divide.
pub fn int_true_div(interp: &Interpreter, x: &BigInt, y: &BigInt) -> PyResult<f64> {
    if y.is_zero() {
        return Err(zero_div(interp, "division by zero"));
    }
    let negative = x.is_negative() != y.is_negative();
    let (a, b) = (x.abs(), y.abs());
    if a.is_zero() {
        return Ok(if negative { -0.0 } else { 0.0 });
    }
    // Scale so that the integer quotient has 55..=56 bits; a sticky bit
    // for a non-zero remainder then makes one rounding to f64 exact.
    let shift = a.bits() as i64 - b.bits() as i64 - 55;
    let (num, den) = if shift > 0 {
        (a, b << shift as u64)
    } else {
        (a << (-shift) as u64, b)
    };
    let (q, r) = (&num / &den, &num % &den);
    let q = q.to_u64().unwrap_or(u64::MAX) | (!r.is_zero()) as u64;
    let result = ldexp(q as f64, shift);
    if result.is_infinite() {
        return Err(overflow(
            interp,
            "integer division result too large for a float",
        ));
    }
    Ok(if negative { -result } else { result })
}

/// `m * 2**e` without intermediate overflow.
fn ldexp(m: f64, e: i64) -> f64 {
    let mut r = m;
    let mut e = e;
    while e > 1000 {
        r *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        r *= 2f64.powi(-1000);
        e += 1000;
    }
    r * 2f64.powi(e as i32)
}

// ----- float ----------------------------------------------------------------

/// `a op b` for two floats (ints already converted).
pub fn float_op(interp: &Interpreter, o: u32, x: f64, y: f64) -> PyResult<Option<Value>> {
    let r = match o {
        op::ADD => x + y,
        op::SUBTRACT => x - y,
        op::MULTIPLY => x * y,
        op::TRUE_DIVIDE => {
            if y == 0.0 {
                return Err(zero_div(interp, "float division by zero"));
            }
            x / y
        }
        op::FLOOR_DIVIDE => {
            if y == 0.0 {
                return Err(zero_div(interp, "float floor division by zero"));
            }
            float_divmod(x, y).0
        }
        op::REMAINDER => {
            if y == 0.0 {
                return Err(zero_div(interp, "float modulo"));
            }
            float_divmod(x, y).1
        }
        op::POWER => return float_pow(interp, x, y).map(Some),
        _ => return Ok(None),
    };
    Ok(Some(Value::float(r)))
}

/// CPython's _float_div_mod: (floor quotient, modulo with the divisor's
/// sign); `y` must be non-zero.
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0f64.copysign(x / y)
    };
    (floordiv, m)
}

/// float ** float: CPython's float_pow (`floatmath`), its errors raised.
pub fn float_pow(interp: &Interpreter, iv: f64, iw: f64) -> PyResult<Value> {
    match floatmath::float_pow(iv, iw) {
        Ok(FloatPow::Float(f)) => Ok(Value::float(f)),
        Ok(FloatPow::Complex) => complex_pow(interp, (iv, 0.0), (iw, 0.0)),
        Err(MathError::ZeroDivision) => {
            Err(zero_div(interp, "0.0 cannot be raised to a negative power"))
        }
        Err(MathError::Overflow) => Err(PyErr(interp.exception(
            &interp.types.exception("OverflowError"),
            vec![Value::Int(34), Value::str("Numerical result out of range")],
        ))),
    }
}

// ----- complex --------------------------------------------------------------

/// complex ** complex (`floatmath::complex_pow`), its errors raised.
pub fn complex_pow(interp: &Interpreter, a: Complex, b: Complex) -> PyResult<Value> {
    match floatmath::complex_pow(a, b) {
        Ok(r) => Ok(complex(r.0, r.1)),
        Err(MathError::ZeroDivision) => Err(zero_div(interp, "0.0 to a negative or complex power")),
        Err(MathError::Overflow) => Err(overflow(interp, "complex exponentiation")),
    }
}

/// `a op b` where either is complex; None for unsupported (// % etc.).
pub fn complex_op(interp: &Interpreter, o: u32, a: Num, b: Num) -> PyResult<Option<Value>> {
    let (x, y) = (to_complex(interp, a)?, to_complex(interp, b)?);
    let r = match o {
        op::ADD => (x.0 + y.0, x.1 + y.1),
        op::SUBTRACT => (x.0 - y.0, x.1 - y.1),
        op::MULTIPLY => floatmath::c_prod(x, y),
        op::TRUE_DIVIDE => match floatmath::c_quot(x, y) {
            Some(c) => c,
            None => return Err(zero_div(interp, "complex division by zero")),
        },
        op::POWER => return complex_pow(interp, x, y).map(Some),
        _ => return Ok(None),
    };
    Ok(Some(complex(r.0, r.1)))
}

/// `a op b` for any two numbers; None when the pair doesn't support `op`.
pub fn num_op(interp: &Interpreter, o: u32, a: Num, b: Num) -> PyResult<Option<Value>> {
    match (a, b) {
        (Num::Int(_) | Num::Big(_), Num::Int(_) | Num::Big(_)) => int_op(interp, o, a, b),
        (Num::Complex(..), _) | (_, Num::Complex(..)) => complex_op(interp, o, a, b),
        _ => {
            if matches!(
                o,
                op::AND | op::OR | op::XOR | op::LSHIFT | op::RSHIFT | op::MATMUL
            ) {
                return Ok(None);
            }
            float_op(interp, o, to_f64(interp, a)?, to_f64(interp, b)?)
        }
    }
}

// ----- comparison -----------------------------------------------------------

/// Order of two real numbers, exact across int and float (None for NaN
/// or complex operands).
pub fn num_cmp(a: Num, b: Num) -> Option<Ordering> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(x.cmp(&y)),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(&y),
        (Num::Complex(..), _) | (_, Num::Complex(..)) => None,
        (Num::Float(x), i) => int_float_cmp(i, x).map(Ordering::reverse),
        (i, Num::Float(y)) => int_float_cmp(i, y),
        (x, y) => Some(big_of(x).cmp(&big_of(y))),
    }
}

/// An int compared with a float, exactly (2**53 + 1 > 2.0**53).
fn int_float_cmp(i: Num, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    if let Num::Int(x) = i {
        if x.unsigned_abs() <= 1 << 53 {
            return (x as f64).partial_cmp(&f);
        }
    }
    let fl = f.floor();
    let big = BigInt::from_f64(fl)?;
    match big_of(i).cmp(&big) {
        Ordering::Equal if fl != f => Some(Ordering::Less),
        o => Some(o),
    }
}

/// `a == b` for two numbers (complex equals a real when its imaginary
/// part is zero).
pub fn num_eq(a: Num, b: Num) -> bool {
    match (a, b) {
        (Num::Complex(r1, i1), Num::Complex(r2, i2)) => r1 == r2 && i1 == i2,
        (Num::Complex(r, i), n) | (n, Num::Complex(r, i)) => {
            i == 0.0 && num_cmp(Num::Float(r), n) == Some(Ordering::Equal)
        }
        _ => num_cmp(a, b) == Some(Ordering::Equal),
    }
}

// ----- conversions ----------------------------------------------------------

/// int(f): truncation, with CPython's errors for inf and NaN.
pub fn float_to_int(interp: &Interpreter, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(interp.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(overflow(interp, "cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.2e18 {
        return Ok(Value::Int(t as i64));
    }
    Ok(Value::from_bigint(BigInt::from_f64(t).unwrap_or_default()))
}

/// An int operand for a position where an index is needed (`'a' * n`,
/// `round(x, n)`); BigInts that don't fit give None.
pub fn small_int(v: &Value) -> Option<Option<i64>> {
    match as_num(v)? {
        Num::Int(i) => Some(Some(i)),
        Num::Big(_) => Some(None),
        _ => None,
    }
}

/// `bin`/`oct`/`hex` text of an int.
pub fn int_to_radix(b: &BigInt, radix: u32, prefix: &str) -> String {
    let digits = b.magnitude().to_str_radix(radix);
    let sign = if b.sign() == Sign::Minus { "-" } else { "" };
    format!("{sign}{prefix}{digits}")
}

// ----- text conversion ------------------------------------------------------------

/// CPython's error when an int has more decimal digits than
/// `sys.get_int_max_str_digits()` allows.
fn digit_limit_error(interp: &Interpreter, limit: i64) -> PyErr {
    interp.value_error(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// `str(n)` for a big int, enforcing the integer string conversion limit
/// (CPython's long_to_decimal_string). Every path that turns an int into
/// decimal text (str, repr, print, f-strings, %d) should go through it.
pub fn int_to_decimal_string(interp: &Interpreter, n: &BigInt) -> PyResult<String> {
    let limit = crate::modules::int_max_str_digits();
    if limit > 0 {
        // CPython's quick pre-check on the size in 30-bit digits, made
        // before the (quadratic) conversion.
        let limbs = n.bits().div_ceil(30) as i64;
        if limbs >= 10 * limit / 90 + 2 {
            return Err(digit_limit_error(interp, limit));
        }
    }
    let text = n.to_string();
    let digits = text.len() - usize::from(n.sign() == Sign::Minus);
    if limit > 0 && digits as i64 > limit {
        return Err(digit_limit_error(interp, limit));
    }
    Ok(text)
}

/// The first code point (digit zero) of each run of ten Unicode decimal
/// digits (category Nd, Unicode 14.0 as in CPython 3.11).
const DECIMAL_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// The value of a Unicode decimal digit (`'٣'` is 3), as `int()` reads it.
pub fn decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= cp).checked_sub(1)?;
    let d = cp - DECIMAL_ZEROS[i];
    (d < 10).then_some(d)
}

/// `c.isspace()` in Python (a few more than Rust's `is_whitespace`).
pub fn is_py_space(c: char) -> bool {
    matches!(c, '\t'..='\r' | '\x1c'..='\x20' | '\u{85}' | '\u{a0}' | '\u{1680}')
        || matches!(
            c,
            '\u{2000}'..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}'
        )
        || matches!(c, '\u{205f}' | '\u{3000}')
}

/// CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: the text that
/// int(), float() and complex() parse: Unicode digits become ASCII digits,
/// Unicode spaces become ' ', and other non-ASCII characters '?' (which
/// no number syntax accepts).
pub fn ascii_number_text(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                c
            } else if let Some(d) = decimal_value(c) {
                char::from(b'0' + d as u8)
            } else if is_py_space(c) {
                ' '
            } else {
                '?'
            }
        })
        .collect()
}
