//! `range` objects whose bounds or length do not fit in i64, and the
//! operations that treat both representations alike.
//!
//! A range whose start, stop and step fit in i64 and whose length fits in
//! i64 is `Object::Range` (inline i64 bounds, the fast paths); any other is
//! `Object::BigRange` (boxed BigInt bounds and length, as CPython's
//! rangeobject keeps them). `make` picks the representation, so every
//! `Object::Range` has a length that fits in i64.
//!
//! Iterators follow CPython's choice between `range_iterator` (C longs) and
//! `longrange_iterator` (Python ints): `Iter::Range` and `Iter::LongRange`.

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::error::PyResult;
use crate::interp::Interpreter;
use crate::object::{Iter, Object, Range};
use crate::value::Value;

/// A range with arbitrary-size bounds; `len` is computed once.
pub struct BigRange {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
    pub len: BigInt,
}

/// The state of a `longrange_iterator`: the next item, the step and how
/// many items are left.
pub struct LongRangeIter {
    pub next: BigInt,
    pub step: BigInt,
    pub left: BigInt,
}

impl LongRangeIter {
    pub fn next_item(&mut self) -> Option<Value> {
        if !self.left.is_positive() {
            return None;
        }
        self.left -= 1;
        let v = self.next.clone();
        self.next += &self.step;
        Some(Value::from_bigint(v))
    }
}

/// The number of items of range(start, stop, step) (step is not zero).
pub fn len_of(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() && start < stop {
        (stop - start - 1u32) / step + 1u32
    } else if step.is_negative() && start > stop {
        (start - stop - 1u32) / -step + 1u32
    } else {
        BigInt::zero()
    }
}

/// The range object for these bounds (step not zero): inline when they and
/// the length fit in i64, boxed otherwise.
pub fn make(start: BigInt, stop: BigInt, step: BigInt) -> Object {
    if let (Some(a), Some(b), Some(c)) = (start.to_i64(), stop.to_i64(), step.to_i64()) {
        let r = Range {
            start: a,
            stop: b,
            step: c,
        };
        if r.len_u64() <= i64::MAX as u64 {
            return Object::Range(r);
        }
    }
    let len = len_of(&start, &stop, &step);
    Object::BigRange(Box::new(BigRange {
        start,
        stop,
        step,
        len,
    }))
}

/// A range's bounds and length as BigInts, whichever its representation
/// (None if `o` is not a range).
pub fn parts(o: &Object) -> Option<BigRange> {
    match o {
        Object::Range(r) => Some(BigRange {
            start: r.start.into(),
            stop: r.stop.into(),
            step: r.step.into(),
            len: r.len().into(),
        }),
        Object::BigRange(b) => Some(BigRange {
            start: b.start.clone(),
            stop: b.stop.clone(),
            step: b.step.clone(),
            len: b.len.clone(),
        }),
        _ => None,
    }
}

impl BigRange {
    /// `x in r` for an int `x`.
    pub fn contains(&self, x: &BigInt) -> bool {
        let inside = if self.step.is_positive() {
            &self.start <= x && x < &self.stop
        } else {
            &self.stop < x && x <= &self.start
        };
        inside && ((x - &self.start) % &self.step).is_zero()
    }

    /// The position of the int `x` in the range, if it is there.
    pub fn position(&self, x: &BigInt) -> Option<BigInt> {
        self.contains(x).then(|| (x - &self.start) / &self.step)
    }

    /// `r[i]`, None when `i` is out of range.
    pub fn item(&self, i: &BigInt) -> Option<BigInt> {
        let i = if i.is_negative() {
            i + &self.len
        } else {
            i.clone()
        };
        (!i.is_negative() && i < self.len).then(|| &self.start + i * &self.step)
    }

    /// Ranges are equal when they give the same sequence.
    pub fn same_items(&self, other: &BigRange) -> bool {
        self.len == other.len
            && (self.len.is_zero()
                || (self.start == other.start && (self.len.is_one() || self.step == other.step)))
    }

    /// CPython's range_hash: the hash of (len, start, step), with None for
    /// the parts that do not matter to equality.
    pub fn hash(&self) -> i64 {
        let h = |v: Value| crate::hash::hash_key(&v).unwrap_or(0);
        let none = h(Value::None);
        let lanes = [
            h(Value::from_bigint(self.len.clone())),
            if self.len.is_zero() {
                none
            } else {
                h(Value::from_bigint(self.start.clone()))
            },
            if self.len.is_zero() || self.len.is_one() {
                none
            } else {
                h(Value::from_bigint(self.step.clone()))
            },
        ];
        pyrite_compiler::pyhash::hash_tuple_lanes(&lanes)
    }

    pub fn repr(&self) -> String {
        if self.step.is_one() {
            format!("range({}, {})", self.start, self.stop)
        } else {
            format!("range({}, {}, {})", self.start, self.stop, self.step)
        }
    }

    /// `iter(r)`: a longrange_iterator.
    pub fn iter(&self) -> Iter {
        Iter::LongRange(Box::new(LongRangeIter {
            next: self.start.clone(),
            step: self.step.clone(),
            left: self.len.clone(),
        }))
    }

    /// `reversed(r)`: a longrange_iterator from the last item backwards.
    pub fn reversed(&self) -> Iter {
        let last = if self.len.is_positive() {
            &self.start + (&self.len - 1u32) * &self.step
        } else {
            self.start.clone()
        };
        Iter::LongRange(Box::new(LongRangeIter {
            next: last,
            step: -&self.step,
            left: self.len.clone(),
        }))
    }

    /// `r[slice]`: CPython's compute_slice, on the slice's indices for the
    /// range's length.
    pub fn slice(&self, interp: &mut Interpreter, key: &Value) -> PyResult<Object> {
        let Some(Object::Slice(start, stop, step)) = key.as_object() else {
            return Ok(make(BigInt::zero(), BigInt::zero(), BigInt::one()));
        };
        let (i, j, k) =
            crate::builtins::containers::long_slice_indices(interp, start, stop, step, &self.len)?;
        Ok(make(
            &self.start + i * &self.step,
            &self.start + j * &self.step,
            &self.step * k,
        ))
    }
}

/// `iter(r)` for an inline range: a range_iterator when CPython makes one
/// (the items and one step past the last fit in a C long).
#[inline]
pub fn iter_small(r: &Range) -> Iter {
    let fits = if r.step > 0 {
        r.stop <= i64::MAX - (r.step - 1)
    } else {
        r.stop >= i64::MIN + (-1 - r.step)
    };
    if fits || r.is_empty() {
        Iter::Range {
            next: r.start,
            stop: r.stop,
            step: r.step,
        }
    } else {
        parts(&Object::Range(*r)).map_or(Iter::Exhausted, |b| b.iter())
    }
}

/// `reversed(r)` for an inline range: a range_iterator when CPython makes
/// one (step, -step, start - step and the length fit in a C long).
pub fn reversed_small(r: &Range) -> Iter {
    let n = r.len();
    match (r.step.checked_neg(), r.start.checked_sub(r.step)) {
        (Some(neg), Some(stop)) => Iter::Range {
            // The last item (or `stop` when there is none), so it fits.
            next: stop.wrapping_add(n.wrapping_mul(r.step)),
            stop,
            step: neg,
        },
        _ => parts(&Object::Range(*r)).map_or(Iter::Exhausted, |b| b.reversed()),
    }
}
