//! The common cases of `container[key]` and `container[key] = value`,
//! inline in the evaluation loop: lists and tuples indexed by an int in
//! range, dicts keyed by an int or a str that is present. Everything else
//! (slices, errors, negative indexes out of range, missing keys, other
//! types and user classes) returns None and takes `ops::getitem` /
//! `ops::setitem`, which produce CPython's results and messages.

use crate::object::Object;
use crate::value::Value;

/// A key whose hash and equality cannot run Python code.
fn simple_key(key: &Value) -> bool {
    match key {
        Value::Int(_) => true,
        Value::Obj(o) => matches!(&**o, Object::Str(_)),
        _ => false,
    }
}

/// `i` as an index into a sequence of `len` items (negative from the end).
fn index(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i.checked_add(len as i64)? } else { i };
    (0..len as i64).contains(&i).then_some(i as usize)
}

#[inline]
pub fn get(container: &Value, key: &Value) -> Option<Value> {
    let Value::Obj(o) = container else {
        return None;
    };
    match (&**o, key) {
        (Object::List(l), Value::Int(i)) => {
            let l = l.try_borrow().ok()?;
            l.get(index(*i, l.len())?).cloned()
        }
        (Object::Tuple(t), Value::Int(i)) => t.get(index(*i, t.len())?).cloned(),
        (Object::Dict(d), _) if simple_key(key) => {
            d.try_borrow().ok()?.get(key).ok().flatten().cloned()
        }
        _ => None,
    }
}

/// Gives the value back when the general path must do the store.
#[inline]
pub fn set(container: &Value, key: &Value, value: Value) -> Option<Value> {
    let Value::Obj(o) = container else {
        return Some(value);
    };
    match (&**o, key) {
        (Object::List(l), Value::Int(i)) => {
            let Ok(mut l) = l.try_borrow_mut() else {
                return Some(value);
            };
            match index(*i, l.len()) {
                Some(at) => {
                    // The old item drops after the borrow ends: dropping
                    // it may run Python code that uses this list.
                    let old = std::mem::replace(&mut l[at], value);
                    drop(l);
                    drop(old);
                    None
                }
                None => Some(value),
            }
        }
        (Object::Dict(d), _) if simple_key(key) => {
            let Ok(mut d) = d.try_borrow_mut() else {
                return Some(value);
            };
            let _ = d.insert(key.clone(), value);
            None
        }
        _ => Some(value),
    }
}
