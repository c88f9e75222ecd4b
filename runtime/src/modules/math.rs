//! The `math` module, with CPython's error rules (Modules/mathmodule.c):
//! a NaN from a non-NaN argument is "math domain error" (ValueError), an
//! infinity from a finite one is "math range error" (OverflowError) for the
//! functions that can overflow and a domain error otherwise.

use std::rc::Rc;

use num_bigint::{BigInt, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::error::{PyErr, PyResult};
use crate::object::{BuiltinFn, Object};
use crate::value::Value;
use crate::Interpreter;

type Kwargs = [(Rc<str>, Value)];

extern "C" {
    // libm, as CPython 3.11 uses for these two.
    fn erf(x: f64) -> f64;
    fn erfc(x: f64) -> f64;
}

macro_rules! unary {
    ($($name:ident => $f:expr, $overflow:expr;)*) => {
        $(fn $name(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
            let x = to_f64(interp, one(interp, stringify!($name), args)?)?;
            let f: fn(f64) -> f64 = $f;
            checked(interp, x, f(x), $overflow)
        })*
    };
}

unary! {
    sqrt => f64::sqrt, false;
    exp => f64::exp, true;
    expm1 => f64::exp_m1, true;
    log2 => f64::log2, false;
    log10 => f64::log10, false;
    log1p => f64::ln_1p, false;
    sin => f64::sin, false;
    cos => f64::cos, false;
    tan => f64::tan, false;
    asin => f64::asin, false;
    acos => f64::acos, false;
    atan => f64::atan, false;
    sinh => f64::sinh, true;
    cosh => f64::cosh, true;
    tanh => f64::tanh, false;
    asinh => f64::asinh, false;
    acosh => f64::acosh, false;
    atanh => f64::atanh, false;
    fabs => f64::abs, false;
    degrees => f64::to_degrees, false;
    radians => f64::to_radians, false;
    erf_ => |x| unsafe { erf(x) }, false;
    erfc_ => |x| unsafe { erfc(x) }, false;
    cbrt => f64::cbrt, false;
    exp2 => f64::exp2, true;
}

pub fn module(interp: &Interpreter) -> Value {
    let funcs: &[(&'static str, BuiltinFn)] = &[
        ("sqrt", sqrt),
        ("exp", exp),
        ("expm1", expm1),
        ("log", log),
        ("log2", log2),
        ("log10", log10),
        ("log1p", log1p),
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("asin", asin),
        ("acos", acos),
        ("atan", atan),
        ("atan2", atan2),
        ("sinh", sinh),
        ("cosh", cosh),
        ("tanh", tanh),
        ("asinh", asinh),
        ("acosh", acosh),
        ("atanh", atanh),
        ("fabs", fabs),
        ("degrees", degrees),
        ("radians", radians),
        ("erf", erf_),
        ("erfc", erfc_),
        ("cbrt", cbrt),
        ("exp2", exp2),
        ("gamma", gamma),
        ("lgamma", lgamma),
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("pow", pow),
        ("hypot", hypot),
        ("fmod", fmod),
        ("copysign", copysign),
        ("remainder", remainder),
        ("isfinite", isfinite),
        ("isinf", isinf),
        ("isnan", isnan),
        ("isclose", isclose),
        ("factorial", factorial),
        ("gcd", gcd),
        ("lcm", lcm),
        ("comb", comb),
        ("perm", perm),
        ("isqrt", isqrt),
        ("prod", prod),
        ("fsum", fsum),
        ("modf", modf),
        ("frexp", frexp),
        ("ldexp", ldexp),
        ("dist", dist),
        ("nextafter", nextafter),
        ("ulp", ulp),
    ];
    let values = vec![
        ("pi", Value::float(std::f64::consts::PI)),
        ("e", Value::float(std::f64::consts::E)),
        ("tau", Value::float(std::f64::consts::TAU)),
        ("inf", Value::float(f64::INFINITY)),
        ("nan", Value::float(f64::NAN)),
    ];
    super::builtin_module(interp, "math", funcs, values)
}

// ----- argument conversion ---------------------------------------------------------

fn one<'a>(interp: &Interpreter, name: &str, args: &'a [Value]) -> PyResult<&'a Value> {
    match args {
        [a] => Ok(a),
        _ => Err(interp.type_error(format!(
            "math.{name}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

fn two<'a>(
    interp: &Interpreter,
    name: &str,
    args: &'a [Value],
) -> PyResult<(&'a Value, &'a Value)> {
    match args {
        [a, b] => Ok((a, b)),
        _ => Err(interp.type_error(format!("{name} expected 2 arguments, got {}", args.len()))),
    }
}

/// PyFloat_AsDouble: real numbers and objects with `__float__` or
/// `__index__`.
fn to_f64(interp: &mut Interpreter, v: &Value) -> PyResult<f64> {
    match crate::convert::to_f64(interp, v)? {
        Some(f) => Ok(f),
        None => Err(not_real(interp, v)),
    }
}

fn not_real(interp: &Interpreter, v: &Value) -> PyErr {
    interp.type_error(format!("must be real number, not {}", interp.type_name(v)))
}

/// An int argument (`__index__`), else CPython's TypeError.
fn to_int(interp: &mut Interpreter, v: &Value) -> PyResult<BigInt> {
    crate::convert::index_bigint(interp, v)
}

fn domain(interp: &Interpreter) -> PyErr {
    interp.value_error("math domain error")
}

fn range(interp: &Interpreter) -> PyErr {
    interp.err("OverflowError", "math range error")
}

/// math_1's checks on `r = f(x)`.
fn checked(interp: &Interpreter, x: f64, r: f64, can_overflow: bool) -> PyResult<Value> {
    if r.is_nan() && !x.is_nan() {
        return Err(domain(interp));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range(interp)
        } else {
            domain(interp)
        });
    }
    Ok(Value::float(r))
}

/// math_2's checks on `r = f(x, y)`.
fn checked2(interp: &Interpreter, x: f64, y: f64, r: f64) -> PyResult<Value> {
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(interp));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range(interp));
    }
    Ok(Value::float(r))
}

// ----- logarithms and powers ---------------------------------------------------------

/// Natural log of a positive int of any size (loghelper).
fn ln_of(interp: &mut Interpreter, v: &Value) -> PyResult<f64> {
    if let Value::Obj(o) = v {
        if let Object::BigInt(i) = &**o {
            if i.sign() != Sign::Plus {
                return Err(domain(interp));
            }
            if let Some(f) = i.to_f64().filter(|f| f.is_finite()) {
                return Ok(f.ln());
            }
            // x = m * 2**e with m in [0.5, 1).
            let e = i.bits() as i64 - 60;
            let m = (i >> (e as usize)).to_f64().unwrap_or(1.0);
            return Ok(m.ln() + e as f64 * std::f64::consts::LN_2);
        }
    }
    let x = to_f64(interp, v)?;
    if x <= 0.0 || x.is_nan() {
        return if x.is_nan() {
            Ok(x)
        } else {
            Err(domain(interp))
        };
    }
    Ok(x.ln())
}

fn log(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    if args.is_empty() || args.len() > 2 {
        return Err(interp.type_error("math.log requires 1 to 2 arguments"));
    }
    let num = ln_of(interp, &args[0])?;
    match args.get(1) {
        None => Ok(Value::float(num)),
        Some(b) => {
            let den = ln_of(interp, b)?;
            if den == 0.0 {
                return Err(interp.err("ZeroDivisionError", "float division by zero"));
            }
            Ok(Value::float(num / den))
        }
    }
}

fn pow(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (a, b) = two(interp, "pow", args)?;
    let (x, y) = (to_f64(interp, a)?, to_f64(interp, b)?);
    // C99 Annex F special cases that powf already follows; the errors are
    // math_2's, except 0**negative which is a domain error.
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(domain(interp));
    }
    let r = x.powf(y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(interp));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(if x == 0.0 {
            domain(interp)
        } else {
            range(interp)
        });
    }
    Ok(Value::float(r))
}

fn atan2(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (a, b) = two(interp, "atan2", args)?;
    let (y, x) = (to_f64(interp, a)?, to_f64(interp, b)?);
    checked2(interp, y, x, y.atan2(x))
}

fn fmod(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (a, b) = two(interp, "fmod", args)?;
    let (x, y) = (to_f64(interp, a)?, to_f64(interp, b)?);
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::float(x));
    }
    checked2(interp, x, y, x % y)
}

fn copysign(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (a, b) = two(interp, "copysign", args)?;
    let (x, y) = (to_f64(interp, a)?, to_f64(interp, b)?);
    Ok(Value::float(x.copysign(y)))
}

fn remainder(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (a, b) = two(interp, "remainder", args)?;
    let (x, y) = (to_f64(interp, a)?, to_f64(interp, b)?);
    if x.is_nan() || y.is_nan() {
        return Ok(Value::float(f64::NAN));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain(interp));
    }
    if y.is_infinite() {
        return Ok(Value::float(x));
    }
    // IEEE remainder: x - n*y with n the nearest integer, ties to even.
    let (absx, absy) = (x.abs(), y.abs());
    let m = absx % absy;
    let c = absy - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        // Half-way: pick the even multiple.
        m - 2.0 * ((0.5 * (absx - m)) % absy)
    };
    Ok(Value::float(1f64.copysign(x) * r))
}

fn ldexp(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (a, b) = two(interp, "ldexp", args)?;
    let x = to_f64(interp, a)?;
    let e = to_int(interp, b)
        .map_err(|_| interp.type_error("Expected an int as second argument to ldexp."))?;
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::float(x));
    }
    let e = e
        .to_i64()
        .unwrap_or(if e.is_negative() { i64::MIN } else { i64::MAX });
    let e = e.clamp(-2200, 2200) as i32;
    // Scale in steps so intermediate powers of two stay representable.
    let mut r = x;
    let mut left = e;
    while left != 0 {
        let step = left.clamp(-1000, 1000);
        r *= 2f64.powi(step);
        left -= step;
    }
    if r.is_infinite() {
        return Err(range(interp));
    }
    Ok(Value::float(r))
}

fn frexp(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let x = to_f64(interp, one(interp, "frexp", args)?)?;
    let (m, e) = if x == 0.0 || !x.is_finite() {
        (x, 0)
    } else {
        let bits = x.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i64;
        if exp == 0 {
            // Subnormal: normalise first.
            let y = x * 2f64.powi(64);
            let e = ((y.to_bits() >> 52) & 0x7ff) as i64 - 1022 - 64;
            (y / 2f64.powi((e + 64) as i32), e)
        } else {
            let e = exp - 1022;
            (f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52)), e)
        }
    };
    Ok(tuple([Value::float(m), Value::Int(e)]))
}

fn modf(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let x = to_f64(interp, one(interp, "modf", args)?)?;
    let (frac, int) = if x.is_infinite() {
        (0f64.copysign(x), x)
    } else {
        (x.fract(), x.trunc())
    };
    Ok(tuple([Value::float(frac), Value::float(int)]))
}

fn tuple(items: impl Into<crate::tuple::Tuple>) -> Value {
    Value::obj(Object::Tuple(items.into()))
}

// ----- rounding ------------------------------------------------------------------------

fn float_to_int(interp: &Interpreter, f: f64) -> PyResult<Value> {
    if f.is_infinite() {
        return Err(interp.err("OverflowError", "cannot convert float infinity to integer"));
    }
    if f.is_nan() {
        return Err(interp.value_error("cannot convert float NaN to integer"));
    }
    if f.abs() < 9.0e18 {
        return Ok(Value::Int(f as i64));
    }
    let big = num_bigint::BigInt::from(f.to_i128().unwrap_or(0));
    Ok(Value::from_bigint(if f.abs() < 1.0e38 {
        big
    } else {
        big_from_float(f)
    }))
}

/// An integral float of any size as a BigInt.
fn big_from_float(f: f64) -> BigInt {
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = BigInt::from((bits & ((1 << 52) - 1)) | (1 << 52));
    let v = if exp >= 0 {
        mant << exp as usize
    } else {
        mant >> (-exp) as usize
    };
    if f < 0.0 {
        -v
    } else {
        v
    }
}

/// math.floor/ceil/trunc: ints as they are, floats rounded, other
/// objects through their `__floor__`/`__ceil__`/`__trunc__` (floor and
/// ceil then fall back on `__float__`).
fn rounding(
    interp: &mut Interpreter,
    name: &str,
    args: &[Value],
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    let v = one(interp, name, args)?;
    match v {
        Value::Int(_) => return Ok(v.clone()),
        Value::Bool(b) => return Ok(Value::Int(b.get() as i64)),
        Value::Obj(o) if matches!(&**o, Object::BigInt(_)) => return Ok(v.clone()),
        Value::Float(x) => return float_to_int(interp, f(x.get())),
        _ => {}
    }
    let dunder = match name {
        "floor" => "__floor__",
        "ceil" => "__ceil__",
        _ => "__trunc__",
    };
    if let Some(r) = crate::class::call_dunder(interp, v, dunder, Vec::new()) {
        return r;
    }
    if name == "trunc" {
        return Err(interp.type_error(format!(
            "type {} doesn't define __trunc__ method",
            interp.type_name(v)
        )));
    }
    let x = to_f64(interp, v)?;
    float_to_int(interp, f(x))
}

fn floor(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    rounding(interp, "floor", args, f64::floor)
}

fn ceil(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    rounding(interp, "ceil", args, f64::ceil)
}

fn trunc(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    rounding(interp, "trunc", args, f64::trunc)
}

// ----- predicates ------------------------------------------------------------------------

fn isfinite(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let x = to_f64(interp, one(interp, "isfinite", args)?)?;
    Ok(Value::bool(x.is_finite()))
}

fn isinf(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let x = to_f64(interp, one(interp, "isinf", args)?)?;
    Ok(Value::bool(x.is_infinite()))
}

fn isnan(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let x = to_f64(interp, one(interp, "isnan", args)?)?;
    Ok(Value::bool(x.is_nan()))
}

fn isclose(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (a, b) = two(interp, "isclose", args)?;
    let (a, b) = (to_f64(interp, a)?, to_f64(interp, b)?);
    let mut rel_tol = 1e-9;
    let mut abs_tol = 0.0;
    for (k, v) in kwargs {
        match &**k {
            "rel_tol" => rel_tol = to_f64(interp, v)?,
            "abs_tol" => abs_tol = to_f64(interp, v)?,
            _ => {
                return Err(interp.type_error(format!(
                    "isclose() got an unexpected keyword argument '{k}'"
                )))
            }
        }
    }
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(interp.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::bool(
        diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol,
    ))
}

// ----- integers ------------------------------------------------------------------------------

fn factorial(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let n = to_int(interp, one(interp, "factorial", args)?)?;
    if n.is_negative() {
        return Err(interp.value_error("factorial() not defined for negative values"));
    }
    let n = n.to_u64().ok_or_else(|| {
        interp.err(
            "OverflowError",
            "factorial() argument should not exceed 9223372036854775807",
        )
    })?;
    let mut r = BigInt::one();
    for i in 2..=n {
        r *= i;
    }
    Ok(Value::from_bigint(r))
}

fn gcd(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let mut r = BigInt::zero();
    for a in args {
        r = big_gcd(r, to_int(interp, a)?);
    }
    Ok(Value::from_bigint(r))
}

/// Euclid's algorithm; the result is non-negative.
fn big_gcd(a: BigInt, b: BigInt) -> BigInt {
    let (mut a, mut b) = (a.abs(), b.abs());
    while !b.is_zero() {
        let r = &a % &b;
        a = b;
        b = r;
    }
    a
}

fn lcm(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let mut r = BigInt::one();
    for a in args {
        let a = to_int(interp, a)?;
        r = if r.is_zero() || a.is_zero() {
            BigInt::zero()
        } else {
            let g = big_gcd(r.clone(), a.clone());
            (r * a / g).abs()
        };
    }
    Ok(Value::from_bigint(r))
}

fn isqrt(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let n = to_int(interp, one(interp, "isqrt", args)?)?;
    if n.is_negative() {
        return Err(interp.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

/// n! / (n-k)!
fn falling(n: &BigInt, k: &BigInt) -> BigInt {
    let mut r = BigInt::one();
    let mut i = n - k + 1;
    while &i <= n {
        r *= &i;
        i += 1;
    }
    r
}

fn comb(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (a, b) = two(interp, "comb", args)?;
    let (n, k) = (to_int(interp, a)?, to_int(interp, b)?);
    if n.is_negative() {
        return Err(interp.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(interp.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let mut den = BigInt::one();
    let mut i = BigInt::from(2);
    while i <= k {
        den *= &i;
        i += 1;
    }
    Ok(Value::from_bigint(falling(&n, &k) / den))
}

fn perm(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    if args.is_empty() || args.len() > 2 {
        return Err(interp.type_error(format!(
            "perm expected at most 2 arguments, got {}",
            args.len()
        )));
    }
    let n = to_int(interp, &args[0])?;
    let k = match args.get(1).filter(|v| !v.is_none()) {
        Some(v) => to_int(interp, v)?,
        None => n.clone(),
    };
    if args.len() == 1 && n.is_negative() {
        return Err(interp.value_error("factorial() not defined for negative values"));
    }
    if n.is_negative() {
        return Err(interp.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(interp.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    Ok(Value::from_bigint(falling(&n, &k)))
}

// ----- sums and products ---------------------------------------------------------------------

fn prod(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let it = one(interp, "prod", args)?.clone();
    let mut acc = match kwargs.iter().find(|(k, _)| &**k == "start") {
        Some((_, v)) => v.clone(),
        None => Value::Int(1),
    };
    const MULTIPLY: u32 = 5;
    for x in interp.collect_iterable(&it)? {
        acc = crate::ops::binary_op(interp, MULTIPLY, &acc, &x)?;
    }
    Ok(acc)
}

/// Shewchuk's exact summation, as math_fsum.
fn fsum(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let it = one(interp, "fsum", args)?.clone();
    let items = interp.collect_iterable(&it)?;
    let mut p: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    for item in &items {
        let mut x = to_f64(interp, item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(interp.err("OverflowError", "intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(interp.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::float(special_sum));
    }
    let mut hi = 0.0;
    let mut n = p.len();
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            lo = y - (hi - x);
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
    }
    Ok(Value::float(hi))
}

fn hypot(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let xs = args
        .iter()
        .map(|a| to_f64(interp, a).map(f64::abs))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(Value::float(vector_norm(&xs)))
}

/// Euclidean norm: inf wins over nan, as CPython's vector_norm.
fn vector_norm(xs: &[f64]) -> f64 {
    if xs.iter().any(|x| x.is_infinite()) {
        return f64::INFINITY;
    }
    if xs.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    let max = xs.iter().cloned().fold(0.0, f64::max);
    if max == 0.0 || xs.len() <= 1 {
        return max;
    }
    let sum: f64 = xs.iter().map(|x| (x / max) * (x / max)).sum();
    max * sum.sqrt()
}

fn dist(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (p, q) = two(interp, "dist", args)?;
    let (p, q) = (interp.collect_iterable(p)?, interp.collect_iterable(q)?);
    if p.len() != q.len() {
        return Err(interp.value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    for (a, b) in p.iter().zip(&q) {
        diffs.push((to_f64(interp, a)? - to_f64(interp, b)?).abs());
    }
    Ok(Value::float(vector_norm(&diffs)))
}

fn nextafter(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (a, b) = two(interp, "nextafter", args)?;
    let (x, y) = (to_f64(interp, a)?, to_f64(interp, b)?);
    Ok(Value::float(next_after(x, y)))
}

fn next_after(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn ulp(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let x = to_f64(interp, one(interp, "ulp", args)?)?.abs();
    if x.is_nan() || x.is_infinite() {
        return Ok(Value::float(x));
    }
    let next = next_after(x, f64::INFINITY);
    if next.is_infinite() {
        return Ok(Value::float(x - next_after(x, -f64::INFINITY)));
    }
    Ok(Value::float(next - x))
}

// ----- gamma ----------------------------------------------------------------------------------

// The Lanczos constants are CPython's, digit for digit.
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

fn sinpi(x: f64) -> f64 {
    use std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1f64.copysign(x) * r
}

/// m_tgamma; Err(true) for a domain error, Err(false) for a range error.
fn tgamma(x: f64) -> Result<f64, bool> {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 {
            Ok(x)
        } else {
            Err(true)
        };
    }
    if x == 0.0 {
        return Err(true);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(true);
        }
        if x <= 23.0 {
            let mut r = 1.0;
            for i in 2..(x as i64) {
                r *= i as f64;
            }
            return Ok(r);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() { Err(false) } else { Ok(r) };
    }
    if absx > 200.0 {
        return if x < 0.0 {
            Ok(0.0 / sinpi(x))
        } else {
            Err(false)
        };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let z = if absx > LANCZOS_G_MINUS_HALF {
        (y - absx) - LANCZOS_G_MINUS_HALF
    } else {
        (y - LANCZOS_G_MINUS_HALF) - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let s = y.powf(absx / 2.0 - 0.25);
            r /= s;
            r /= s;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let s = y.powf(absx / 2.0 - 0.25);
            r *= s;
            r *= s;
        }
    }
    if r.is_infinite() {
        Err(false)
    } else {
        Ok(r)
    }
}

fn m_lgamma(x: f64) -> Result<f64, bool> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 { Err(true) } else { Ok(0.0) };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        #[allow(clippy::excessive_precision)]
        const LOGPI: f64 = 1.144_729_885_849_400_163_877_476_188_6;
        r = LOGPI - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        Err(false)
    } else {
        Ok(r)
    }
}

fn gamma_result(interp: &Interpreter, r: Result<f64, bool>) -> PyResult<Value> {
    match r {
        Ok(v) => Ok(Value::float(v)),
        Err(true) => Err(domain(interp)),
        Err(false) => Err(range(interp)),
    }
}

fn gamma(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let x = to_f64(interp, one(interp, "gamma", args)?)?;
    gamma_result(interp, tgamma(x))
}

fn lgamma(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let x = to_f64(interp, one(interp, "lgamma", args)?)?;
    gamma_result(interp, m_lgamma(x))
}
