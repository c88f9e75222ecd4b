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
    Bool(bool),
    /// An int that fits in i64; larger ones are `Object::BigInt` and come
    /// back here when they fit again (see `Value::from_bigint`).
    Int(i64),
    Float(f64),
    Obj(Rc<Object>),
}

impl Value {
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
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
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

#[cfg(test)]
mod tests {
    #[test]
    fn values_are_small() {
        assert_eq!(std::mem::size_of::<super::Value>(), 16);
    }
}
