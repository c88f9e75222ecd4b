//! Python 3.11 semantics of the operations the AST optimizer folds.
//!
//! Every function here answers "what would CPython compute for this
//! operation on these constants?", or `None` when CPython would raise (a
//! `TypeError`, `ZeroDivisionError`, `OverflowError`, ...) or when one of
//! `ast_opt.c`'s safety limits refuses to build the result. `None` always
//! means "leave the node as it is"; the error, if any, happens at run time.
//!
//! Floats follow CPython's `floatobject.c` and `complexobject.c` step by
//! step (same operations in the same order, same libm calls), so results
//! are bit-identical; integers are arbitrary precision (`num-bigint`), and
//! int → float conversions and int true division are correctly rounded
//! (round-half-even), as `PyLong_AsDouble` and `long_true_divide` are.

use crate::floatmath::{self, Complex, FloatPow};
use num_bigint::{BigInt, BigUint};
use num_traits::{One, Signed, ToPrimitive, Zero};
use rustpython_parser::ast::{Constant, Operator, UnaryOp};

/// Largest int (in bits) that `**`, `<<` and `*` may produce.
const MAX_INT_SIZE: u64 = 128;
/// Largest tuple that `*` may produce.
const MAX_COLLECTION_SIZE: i64 = 256;
/// Largest str/bytes (in characters/bytes) that `*` may produce.
const MAX_STR_SIZE: i64 = 4096;
/// Largest total number of items, nested tuples included, `*` may produce.
const MAX_TOTAL_ITEMS: i64 = 1024;

// ---------------------------------------------------------------------------
// Entry points

/// `op operand` (`fold_unaryop`'s constant case).
pub fn unary(op: UnaryOp, operand: &Constant) -> Option<Constant> {
    match op {
        UnaryOp::Not => Some(Constant::Bool(!is_true(operand))),
        UnaryOp::Invert => Some(Constant::Int(-(as_int(operand)? + BigInt::one()))),
        UnaryOp::UAdd => match operand {
            // `+True` is the int 1.
            Constant::Bool(_) | Constant::Int(_) => Some(Constant::Int(as_int(operand)?)),
            Constant::Float(_) | Constant::Complex { .. } => Some(operand.clone()),
            _ => None,
        },
        UnaryOp::USub => match operand {
            Constant::Bool(_) | Constant::Int(_) => Some(Constant::Int(-as_int(operand)?)),
            Constant::Float(f) => Some(Constant::Float(-f)),
            Constant::Complex { real, imag } => Some(Constant::Complex {
                real: -real,
                imag: -imag,
            }),
            _ => None,
        },
    }
}

/// `left op right` (`fold_binop` once both sides are constants).
pub fn binary(op: Operator, left: &Constant, right: &Constant) -> Option<Constant> {
    match op {
        Operator::Add => concat(left, right).or_else(|| numeric(op, left, right)),
        Operator::Mult => safe_multiply(left, right),
        Operator::Mod => {
            // `str % x` and `bytes % x` are never folded (only the
            // `str % (tuple display)` form is, by `optimize_format`).
            if matches!(left, Constant::Str(_) | Constant::Bytes(_)) {
                None
            } else {
                numeric(op, left, right)
            }
        }
        Operator::Pow => safe_power(left, right),
        Operator::LShift => safe_lshift(left, right),
        // No constant type implements `@`.
        Operator::MatMult => None,
        Operator::BitAnd | Operator::BitOr | Operator::BitXor => bitwise(op, left, right),
        Operator::Sub | Operator::Div | Operator::FloorDiv | Operator::RShift => {
            numeric(op, left, right)
        }
    }
}

/// `value[index]` (`fold_subscr`): only str, bytes and tuple constants are
/// subscriptable, and only by an int (or bool) within range.
pub fn subscript(value: &Constant, index: &Constant) -> Option<Constant> {
    let index = as_int(index)?;
    match value {
        Constant::Str(s) => {
            let len = s.chars().count();
            let i = resolve_index(&index, len)?;
            s.chars().nth(i).map(|c| Constant::Str(c.to_string()))
        }
        Constant::Bytes(b) => {
            let i = resolve_index(&index, b.len())?;
            Some(Constant::Int(BigInt::from(b[i])))
        }
        Constant::Tuple(items) => {
            let i = resolve_index(&index, items.len())?;
            Some(items[i].clone())
        }
        _ => None,
    }
}

/// `bool(c)` (`PyObject_IsTrue`).
pub fn is_true(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Ellipsis => true,
        Constant::Bool(b) => *b,
        Constant::Int(i) => !i.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) => !t.is_empty(),
    }
}

/// `a == b` for two constants, as Python compares them (`1 == 1.0 == True`,
/// `0.0 == -0.0`, `nan != nan`, `'a' != b'a'`). Used to deduplicate the
/// items of a folded frozenset.
pub fn python_eq(a: &Constant, b: &Constant) -> bool {
    use Constant::*;
    match (a, b) {
        (None, None) | (Ellipsis, Ellipsis) => true,
        (Str(x), Str(y)) => x == y,
        (Bytes(x), Bytes(y)) => x == y,
        (Tuple(x), Tuple(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| python_eq(p, q)),
        _ => match (num(a), num(b)) {
            (Some(x), Some(y)) => num_eq(&x, &y),
            _ => false,
        },
    }
}

// ---------------------------------------------------------------------------
// Numbers

/// A numeric constant, with `bool` already widened to `int`.
enum Num {
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
}

fn num(c: &Constant) -> Option<Num> {
    match c {
        Constant::Bool(b) => Some(Num::Int(BigInt::from(u8::from(*b)))),
        Constant::Int(i) => Some(Num::Int(i.clone())),
        Constant::Float(f) => Some(Num::Float(*f)),
        Constant::Complex { real, imag } => Some(Num::Complex(*real, *imag)),
        _ => None,
    }
}

/// The value of an `int` or `bool` constant.
fn as_int(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Bool(b) => Some(BigInt::from(u8::from(*b))),
        Constant::Int(i) => Some(i.clone()),
        _ => None,
    }
}

/// The number as a C double, as `CONVERT_TO_DOUBLE` converts it (`None`
/// for an int too large for a float, and for a complex).
fn to_f64(n: &Num) -> Option<f64> {
    match n {
        Num::Int(i) => int_to_f64(i),
        Num::Float(f) => Some(*f),
        Num::Complex(..) => None,
    }
}

/// The number as a C complex, as `TO_COMPLEX` converts it.
fn to_complex(n: &Num) -> Option<(f64, f64)> {
    match n {
        Num::Complex(re, im) => Some((*re, *im)),
        _ => Some((to_f64(n)?, 0.0)),
    }
}

fn num_eq(a: &Num, b: &Num) -> bool {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => x == y,
        (Num::Complex(r1, i1), Num::Complex(r2, i2)) => r1 == r2 && i1 == i2,
        (Num::Complex(re, im), other) | (other, Num::Complex(re, im)) => {
            *im == 0.0 && num_eq(&Num::Float(*re), other)
        }
        (Num::Float(x), Num::Float(y)) => x == y,
        // int == float compares exactly, not through a conversion.
        (Num::Int(i), Num::Float(f)) | (Num::Float(f), Num::Int(i)) => {
            f.is_finite() && f.fract() == 0.0 && float_to_int(*f) == *i
        }
    }
}

/// The exact integer value of an integral, finite float.
fn float_to_int(f: f64) -> BigInt {
    let bits = f.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    let (mantissa, exp) = if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), exponent - 1075)
    };
    let magnitude = if exp >= 0 {
        BigInt::from(mantissa) << exp as usize
    } else {
        BigInt::from(mantissa) >> (-exp) as usize
    };
    if f.is_sign_negative() {
        -magnitude
    } else {
        magnitude
    }
}

/// An arithmetic operator applied to two numbers, with Python's coercion:
/// int op int stays exact (except `/` and negative `**`), a complex operand
/// makes the operation complex, otherwise it is done in floats.
fn numeric(op: Operator, left: &Constant, right: &Constant) -> Option<Constant> {
    let (a, b) = (num(left)?, num(right)?);
    match (&a, &b) {
        (Num::Int(x), Num::Int(y)) => int_op(op, x, y),
        (Num::Complex(..), _) | (_, Num::Complex(..)) => {
            // Convert left first: an int too large for a float raises
            // OverflowError either way.
            let (x, y) = (to_complex(&a)?, to_complex(&b)?);
            complex_op(op, x, y).map(|(real, imag)| Constant::Complex { real, imag })
        }
        _ => float_op(op, to_f64(&a)?, to_f64(&b)?),
    }
}

fn int_op(op: Operator, x: &BigInt, y: &BigInt) -> Option<Constant> {
    let int = |i: BigInt| Some(Constant::Int(i));
    match op {
        Operator::Add => int(x + y),
        Operator::Sub => int(x - y),
        Operator::Mult => int(x * y),
        Operator::Div => true_divide(x, y).map(Constant::Float),
        Operator::FloorDiv => floor_div_mod(x, y).and_then(|(q, _)| int(q)),
        Operator::Mod => floor_div_mod(x, y).and_then(|(_, r)| int(r)),
        Operator::Pow => {
            if y.is_negative() {
                // `long_pow` hands a negative exponent to `float_pow`.
                return float_pow(int_to_f64(x)?, int_to_f64(y)?);
            }
            if x.is_zero() {
                return int(if y.is_zero() {
                    BigInt::one()
                } else {
                    BigInt::zero()
                });
            }
            // `safe_power` has bounded the exponent when the base is not 0.
            int(x.pow(y.to_u32()?))
        }
        Operator::LShift => {
            if y.is_negative() {
                return None; // ValueError: negative shift count
            }
            if x.is_zero() {
                return int(BigInt::zero());
            }
            int(x << y.to_usize()?)
        }
        Operator::RShift => {
            if y.is_negative() {
                return None; // ValueError: negative shift count
            }
            // Shifting out every bit leaves 0, or -1 for a negative number
            // (Python's shift floors).
            match y.to_u64() {
                Some(n) if n < x.bits() => int(x >> n as usize),
                _ => int(if x.is_negative() {
                    -BigInt::one()
                } else {
                    BigInt::zero()
                }),
            }
        }
        Operator::BitAnd => int(x & y),
        Operator::BitOr => int(x | y),
        Operator::BitXor => int(x ^ y),
        Operator::MatMult => None,
    }
}

/// `&`, `|`, `^`: ints only; two bools give a bool.
fn bitwise(op: Operator, left: &Constant, right: &Constant) -> Option<Constant> {
    if let (Constant::Bool(a), Constant::Bool(b)) = (left, right) {
        return Some(Constant::Bool(match op {
            Operator::BitAnd => a & b,
            Operator::BitOr => a | b,
            _ => a ^ b,
        }));
    }
    int_op(op, &as_int(left)?, &as_int(right)?)
}

/// Python's `//` and `%` on ints: the quotient floors, the remainder takes
/// the sign of the divisor. `None` on division by zero.
fn floor_div_mod(x: &BigInt, y: &BigInt) -> Option<(BigInt, BigInt)> {
    if y.is_zero() {
        return None;
    }
    let (mut q, mut r) = (x / y, x % y);
    if !r.is_zero() && (r.is_negative() != y.is_negative()) {
        q -= 1;
        r += y;
    }
    Some((q, r))
}

/// `x / y` for ints: the correctly rounded quotient (`long_true_divide`).
fn true_divide(x: &BigInt, y: &BigInt) -> Option<f64> {
    if y.is_zero() {
        return None;
    }
    let magnitude = ratio_to_f64(x.magnitude(), y.magnitude())?;
    // The sign comes from the operands even for a zero result: 0 / -5 is -0.0.
    let negative = x.is_negative() != y.is_negative();
    Some(if negative { -magnitude } else { magnitude })
}

/// An int as a double, correctly rounded (`PyLong_AsDouble`); `None` when
/// it is too large (OverflowError).
fn int_to_f64(x: &BigInt) -> Option<f64> {
    let magnitude = ratio_to_f64(x.magnitude(), &BigUint::one())?;
    Some(if x.is_negative() {
        -magnitude
    } else {
        magnitude
    })
}

/// `n / d` (d > 0) rounded to the nearest double, ties to even, subnormals
/// included; `None` if the result overflows.
fn ratio_to_f64(n: &BigUint, d: &BigUint) -> Option<f64> {
    if n.is_zero() {
        return Some(0.0);
    }
    // e = floor(log2(n / d)): 2^e <= n/d < 2^(e+1).
    let mut e = n.bits() as i64 - d.bits() as i64;
    let below = if e >= 0 {
        n < &(d << e as usize)
    } else {
        &(n << (-e) as usize) < d
    };
    if below {
        e -= 1;
    }
    if e > 1023 {
        return None;
    }
    // The spacing of doubles around the result is 2^ulp: 53 significant
    // bits for normal numbers, a fixed 2^-1074 grid for subnormals.
    let ulp = (e - 52).max(-1074);
    let (num, den) = if ulp >= 0 {
        (n.clone(), d << ulp as usize)
    } else {
        (n << (-ulp) as usize, d.clone())
    };
    let (mut q, r) = (&num / &den, &num % &den);
    let twice_r: BigUint = r << 1usize;
    if twice_r > den || (twice_r == den && q.bit(0)) {
        q += 1u32;
    }
    // q <= 2^53, so both it and q * 2^ulp are exact (or overflow to inf).
    let result = q.to_u64()? as f64 * pow2(ulp);
    if result.is_infinite() {
        None
    } else {
        Some(result)
    }
}

/// 2^e as a double, for -1074 <= e <= 1023.
fn pow2(e: i64) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e + 1074))
    }
}

fn float_op(op: Operator, a: f64, b: f64) -> Option<Constant> {
    let float = |f: f64| Some(Constant::Float(f));
    match op {
        Operator::Add => float(a + b),
        Operator::Sub => float(a - b),
        Operator::Mult => float(a * b),
        Operator::Div if b != 0.0 => float(a / b),
        Operator::FloorDiv if b != 0.0 => float(float_div_mod(a, b).0),
        Operator::Mod if b != 0.0 => float(float_rem(a, b)),
        Operator::Pow => float_pow(a, b),
        // Division by zero, and operators floats do not have.
        _ => None,
    }
}

/// `float_rem`: fmod, moved to the sign of the divisor.
fn float_rem(vx: f64, wx: f64) -> f64 {
    let m = vx % wx; // Rust's `%` on f64 is C's fmod
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m + wx
        } else {
            m
        }
    } else {
        0.0f64.copysign(wx)
    }
}

/// `_float_div_mod`: (floor quotient, remainder) as CPython computes them.
fn float_div_mod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `float ** float` as a constant (None where CPython raises).
fn float_pow(iv: f64, iw: f64) -> Option<Constant> {
    match floatmath::float_pow(iv, iw).ok()? {
        FloatPow::Float(f) => Some(Constant::Float(f)),
        FloatPow::Complex => floatmath::complex_pow((iv, 0.0), (iw, 0.0))
            .ok()
            .map(|(real, imag)| Constant::Complex { real, imag }),
    }
}

fn complex_op(op: Operator, a: Complex, b: Complex) -> Option<Complex> {
    match op {
        Operator::Add => Some((a.0 + b.0, a.1 + b.1)),
        Operator::Sub => Some((a.0 - b.0, a.1 - b.1)),
        Operator::Mult => Some(floatmath::c_prod(a, b)),
        Operator::Div => floatmath::c_quot(a, b), // None: ZeroDivisionError
        Operator::Pow => floatmath::complex_pow(a, b).ok(),
        // `//` and `%` raise TypeError for complex; the rest don't exist.
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Safety limits (`safe_multiply`, `safe_power`, `safe_lshift`)

/// `_PyLong_NumBits`: bits in the absolute value.
fn num_bits(i: &BigInt) -> u64 {
    i.bits()
}

fn safe_multiply(left: &Constant, right: &Constant) -> Option<Constant> {
    match (as_int(left), as_int(right)) {
        (Some(v), Some(w)) => {
            if !v.is_zero() && !w.is_zero() && num_bits(&v) + num_bits(&w) > MAX_INT_SIZE {
                return None;
            }
            Some(Constant::Int(v * w))
        }
        (Some(n), None) if is_sequence(right) => repeat(right, &n),
        (None, Some(n)) if is_sequence(left) => repeat(left, &n),
        _ => numeric(Operator::Mult, left, right),
    }
}

fn is_sequence(c: &Constant) -> bool {
    matches!(
        c,
        Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)
    )
}

/// `seq * n` for str, bytes and tuples, within the size limits.
fn repeat(seq: &Constant, n: &BigInt) -> Option<Constant> {
    let (size, limit) = match seq {
        Constant::Str(s) => (s.chars().count() as i64, MAX_STR_SIZE),
        Constant::Bytes(b) => (b.len() as i64, MAX_STR_SIZE),
        Constant::Tuple(t) => (t.len() as i64, MAX_COLLECTION_SIZE),
        _ => return None,
    };
    // The count must fit a C long / Py_ssize_t (else OverflowError).
    let n = n.to_i64()?;
    if size > 0 {
        if n < 0 || n > limit / size {
            return None;
        }
        if let Constant::Tuple(items) = seq {
            if n > 0 && check_complexity(items, MAX_TOTAL_ITEMS / n) < 0 {
                return None;
            }
        }
    }
    let times = n.max(0) as usize;
    Some(match seq {
        Constant::Str(s) => Constant::Str(s.repeat(times)),
        Constant::Bytes(b) => Constant::Bytes(b.repeat(times)),
        Constant::Tuple(t) => Constant::Tuple((0..times).flat_map(|_| t.iter().cloned()).collect()),
        _ => return None,
    })
}

/// `check_complexity`: `limit` minus the number of items in a tuple and its
/// nested tuples, stopping early once negative.
fn check_complexity(items: &[Constant], mut limit: i64) -> i64 {
    limit -= items.len() as i64;
    for item in items {
        if limit < 0 {
            break;
        }
        if let Constant::Tuple(inner) = item {
            limit = check_complexity(inner, limit);
        }
    }
    limit
}

fn safe_power(left: &Constant, right: &Constant) -> Option<Constant> {
    if let (Some(v), Some(w)) = (as_int(left), as_int(right)) {
        if !v.is_zero() && w.is_positive() {
            let wbits = w.to_u64()?; // PyLong_AsSize_t overflow
            if num_bits(&v) > MAX_INT_SIZE / wbits {
                return None;
            }
        }
    }
    numeric(Operator::Pow, left, right)
}

fn safe_lshift(left: &Constant, right: &Constant) -> Option<Constant> {
    if let (Some(v), Some(w)) = (as_int(left), as_int(right)) {
        if !v.is_zero() && !w.is_zero() {
            // A negative count fails PyLong_AsSize_t too.
            let wbits = w.to_u64()?;
            if wbits > MAX_INT_SIZE || num_bits(&v) > MAX_INT_SIZE - wbits {
                return None;
            }
        }
    }
    numeric(Operator::LShift, left, right)
}

// ---------------------------------------------------------------------------
// Sequences

/// `+` on two str, two bytes or two tuples (no size limit in 3.11).
fn concat(left: &Constant, right: &Constant) -> Option<Constant> {
    match (left, right) {
        (Constant::Str(a), Constant::Str(b)) => Some(Constant::Str(format!("{a}{b}"))),
        (Constant::Bytes(a), Constant::Bytes(b)) => Some(Constant::Bytes([&a[..], b].concat())),
        (Constant::Tuple(a), Constant::Tuple(b)) => Some(Constant::Tuple([&a[..], b].concat())),
        _ => None,
    }
}

/// A Python index into a sequence of `len` items (negative counts from the
/// end); `None` for IndexError.
fn resolve_index(index: &BigInt, len: usize) -> Option<usize> {
    let i = index.to_i64()?;
    let i = if i < 0 { i + len as i64 } else { i };
    if (0..len as i64).contains(&i) {
        Some(i as usize)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ratio(n: u64, d: u64) -> Option<f64> {
        ratio_to_f64(&BigUint::from(n), &BigUint::from(d))
    }

    #[test]
    fn ratio_matches_hardware_division_for_small_operands() {
        for (n, d) in [
            (1, 3),
            (2, 3),
            (10, 7),
            (1, 1),
            (123456789, 1000),
            (1 << 53, 3),
        ] {
            assert_eq!(ratio(n, d), Some(n as f64 / d as f64), "{n}/{d}");
        }
    }

    #[test]
    fn ratio_rounds_half_to_even_and_handles_extremes() {
        // 2^53 + 1 is a tie between 2^53 and 2^53 + 2: rounds to even.
        assert_eq!(ratio((1 << 53) + 1, 1), Some(9007199254740992.0));
        assert_eq!(ratio((1 << 53) + 3, 1), Some(9007199254740996.0));
        let big = BigUint::one() << 1024usize;
        assert_eq!(ratio_to_f64(&big, &BigUint::one()), None);
        let tiny = ratio_to_f64(&BigUint::one(), &(BigUint::one() << 1074usize));
        assert_eq!(tiny, Some(f64::from_bits(1)));
        let half_tiny = ratio_to_f64(&BigUint::one(), &(BigUint::one() << 1075usize));
        assert_eq!(half_tiny, Some(0.0));
    }

    #[test]
    fn float_to_int_is_exact() {
        assert_eq!(float_to_int(-3.0), BigInt::from(-3));
        assert_eq!(float_to_int(1e20), BigInt::from(100000000000000000000u128));
    }
}
