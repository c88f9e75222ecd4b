//! Traceback objects (`exc.__traceback__`, `sys.exc_info()[2]`).
//!
//! An exception records the frames it passed through as (code,
//! instruction index) pairs, innermost first (`Exception::traceback`); that
//! list is what uncaught tracebacks print from. Python code sees it as
//! CPython's linked list of traceback objects, outermost first: a
//! `Traceback` is one position in the shared list, `tb_next` the next one
//! inwards, and `tb_frame` a frame object showing that entry's code and
//! line.

use std::rc::Rc;

use crate::code::Code;
use crate::object::Object;
use crate::value::Value;

/// One link of a traceback chain.
pub struct Traceback {
    /// The exception's entries, innermost first (as stored).
    pub entries: Rc<[(Rc<Code>, usize)]>,
    /// This link's place counted from the outermost entry.
    pub depth: usize,
}

impl Traceback {
    /// The (code, instruction index) this link stands for.
    pub fn entry(&self) -> &(Rc<Code>, usize) {
        &self.entries[self.entries.len() - 1 - self.depth]
    }

    /// The entries from this link inwards, innermost first: what an
    /// exception given this traceback (`with_traceback`) stores.
    pub fn entries_from_here(&self) -> Vec<(Rc<Code>, usize)> {
        self.entries[..self.entries.len() - self.depth].to_vec()
    }
}

/// The traceback object for an exception's entries (None when empty).
pub fn chain(entries: &[(Rc<Code>, usize)]) -> Value {
    if entries.is_empty() {
        return Value::None;
    }
    Value::obj(Object::Traceback(Traceback {
        entries: entries.into(),
        depth: 0,
    }))
}

/// The entries a value assigned to `__traceback__` stands for: None
/// clears them, a traceback object gives its entries; anything else is
/// CPython's TypeError message.
pub fn entries_of(value: &Value) -> Result<Vec<(Rc<Code>, usize)>, &'static str> {
    match value.as_object() {
        _ if value.is_none() => Ok(Vec::new()),
        Some(Object::Traceback(tb)) => Ok(tb.entries_from_here()),
        _ => Err("__traceback__ must be a traceback or None"),
    }
}

/// The line of an entry (CPython's `tb_lineno`; -1 when it has none).
fn line(code: &Code, index: usize) -> i64 {
    code.line_of(index).map_or(-1, i64::from)
}

/// The attributes of traceback objects.
pub fn attr(tb: &Traceback, name: &str) -> Option<Value> {
    let (code, index) = tb.entry();
    Some(match name {
        "tb_next" if tb.depth + 1 < tb.entries.len() => Value::obj(Object::Traceback(Traceback {
            entries: tb.entries.clone(),
            depth: tb.depth + 1,
        })),
        "tb_next" => Value::None,
        "tb_lineno" => Value::Int(line(code, *index)),
        "tb_lasti" => Value::Int(code.offsets.get(*index).map_or(-1, |&o| o as i64)),
        "tb_frame" => Value::obj(Object::Frame(Value::obj(Object::Traceback(Traceback {
            entries: tb.entries.clone(),
            depth: tb.depth,
        })))),
        _ => return None,
    })
}

/// The attributes of the frame object of a traceback entry: its code and
/// position (pyrite does not keep the frame's namespaces once it is gone).
pub fn frame_attr(tb: &Traceback, name: &str) -> Option<Value> {
    let (code, index) = tb.entry();
    Some(match name {
        "f_code" => Value::obj(Object::Code(code.clone())),
        "f_lineno" => Value::Int(line(code, *index)),
        "f_lasti" => Value::Int(code.offsets.get(*index).map_or(-1, |&o| o as i64)),
        "f_back" => Value::None,
        _ => return None,
    })
}

/// `repr(frame)` of a traceback entry's frame.
pub fn frame_repr(tb: &Traceback, at: &str) -> String {
    let (code, index) = tb.entry();
    format!(
        "<frame at {at}, file '{}', line {}, code {}>",
        code.co.filename,
        line(code, *index),
        code.co.name
    )
}
