//! The value representation.
//!
//! `None`, `bool`, small `int` (i64) and `float` live inline; arithmetic on
//! them allocates nothing. Everything else is a reference-counted heap
//! object (`Rc<Object>`), which gives CPython's identity (`is`, `id()`) and
//! deterministic destruction. A `Value` is 16 bytes.

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::object::Object;

#[derive(Clone, Debug)]
pub enum Value {
    /// CPython's NULL: an unbound local, or the empty slot below a
    /// callable (PUSH_NULL). Never visible to Python code.
    Null,
    None,
    Bool(B64),
    /// An int that fits in i64; larger ones are `Object::BigInt` and come
    /// back here when they fit again (see `Value::from_bigint`).
    Int(i64),
    Float(F64),
    Obj(Rc<Object>),
}

// Why `B64` and `F64` rather than `bool` and `f64`: when every payload of
// an enum is one 64-bit integer or pointer, rustc gives it a "scalar pair"
// layout, so a `Value` travels in two registers and is stored as two
// 8-byte words. With a 1-byte bool or an f64 among the payloads it is an
// aggregate instead, copied through memory with 16-byte vector moves that
// stall on the narrower stores that built it (store forwarding fails).
// Every push onto the value stack paid that.

/// A bool payload, one 64-bit word wide (see above).
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(transparent)]
pub struct B64(u64);

impl B64 {
    #[inline(always)]
    pub fn get(self) -> bool {
        self.0 != 0
    }
}

impl std::fmt::Debug for B64 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

/// A float payload kept as its bits (see above).
#[derive(Clone, Copy)]
#[repr(transparent)]
pub struct F64(u64);

impl F64 {
    #[inline(always)]
    pub fn get(self) -> f64 {
        f64::from_bits(self.0)
    }
}

impl std::fmt::Debug for F64 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

impl Value {
    /// A bool value (match on `Value::Bool(b)` and read `b.get()`).
    #[inline(always)]
    pub const fn bool(b: bool) -> Value {
        Value::Bool(B64(b as u64))
    }

    /// A float value (match on `Value::Float(f)` and read `f.get()`).
    #[inline(always)]
    pub const fn float(f: f64) -> Value {
        Value::Float(F64(f.to_bits()))
    }

    #[inline(always)]
    pub fn obj(o: Object) -> Value {
        Value::Obj(Rc::new(o))
    }

    /// An int of any size, normalised to the inline form when it fits.
    pub fn from_bigint(i: BigInt) -> Value {
        match i.to_i64() {
            Some(v) => Value::Int(v),
            None => Value::obj(Object::BigInt(i)),
        }
    }

    pub fn str(s: &str) -> Value {
        Value::obj(Object::Str(s.into()))
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// `a is b`.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) | (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // Small ints are cached in CPython (-5..=256); others created
            // separately are distinct objects, but identical inline values
            // are the common case `is` sees, so treat equal ints as the same.
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.get().to_bits() == b.get().to_bits(),
            (Value::Obj(a), Value::Obj(b)) => {
                Rc::ptr_eq(a, b)
                    || match (&**a, &**b) {
                        // `type(x)` wraps the one type object anew each time.
                        (Object::Type(p), Object::Type(q)) => Rc::ptr_eq(p, q),
                        // Singletons that constants and builtins may each
                        // allocate: every copy is the one object.
                        (Object::Ellipsis, Object::Ellipsis)
                        | (Object::NotImplemented, Object::NotImplemented) => true,
                        _ => false,
                    }
            }
            _ => false,
        }
    }

    pub fn as_object(&self) -> Option<&Object> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }
}

/// `Rc::new(make())`, with the heap object allocated before `make` runs,
/// so that the object can be written straight into its allocation.
/// `Rc::new` of an object that a call returns builds it on the Rust stack
/// and then copies it: the copy's wide loads wait on the narrow stores that
/// had just built it (failed store forwarding).
#[inline(always)]
pub fn rc_with(make: impl FnOnce() -> Object) -> Rc<Object> {
    // `Rc::new` of an uninitialised value rather than `Rc::new_uninit`:
    // the latter computes its layout at run time in an out-of-line call
    // (a tenth of making an instance).
    let rc = Rc::new(std::mem::MaybeUninit::<Object>::uninit());
    // SAFETY: the Rc was just made, so nothing else can see the value
    // while it is written through the Rc's own pointer; it is initialised
    // before `assume_init`.
    unsafe {
        (*Rc::as_ptr(&rc).cast_mut()).write(make());
        rc.assume_init()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn values_are_small() {
        assert_eq!(std::mem::size_of::<super::Value>(), 16);
    }
}
