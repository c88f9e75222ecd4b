//! The items of a tuple object.
//!
//! Most tuples are small and short-lived: the pairs of `dict.items()`,
//! `zip` and `enumerate`, coordinates used as keys, `hash((self.x,
//! self.y))`, several return values. Up to [`INLINE`] items therefore live
//! inside the tuple object itself, so making one is a single allocation
//! rather than two, and it takes less memory (a list of 350,000 pairs
//! saves 48 bytes per pair). Longer tuples keep their items on the heap.
//!
//! A `Tuple` dereferences to `[Value]`, which is all that code reading a
//! tuple needs.

use std::ops::Deref;
use std::rc::Rc;

use crate::object::Object;
use crate::value::Value;

/// How many items fit in the object (the rest of `Object`'s 72 bytes).
const INLINE: usize = 3;

#[derive(Clone)]
pub enum Tuple {
    /// The first `len` slots are the items; the others hold `Value::Null`.
    Inline(u8, [Value; INLINE]),
    Heap(Box<[Value]>),
}

impl Tuple {
    /// `()`.
    pub fn empty() -> Tuple {
        Tuple::Inline(0, [Value::Null, Value::Null, Value::Null])
    }

    /// A tuple object of `v[at..]`, moved out of `v` (the stack, for
    /// BUILD_TUPLE and a call's `*args`). A short one is allocated first,
    /// as an empty tuple, and the items are moved into its slots there:
    /// building the tuple on the Rust stack and then copying it into the
    /// allocation (what `Value::obj(Object::Tuple(..))` does) made the
    /// copy's wide loads wait on the narrow stores that had just built it
    /// (failed store forwarding).
    #[inline]
    pub fn value_from_tail(v: &mut Vec<Value>, at: usize) -> Value {
        let n = v.len().saturating_sub(at);
        if n > INLINE {
            let items = crate::interp::take_tail(v, at).into_boxed_slice();
            return Value::obj(Object::Tuple(Tuple::Heap(items)));
        }
        let mut rc = Rc::new(Object::Tuple(Tuple::empty()));
        if let Some(Object::Tuple(Tuple::Inline(len, items))) = Rc::get_mut(&mut rc) {
            for slot in items[..n].iter_mut().rev() {
                if let Some(item) = v.pop() {
                    *slot = item;
                }
            }
            *len = n as u8;
        }
        Value::Obj(rc)
    }

    /// The items as a vector (moved out, not cloned).
    pub fn into_vec(self) -> Vec<Value> {
        match self {
            Tuple::Inline(len, items) => {
                let mut v = Vec::from(items);
                v.truncate(len as usize);
                v
            }
            Tuple::Heap(items) => items.into_vec(),
        }
    }
}

impl Deref for Tuple {
    type Target = [Value];

    #[inline]
    fn deref(&self) -> &[Value] {
        match self {
            Tuple::Inline(len, items) => &items[..*len as usize],
            Tuple::Heap(items) => items,
        }
    }
}

impl FromIterator<Value> for Tuple {
    /// Fills the inline slots straight from the iterator; only a fourth
    /// item moves everything to the heap.
    fn from_iter<I: IntoIterator<Item = Value>>(iter: I) -> Tuple {
        let mut iter = iter.into_iter();
        let mut items = [Value::Null, Value::Null, Value::Null];
        for (n, slot) in items.iter_mut().enumerate() {
            match iter.next() {
                Some(v) => *slot = v,
                None => return Tuple::Inline(n as u8, items),
            }
        }
        match iter.next() {
            None => Tuple::Inline(INLINE as u8, items),
            Some(fourth) => {
                let mut all = Vec::from(items);
                all.push(fourth);
                all.extend(iter);
                Tuple::Heap(all.into_boxed_slice())
            }
        }
    }
}

impl From<Vec<Value>> for Tuple {
    fn from(items: Vec<Value>) -> Tuple {
        if items.len() <= INLINE {
            items.into_iter().collect()
        } else {
            Tuple::Heap(items.into_boxed_slice())
        }
    }
}

impl From<Box<[Value]>> for Tuple {
    fn from(items: Box<[Value]>) -> Tuple {
        if items.len() <= INLINE {
            items.into_vec().into_iter().collect()
        } else {
            Tuple::Heap(items)
        }
    }
}

impl<const N: usize> From<[Value; N]> for Tuple {
    fn from(items: [Value; N]) -> Tuple {
        items.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(n: i64) -> Vec<Value> {
        (0..n).map(Value::Int).collect()
    }

    #[test]
    fn small_tuples_are_inline_and_large_ones_are_not() {
        for n in 0..8 {
            let t: Tuple = ints(n).into();
            assert_eq!(t.len(), n as usize);
            assert_eq!(matches!(t, Tuple::Inline(..)), n <= INLINE as i64);
            let back: Vec<i64> = t
                .into_vec()
                .iter()
                .map(|v| match v {
                    Value::Int(i) => *i,
                    _ => -1,
                })
                .collect();
            assert_eq!(back, (0..n).collect::<Vec<_>>());
        }
    }
}
