//! Float and complex arithmetic with CPython's special cases, shared by the
//! constant folder (which must fold exactly what the VM would compute) and
//! the runtime. Pure functions: errors come back as `MathError`, and each
//! caller turns them into a refusal to fold or a Python exception.

/// A complex number as (real, imaginary).
pub type Complex = (f64, f64);

/// Why an operation fails, as CPython's errno after the C math: EDOM
/// becomes ZeroDivisionError, ERANGE OverflowError.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MathError {
    ZeroDivision,
    Overflow,
}

/// The result of `float ** float`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FloatPow {
    Float(f64),
    /// A negative base with a fractional exponent: the caller computes
    /// `complex_pow((base, 0.0), (exp, 0.0))`, with complex's errors.
    Complex,
}

/// `DOUBLE_IS_ODD_INTEGER`.
pub fn is_odd_integer(x: f64) -> bool {
    x.is_finite() && (x % 2.0).abs() == 1.0
}

/// `float_pow(iv, iw)`: the special cases first, then the platform `pow`.
pub fn float_pow(iv: f64, iw: f64) -> Result<FloatPow, MathError> {
    let float = |f: f64| Ok(FloatPow::Float(f));
    if iw == 0.0 {
        return float(1.0);
    }
    if iv.is_nan() {
        return float(iv);
    }
    if iw.is_nan() {
        return float(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let av = iv.abs();
        return float(if av == 1.0 {
            1.0
        } else if (iw > 0.0) == (av > 1.0) {
            iw.abs()
        } else {
            0.0
        });
    }
    let odd = is_odd_integer(iw);
    if iv.is_infinite() {
        return float(match (iw > 0.0, odd) {
            (true, true) => iv,
            (true, false) => iv.abs(),
            (false, true) => 0f64.copysign(iv),
            (false, false) => 0.0,
        });
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(MathError::ZeroDivision);
        }
        return float(if odd { iv } else { 0.0 });
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return Ok(FloatPow::Complex);
        }
        base = -iv;
        negate = odd;
    }
    if base == 1.0 {
        return float(if negate { -1.0 } else { 1.0 });
    }
    let ix = base.powf(iw);
    if ix.is_infinite() {
        return Err(MathError::Overflow);
    }
    float(if negate { -ix } else { ix })
}

/// `_Py_c_prod`.
pub fn c_prod(a: Complex, b: Complex) -> Complex {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `_Py_c_quot` (Smith's algorithm); None on division by zero.
pub fn c_quot(a: Complex, b: Complex) -> Option<Complex> {
    let (abs_breal, abs_bimag) = (b.0.abs(), b.1.abs());
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bimag >= abs_breal {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// `complex_pow`: small integral exponents by repeated squaring, the rest
/// through polar form. EDOM (zero to a negative or complex power, or an
/// infinite phase, whose cos/sin libm rejects) and ERANGE (an infinite
/// part) are errors.
pub fn complex_pow(a: Complex, b: Complex) -> Result<Complex, MathError> {
    let p = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        c_powi(a, b.0 as i64)?
    } else {
        c_pow(a, b)?
    };
    if p.0.is_infinite() || p.1.is_infinite() {
        return Err(MathError::Overflow);
    }
    Ok(p)
}

/// `_Py_c_pow`.
fn c_pow(a: Complex, b: Complex) -> Result<Complex, MathError> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Ok((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(MathError::ZeroDivision);
        }
        return Ok((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    if phase.is_infinite() {
        return Err(MathError::ZeroDivision);
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

/// `c_powi`: x**n for an integral n.
fn c_powi(x: Complex, n: i64) -> Result<Complex, MathError> {
    let p = c_powu(x, n.unsigned_abs());
    if n >= 0 {
        Ok(p)
    } else {
        c_quot((1.0, 0.0), p).ok_or(MathError::ZeroDivision)
    }
}

/// `c_powu`: x**n by binary exponentiation.
fn c_powu(x: Complex, n: u64) -> Complex {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask = 1u64;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}
