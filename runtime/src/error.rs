//! Python exceptions as Rust errors.
//!
//! Everything that can go wrong at run time is a Python exception object;
//! Rust code carries it in `PyResult`'s error until a handler (found through
//! the code object's exception table) or the top level takes it.

use crate::value::Value;

/// A raised exception: an `Object::Exception` value.
#[derive(Clone, Debug)]
pub struct PyErr(pub Value);

pub type PyResult<T> = Result<T, PyErr>;
