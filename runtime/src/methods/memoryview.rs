//! `memoryview`: a view of the memory of a bytes, bytearray or
//! `array.array` (or of what another memoryview sees), as CPython's buffer
//! protocol exports it.
//!
//! A view addresses its exporter's bytes by position: `offset` is the byte
//! of the first item, `shape` and `strides` (in bytes, possibly negative
//! after `[::-1]`) lead to the others. Slices, casts and `memoryview(view)`
//! share one `Export` with the view they come from, so writes through any
//! of them reach the exporter, and the exporter stays exported (a
//! bytearray cannot be resized) until the last of them is released.
//!
//! `array.array` is written in Python (`modules/lib/array.py`): its bytes
//! are read through `__pyrite_buffer__` and written back through
//! `__pyrite_setbuffer__`, on every access, so a view of an array is as
//! live as one of a bytearray.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use num_traits::ToPrimitive;

use crate::builtins::Kwargs;
use crate::dict::Unhashable;
use crate::error::{PyErr, PyResult};
use crate::object::{BuiltinFn, ByteArrayBuf, Object};
use crate::value::Value;
use crate::Interpreter;

pub const METHODS: &[(&str, BuiltinFn)] = &[
    ("tobytes", tobytes),
    ("tolist", tolist),
    ("hex", hex),
    ("cast", cast),
    ("release", release),
    ("toreadonly", toreadonly),
    ("__enter__", enter),
    ("__exit__", exit),
];

/// The data attributes of a view (`mv.nbytes`, ...).
pub const ATTRS: &[&str] = &[
    "obj",
    "nbytes",
    "readonly",
    "itemsize",
    "format",
    "ndim",
    "shape",
    "strides",
    "suboffsets",
    "c_contiguous",
    "f_contiguous",
    "contiguous",
];

const RELEASED: &str = "operation forbidden on released memoryview object";

pub struct MemoryView {
    /// The exporting object (`mv.obj`).
    pub obj: Value,
    /// The export this view reads through; None once released.
    export: RefCell<Option<Rc<Export>>>,
    /// Byte position of the first item (of item `[0, 0, ...]`).
    offset: isize,
    shape: Vec<usize>,
    /// Bytes from one item to the next, per dimension.
    strides: Vec<isize>,
    itemsize: usize,
    format: Rc<str>,
    readonly: bool,
    hash: Cell<Option<i64>>,
}

/// One export of an object's memory (CPython's managed buffer): while it
/// lives, a bytearray exporter counts it and refuses to change size.
struct Export {
    src: Value,
}

impl Export {
    fn new(src: &Value) -> Rc<Export> {
        if let Some(Object::ByteArray(b)) = src.as_object() {
            b.exports.set(b.exports.get() + 1);
        }
        Rc::new(Export { src: src.clone() })
    }
}

impl Drop for Export {
    fn drop(&mut self) {
        if let Some(Object::ByteArray(b)) = self.src.as_object() {
            b.exports.set(b.exports.get().saturating_sub(1));
        }
    }
}

/// CPython's check before a bytearray changes size: not while a view
/// addresses its bytes.
pub fn check_resize(interp: &Interpreter, b: &ByteArrayBuf, new_len: usize) -> PyResult<()> {
    if b.exports.get() > 0 && b.borrow().len() != new_len {
        return Err(interp.err(
            "BufferError",
            "Existing exports of data: object cannot be re-sized",
        ));
    }
    Ok(())
}

impl MemoryView {
    pub fn is_released(&self) -> bool {
        self.export.borrow().is_none()
    }

    /// The exporter, or the released-view ValueError.
    fn source(&self, interp: &Interpreter) -> PyResult<Value> {
        match &*self.export.borrow() {
            Some(e) => Ok(e.src.clone()),
            None => Err(interp.value_error(RELEASED)),
        }
    }

    /// A view of the same memory with another layout.
    fn derive(&self, offset: isize, shape: Vec<usize>, strides: Vec<isize>) -> MemoryView {
        MemoryView {
            obj: self.obj.clone(),
            export: RefCell::new(self.export.borrow().clone()),
            offset,
            shape,
            strides,
            itemsize: self.itemsize,
            format: self.format.clone(),
            readonly: self.readonly,
            hash: Cell::new(None),
        }
    }

    fn nbytes(&self) -> usize {
        self.shape.iter().product::<usize>() * self.itemsize
    }

    /// Byte positions of every item, in row-major (C) order.
    fn positions(&self) -> Vec<usize> {
        let mut out = vec![self.offset];
        for (&n, &stride) in self.shape.iter().zip(&self.strides) {
            out = out
                .iter()
                .flat_map(|&p| (0..n).map(move |i| p + i as isize * stride))
                .collect();
        }
        out.into_iter().map(|p| p.max(0) as usize).collect()
    }

    /// The strides of a C-contiguous array of this shape.
    fn c_strides(&self) -> Vec<isize> {
        let mut strides = vec![0isize; self.shape.len()];
        let mut step = self.itemsize as isize;
        for (s, &n) in strides.iter_mut().zip(&self.shape).rev() {
            *s = step;
            step *= n as isize;
        }
        strides
    }

    fn is_c_contiguous(&self) -> bool {
        self.nbytes() == 0 || self.dims_match(&self.c_strides())
    }

    fn is_f_contiguous(&self) -> bool {
        let mut step = self.itemsize as isize;
        let mut strides = Vec::with_capacity(self.shape.len());
        for &n in &self.shape {
            strides.push(step);
            step *= n as isize;
        }
        self.nbytes() == 0 || self.dims_match(&strides)
    }

    /// Whether the strides are `expected`, ignoring dimensions of one item
    /// (whose stride is never used).
    fn dims_match(&self, expected: &[isize]) -> bool {
        self.shape
            .iter()
            .zip(self.strides.iter().zip(expected))
            .all(|(&n, (s, e))| n <= 1 || s == e)
    }
}

// ----- the exporter's bytes ---------------------------------------------------------

/// An array's bytes, through `__pyrite_buffer__`.
fn exported_bytes(interp: &mut Interpreter, src: &Value) -> PyResult<Vec<u8>> {
    match crate::class::call_dunder(interp, src, "__pyrite_buffer__", Vec::new()) {
        Some(r) => Ok(plain_bytes(&r?).unwrap_or_default()),
        None => Ok(Vec::new()),
    }
}

fn plain_bytes(v: &Value) -> Option<Vec<u8>> {
    match v.as_object()? {
        Object::Bytes(b) => Some(b.to_vec()),
        Object::ByteArray(b) => Some(b.borrow().clone()),
        _ => None,
    }
}

/// The view's bytes in logical order (`mv.tobytes()`), from memory `mem`.
fn gather(m: &MemoryView, mem: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(m.nbytes());
    for p in m.positions() {
        out.extend_from_slice(mem.get(p..p + m.itemsize).unwrap_or(&[]));
    }
    out
}

/// The view's bytes.
pub fn contents(interp: &mut Interpreter, m: &MemoryView) -> PyResult<Vec<u8>> {
    let src = m.source(interp)?;
    match src.as_object() {
        Some(Object::Bytes(b)) => Ok(gather(m, b)),
        Some(Object::ByteArray(b)) => Ok(gather(m, &b.borrow())),
        _ => {
            let mem = exported_bytes(interp, &src)?;
            Ok(gather(m, &mem))
        }
    }
}

/// The bytes of a view whose exporter is a bytes or bytearray (readable
/// without running Python code); None for other views and other values.
pub fn plain_contents(v: &Value) -> Option<Vec<u8>> {
    plain_contents_of(view(v)?)
}

/// Change the exporter's bytes with `f` (the view is known writable).
fn modify(interp: &mut Interpreter, m: &MemoryView, f: impl FnOnce(&mut [u8])) -> PyResult<()> {
    let src = m.source(interp)?;
    match src.as_object() {
        Some(Object::ByteArray(b)) => f(&mut b.borrow_mut()),
        Some(Object::Instance(_)) => {
            let mut mem = exported_bytes(interp, &src)?;
            f(&mut mem);
            let arg = Value::obj(Object::Bytes(mem.into_boxed_slice()));
            if let Some(r) =
                crate::class::call_dunder(interp, &src, "__pyrite_setbuffer__", vec![arg])
            {
                r?;
            }
        }
        _ => {}
    }
    Ok(())
}

// ----- construction -------------------------------------------------------------------

/// `memoryview(object)`.
pub fn construct(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    if args.len() + kwargs.len() > 1 {
        return Err(interp.type_error(format!(
            "memoryview() takes at most 1 argument ({} given)",
            args.len() + kwargs.len()
        )));
    }
    let obj = match (args.first(), kwargs.first()) {
        (Some(v), _) => v,
        (None, Some((k, v))) if &**k == "object" => v,
        // Argument Clinic reports the missing argument first.
        (None, _) => {
            return Err(interp.type_error("memoryview() missing required argument 'object' (pos 1)"))
        }
    };
    let view = new_view(interp, obj)?;
    Ok(Value::obj(Object::MemoryView(Box::new(view))))
}

/// A view of all of `obj`'s memory.
fn new_view(interp: &mut Interpreter, obj: &Value) -> PyResult<MemoryView> {
    let flat = |len: usize, itemsize: usize, format: &str, readonly: bool| MemoryView {
        obj: obj.clone(),
        export: RefCell::new(Some(Export::new(obj))),
        offset: 0,
        shape: vec![len / itemsize.max(1)],
        strides: vec![itemsize as isize],
        itemsize,
        format: format.into(),
        readonly,
        hash: Cell::new(None),
    };
    match obj.as_object() {
        Some(Object::MemoryView(m)) => {
            m.source(interp)?;
            // The new view sees what `m` sees, and names `m`'s exporter.
            Ok(m.derive(m.offset, m.shape.clone(), m.strides.clone()))
        }
        Some(Object::Bytes(b)) => Ok(flat(b.len(), 1, "B", true)),
        Some(Object::ByteArray(b)) => Ok(flat(b.borrow().len(), 1, "B", false)),
        Some(Object::Instance(_)) if crate::class::has_dunder(obj, "__pyrite_buffer__") => {
            let len = exported_bytes(interp, obj)?.len();
            let code = interp.get_attr(obj, &Value::str("typecode"))?;
            let code = crate::format::str_value(&code);
            // CPython exports 'u' arrays (wchar_t) with format 'w'.
            let format = if code == "u" { "w" } else { code.as_str() };
            let itemsize = native_size(format).unwrap_or(4);
            let readonly = !crate::class::has_dunder(obj, "__pyrite_setbuffer__");
            Ok(flat(len, itemsize, format, readonly))
        }
        _ => Err(interp.type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            interp.type_name(obj)
        ))),
    }
}

/// A view of `v` if it is a view or exports memory (to compare with).
fn view_of(interp: &mut Interpreter, v: &Value) -> PyResult<Option<Value>> {
    match v.as_object() {
        Some(Object::MemoryView(_)) => Ok(Some(v.clone())),
        Some(Object::Bytes(_) | Object::ByteArray(_)) => Ok(Some(Value::obj(Object::MemoryView(
            Box::new(new_view(interp, v)?),
        )))),
        Some(Object::Instance(_)) if crate::class::has_dunder(v, "__pyrite_buffer__") => Ok(Some(
            Value::obj(Object::MemoryView(Box::new(new_view(interp, v)?))),
        )),
        _ => Ok(None),
    }
}

fn view(v: &Value) -> Option<&MemoryView> {
    match v.as_object()? {
        Object::MemoryView(m) => Some(m),
        _ => None,
    }
}

// ----- item formats ----------------------------------------------------------------

/// The struct code of a native single-character format ('@B' is 'B').
fn code_of(format: &str) -> Option<char> {
    let f = format.strip_prefix('@').unwrap_or(format);
    let mut chars = f.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// The item size of a format memoryview can cast to (CPython's native
/// sizes on 64-bit Linux).
fn native_size(format: &str) -> Option<usize> {
    Some(match code_of(format)? {
        'c' | 'b' | 'B' | '?' => 1,
        'h' | 'H' => 2,
        'i' | 'I' | 'f' => 4,
        'l' | 'L' | 'q' | 'Q' | 'n' | 'N' | 'd' | 'P' => 8,
        _ => return None,
    })
}

fn is_byte_format(format: &str) -> bool {
    matches!(code_of(format), Some('b' | 'B' | 'c'))
}

fn unsupported(interp: &Interpreter, format: &str) -> PyErr {
    interp.err(
        "NotImplementedError",
        format!("memoryview: format {format} not supported"),
    )
}

/// The Python value of one item's bytes; None for a format struct does
/// not know.
fn unpack(format: &str, b: &[u8]) -> Option<Value> {
    let n = |k: usize| -> Option<[u8; 8]> {
        let mut a = [0u8; 8];
        a[..k].copy_from_slice(b.get(..k)?);
        Some(a)
    };
    let unsigned = |k: usize| n(k).map(u64::from_le_bytes);
    let signed = |k: usize| {
        unsigned(k).map(|u| {
            let shift = 64 - 8 * k as u32;
            ((u << shift) as i64) >> shift
        })
    };
    Some(match code_of(format)? {
        'c' => Value::obj(Object::Bytes(b.get(..1)?.into())),
        '?' => Value::bool(*b.first()? != 0),
        'b' => Value::Int(signed(1)?),
        'h' => Value::Int(signed(2)?),
        'i' => Value::Int(signed(4)?),
        'l' | 'q' | 'n' => Value::Int(signed(8)?),
        'B' => Value::Int(unsigned(1)? as i64),
        'H' => Value::Int(unsigned(2)? as i64),
        'I' => Value::Int(unsigned(4)? as i64),
        'L' | 'Q' | 'N' | 'P' => Value::from_bigint(unsigned(8)?.into()),
        'f' => Value::float(f32::from_le_bytes(b.get(..4)?.try_into().ok()?) as f64),
        'd' => Value::float(f64::from_le_bytes(b.get(..8)?.try_into().ok()?)),
        _ => return None,
    })
}

/// The bytes of `v` as an item of `format`, with CPython's messages:
/// a TypeError for a value of the wrong type, a ValueError for one out
/// of range.
fn pack(interp: &mut Interpreter, format: &str, v: &Value) -> PyResult<Vec<u8>> {
    let invalid = |interp: &Interpreter, what: &str, kind: &str| {
        interp.err(
            kind,
            format!("memoryview: invalid {what} for format '{format}'"),
        )
    };
    let code = code_of(format).ok_or_else(|| unsupported(interp, format))?;
    let size = native_size(format).ok_or_else(|| unsupported(interp, format))?;
    match code {
        'c' => match v.as_object() {
            Some(Object::Bytes(b)) if b.len() == 1 => Ok(b.to_vec()),
            Some(Object::Bytes(_)) => Err(invalid(interp, "value", "ValueError")),
            _ => Err(invalid(interp, "type", "TypeError")),
        },
        '?' => Ok(vec![interp.is_true(v)? as u8]),
        'f' | 'd' => {
            let Some(x) = float_of(interp, v)? else {
                return Err(invalid(interp, "type", "TypeError"));
            };
            Ok(if code == 'f' {
                (x as f32).to_le_bytes().to_vec()
            } else {
                x.to_le_bytes().to_vec()
            })
        }
        _ => {
            let Some(i) = crate::convert::try_index(interp, v)? else {
                return Err(invalid(interp, "type", "TypeError"));
            };
            let i = crate::num::int_value(&i).and_then(|b| b.to_i128());
            let (lo, hi): (i128, i128) = match code {
                'b' => (i8::MIN.into(), i8::MAX.into()),
                'B' => (0, u8::MAX.into()),
                'h' => (i16::MIN.into(), i16::MAX.into()),
                'H' => (0, u16::MAX.into()),
                'i' => (i32::MIN.into(), i32::MAX.into()),
                'I' => (0, u32::MAX.into()),
                'l' | 'q' | 'n' => (i64::MIN.into(), i64::MAX.into()),
                _ => (0, u64::MAX.into()),
            };
            match i {
                Some(i) if (lo..=hi).contains(&i) => Ok(i.to_le_bytes()[..size].to_vec()),
                _ => Err(invalid(interp, "value", "ValueError")),
            }
        }
    }
}

/// PyFloat_AsDouble: a float, an int or an object with `__float__`
/// (`__index__`); None when `v` is none of these.
fn float_of(interp: &mut Interpreter, v: &Value) -> PyResult<Option<f64>> {
    if let Some(x) = crate::convert::to_f64(interp, v)? {
        return Ok(Some(x));
    }
    match crate::convert::try_index(interp, v)? {
        Some(i) => crate::convert::to_f64(interp, &i),
        None => Ok(None),
    }
}

/// Every item's value, in row-major order.
fn values(interp: &mut Interpreter, m: &MemoryView) -> PyResult<Vec<Value>> {
    let data = contents(interp, m)?;
    let size = m.itemsize.max(1);
    data.chunks(size)
        .map(|c| unpack(&m.format, c).ok_or_else(|| unsupported(interp, &m.format)))
        .collect()
}

// ----- the protocols -----------------------------------------------------------------

/// `len(mv)`.
pub fn len(interp: &Interpreter, m: &MemoryView) -> PyResult<usize> {
    m.source(interp)?;
    m.shape
        .first()
        .copied()
        .ok_or_else(|| interp.type_error("0-dim memory has no length"))
}

/// `bool(mv)`.
pub fn truth(m: &MemoryView) -> bool {
    m.shape.first().is_none_or(|&n| n > 0)
}

/// The items `iter(mv)` produces.
pub fn iter_items(interp: &mut Interpreter, m: &MemoryView) -> PyResult<Vec<Value>> {
    m.source(interp)?;
    match m.shape.len() {
        0 => Err(interp.type_error("invalid indexing of 0-dim memory")),
        1 => values(interp, m),
        _ => Err(sub_views(interp)),
    }
}

fn sub_views(interp: &Interpreter) -> PyErr {
    interp.err(
        "NotImplementedError",
        "multi-dimensional sub-views are not implemented",
    )
}

/// `repr(mv)`, given the object's address.
pub fn repr(m: &MemoryView, at: &str) -> String {
    let released = if m.is_released() { "released " } else { "" };
    format!("<{released}memory at {at}>")
}

/// `hash(mv)`: the hash of its bytes, for read-only views of byte formats.
pub fn hash(m: &MemoryView) -> Result<i64, Unhashable> {
    if let Some(h) = m.hash.get() {
        return Ok(h);
    }
    if m.is_released() {
        return Err(Unhashable::Value(RELEASED));
    }
    if !m.readonly {
        return Err(Unhashable::Value("cannot hash writable memoryview object"));
    }
    if !is_byte_format(&m.format) {
        return Err(Unhashable::Value(
            "memoryview: hashing is restricted to formats 'B', 'b' or 'c'",
        ));
    }
    // CPython hashes the exporter first, so a view of a bytearray made
    // read-only is as unhashable as the bytearray.
    crate::hash::hash_key(&m.obj)?;
    let data = plain_contents_of(m).ok_or(Unhashable::Type("memoryview"))?;
    let h = pyrite_compiler::pyhash::hash_bytes(&data);
    m.hash.set(Some(h));
    Ok(h)
}

fn plain_contents_of(m: &MemoryView) -> Option<Vec<u8>> {
    let export = m.export.borrow();
    match export.as_ref()?.src.as_object()? {
        Object::Bytes(b) => Some(gather(m, b)),
        Object::ByteArray(b) => Some(gather(m, &b.borrow())),
        _ => None,
    }
}

/// `a == b` where either is a view: equal shapes and equal items (as
/// values, so a 'B' view of b'\xff' differs from a 'b' one).
pub fn eq(interp: &mut Interpreter, a: &Value, b: &Value) -> PyResult<bool> {
    // A released view equals only itself.
    if view(a).is_some_and(MemoryView::is_released) || view(b).is_some_and(MemoryView::is_released)
    {
        return Ok(a.is(b));
    }
    let (Some(x), Some(y)) = (view_of(interp, a)?, view_of(interp, b)?) else {
        return Ok(false);
    };
    let (Some(p), Some(q)) = (view(&x), view(&y)) else {
        return Ok(false);
    };
    if p.shape != q.shape {
        return Ok(false);
    }
    let (Ok(xs), Ok(ys)) = (values(interp, p), values(interp, q)) else {
        // A format struct does not know: never equal.
        return Ok(false);
    };
    for (x, y) in xs.iter().zip(&ys) {
        if !crate::ops::eq(interp, x, y)? {
            return Ok(false);
        }
    }
    Ok(true)
}

// ----- attributes -------------------------------------------------------------------

fn int_tuple<T: Copy + Into<i64>>(items: &[T]) -> Value {
    let items: Vec<Value> = items.iter().map(|&x| Value::Int(x.into())).collect();
    Value::obj(Object::Tuple(items.into()))
}

/// `mv.attr` for the data attributes; None for other names.
pub fn attr(interp: &Interpreter, m: &MemoryView, attr: &str) -> Option<PyResult<Value>> {
    if !ATTRS.contains(&attr) {
        return None;
    }
    if let Err(e) = m.source(interp) {
        return Some(Err(e));
    }
    let shape: Vec<i64> = m.shape.iter().map(|&n| n as i64).collect();
    let strides: Vec<i64> = m.strides.iter().map(|&s| s as i64).collect();
    Some(Ok(match attr {
        "obj" => m.obj.clone(),
        "nbytes" => Value::Int(m.nbytes() as i64),
        "readonly" => Value::bool(m.readonly),
        "itemsize" => Value::Int(m.itemsize as i64),
        "format" => Value::str(&m.format),
        "ndim" => Value::Int(m.shape.len() as i64),
        "shape" => int_tuple(&shape),
        "strides" => int_tuple(&strides),
        "suboffsets" => int_tuple::<i64>(&[]),
        "c_contiguous" => Value::bool(m.is_c_contiguous()),
        "f_contiguous" => Value::bool(m.is_f_contiguous()),
        _ => Value::bool(m.is_c_contiguous() || m.is_f_contiguous()),
    }))
}

// ----- subscripts ---------------------------------------------------------------------

/// An index into dimension `dim` (0-based) of `n` items.
fn dim_index(interp: &Interpreter, key: &Value, n: usize, dim: usize) -> PyResult<usize> {
    let i = match key {
        Value::Int(i) => *i,
        Value::Bool(b) => b.get() as i64,
        _ => return Err(interp.err("IndexError", "cannot fit 'int' into an index-sized integer")),
    };
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return Err(interp.err(
            "IndexError",
            format!("index out of bounds on dimension {}", dim + 1),
        ));
    }
    Ok(j as usize)
}

/// The byte position of the item an int or tuple key names.
fn item_position(interp: &Interpreter, m: &MemoryView, key: &Value) -> PyResult<usize> {
    let keys: &[Value] = match key.as_object() {
        Some(Object::Tuple(items)) => items,
        _ => std::slice::from_ref(key),
    };
    if m.shape.is_empty() {
        return Err(interp.type_error("invalid indexing of 0-dim memory"));
    }
    if keys.len() < m.shape.len() {
        return Err(sub_views(interp));
    }
    if keys.len() > m.shape.len() {
        return Err(interp.type_error(format!(
            "cannot index {}-dimension view with {}-element tuple",
            m.shape.len(),
            keys.len()
        )));
    }
    let mut p = m.offset;
    for (dim, k) in keys.iter().enumerate() {
        if !crate::convert::is_int(k) {
            return Err(interp.type_error("memoryview: invalid slice key"));
        }
        p += dim_index(interp, k, m.shape[dim], dim)? as isize * m.strides[dim];
    }
    Ok(p.max(0) as usize)
}

fn is_item_key(key: &Value) -> bool {
    match key.as_object() {
        Some(Object::Tuple(items)) => !items.is_empty(),
        _ => crate::convert::is_int(key),
    }
}

/// The view a slice of the first dimension selects.
fn sliced(interp: &Interpreter, m: &MemoryView, key: &Value) -> PyResult<MemoryView> {
    if m.shape.is_empty() {
        return Err(interp.type_error("invalid indexing of 0-dim memory"));
    }
    let s = crate::ops::slice_indices(interp, key, m.shape[0])?;
    let mut shape = m.shape.clone();
    let mut strides = m.strides.clone();
    shape[0] = s.len;
    strides[0] = m.strides[0] * s.step as isize;
    let offset = m.offset + s.start as isize * m.strides[0];
    Ok(m.derive(offset, shape, strides))
}

/// `mv[key]`: an item for an int (or a tuple of ints, one per
/// dimension), a view for a slice.
pub fn getitem(interp: &mut Interpreter, this: &Value, key: &Value) -> PyResult<Value> {
    let Some(m) = view(this) else {
        return Err(interp.type_error("memoryview expected"));
    };
    let src = m.source(interp)?;
    if m.shape.is_empty() && is_whole_key(key) {
        return Ok(this.clone());
    }
    if is_item_key(key) {
        let p = item_position(interp, m, key)?;
        let mem = match src.as_object() {
            Some(Object::Bytes(b)) => b.get(p..p + m.itemsize).map(<[u8]>::to_vec),
            Some(Object::ByteArray(b)) => b.borrow().get(p..p + m.itemsize).map(<[u8]>::to_vec),
            _ => exported_bytes(interp, &src)?
                .get(p..p + m.itemsize)
                .map(<[u8]>::to_vec),
        };
        let mem = mem.unwrap_or_default();
        return unpack(&m.format, &mem).ok_or_else(|| unsupported(interp, &m.format));
    }
    if let Some(Object::Slice(..)) = key.as_object() {
        return Ok(Value::obj(Object::MemoryView(Box::new(sliced(
            interp, m, key,
        )?))));
    }
    Err(interp.type_error("memoryview: invalid slice key"))
}

/// `...` or `()`, which name the one item of a 0-dim view.
fn is_whole_key(key: &Value) -> bool {
    match key.as_object() {
        Some(Object::Ellipsis) => true,
        Some(Object::Tuple(items)) => items.is_empty(),
        _ => false,
    }
}

/// `mv[key] = value`.
pub fn setitem(interp: &mut Interpreter, this: &Value, key: &Value, value: &Value) -> PyResult<()> {
    let Some(m) = view(this) else {
        return Err(interp.type_error("memoryview expected"));
    };
    m.source(interp)?;
    if m.readonly {
        return Err(interp.type_error("cannot modify read-only memory"));
    }
    if m.shape.is_empty() && is_whole_key(key) {
        let bytes = pack(interp, &m.format, value)?;
        let p = m.offset.max(0) as usize;
        return modify(interp, m, |mem| copy_into(mem, p, &bytes));
    }
    if is_item_key(key) {
        if m.shape.len() != 1 {
            return Err(interp.err(
                "NotImplementedError",
                "memoryview assignments are currently restricted to ndim = 1",
            ));
        }
        let p = item_position(interp, m, key)?;
        let bytes = pack(interp, &m.format, value)?;
        return modify(interp, m, |mem| copy_into(mem, p, &bytes));
    }
    if let Some(Object::Slice(..)) = key.as_object() {
        if m.shape.len() != 1 {
            return Err(interp.err(
                "NotImplementedError",
                "memoryview slice assignments are currently restricted to ndim = 1",
            ));
        }
        let dest = sliced(interp, m, key)?;
        return assign_slice(interp, &dest, value);
    }
    Err(interp.type_error("memoryview: invalid slice key"))
}

fn copy_into(mem: &mut [u8], p: usize, bytes: &[u8]) {
    if let Some(slot) = mem.get_mut(p..p + bytes.len()) {
        slot.copy_from_slice(bytes);
    }
}

/// `dest[:] = value`: value must export memory of the same structure
/// (format, item size and shape); its bytes are read before any is
/// written, so overlapping views of one buffer copy correctly.
fn assign_slice(interp: &mut Interpreter, dest: &MemoryView, value: &Value) -> PyResult<()> {
    let Some(src) = view_of(interp, value)? else {
        return Err(interp.type_error(format!(
            "a bytes-like object is required, not '{}'",
            interp.type_name(value)
        )));
    };
    let Some(src) = view(&src) else {
        return Ok(());
    };
    let strip = |f: &str| f.strip_prefix('@').unwrap_or(f).to_string();
    if strip(&src.format) != strip(&dest.format)
        || src.itemsize != dest.itemsize
        || src.shape != dest.shape
    {
        return Err(interp
            .value_error("memoryview assignment: lvalue and rvalue have different structures"));
    }
    let data = contents(interp, src)?;
    let size = dest.itemsize;
    let positions = dest.positions();
    modify(interp, dest, |mem| {
        for (p, chunk) in positions.into_iter().zip(data.chunks(size)) {
            copy_into(mem, p, chunk);
        }
    })
}

/// `del mv[key]`.
pub fn delitem(interp: &mut Interpreter, this: &Value) -> PyResult<()> {
    let Some(m) = view(this) else {
        return Err(interp.type_error("memoryview expected"));
    };
    m.source(interp)?;
    if m.readonly {
        return Err(interp.type_error("cannot modify read-only memory"));
    }
    Err(interp.type_error("cannot delete memory"))
}

// ----- methods -----------------------------------------------------------------------

/// The view a method was called on, and its other arguments.
fn receiver<'a>(
    interp: &Interpreter,
    name: &str,
    args: &'a [Value],
) -> PyResult<(&'a MemoryView, &'a [Value])> {
    match args.split_first() {
        Some((this, rest)) => match view(this) {
            Some(m) => Ok((m, rest)),
            None => Err(interp.type_error(format!(
                "descriptor '{name}' for 'memoryview' objects doesn't apply to a '{}' object",
                interp.type_name(this)
            ))),
        },
        None => Err(interp.type_error(format!(
            "descriptor '{name}' of 'memoryview' object needs an argument"
        ))),
    }
}

/// A method taking no arguments: its view, checked not released.
fn no_args<'a>(
    interp: &Interpreter,
    name: &str,
    args: &'a [Value],
    kw: &Kwargs,
) -> PyResult<&'a MemoryView> {
    let (m, rest) = receiver(interp, name, args)?;
    if !kw.is_empty() {
        return Err(interp.type_error(format!("memoryview.{name}() takes no keyword arguments")));
    }
    if !rest.is_empty() {
        return Err(interp.type_error(format!(
            "memoryview.{name}() takes no arguments ({} given)",
            rest.len()
        )));
    }
    Ok(m)
}

/// `mv.tobytes(order=None)`: the bytes in C order (the only order pyrite
/// views of one dimension or made by cast have).
fn tobytes(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (m, rest) = receiver(interp, "tobytes", args)?;
    let order = rest
        .first()
        .or_else(|| kw.iter().find(|(k, _)| &**k == "order").map(|(_, v)| v));
    m.source(interp)?;
    if let Some(order) = order.filter(|v| !v.is_none()) {
        let ok = matches!(order.as_object(), Some(Object::Str(s)) if matches!(s.as_str(), "C" | "F" | "A"));
        if !ok {
            return Err(interp.value_error("order must be 'C', 'F' or 'A'"));
        }
    }
    let data = contents(interp, m)?;
    Ok(Value::obj(Object::Bytes(data.into_boxed_slice())))
}

/// `mv.tolist()`: the items, in nested lists for more dimensions.
fn tolist(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let m = no_args(interp, "tolist", args, kw)?;
    m.source(interp)?;
    let items = values(interp, m)?;
    if m.shape.is_empty() {
        return Ok(items.into_iter().next().unwrap_or(Value::None));
    }
    Ok(nest(&items, &m.shape))
}

/// `items` as lists nested by `shape`.
fn nest(items: &[Value], shape: &[usize]) -> Value {
    let list = |v: Vec<Value>| Value::obj(Object::List(RefCell::new(v)));
    match shape {
        [] | [_] => list(items.to_vec()),
        [n, rest @ ..] => {
            let chunk = items.len() / (*n).max(1);
            list(
                (0..*n)
                    .map(|i| nest(&items[i * chunk..(i + 1) * chunk], rest))
                    .collect(),
            )
        }
    }
}

/// `mv.hex([sep[, bytes_per_sep]])`: bytes.hex of its bytes.
fn hex(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (m, rest) = receiver(interp, "hex", args)?;
    let data = contents(interp, m)?;
    let mut call = vec![Value::obj(Object::Bytes(data.into_boxed_slice()))];
    call.extend_from_slice(rest);
    crate::methods::bytes::hex(interp, &call, kw)
}

/// `mv.release()`: end this view's use of the export (the exporter is
/// free again once every view sharing it is released).
fn release(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let m = no_args(interp, "release", args, kw)?;
    m.export.borrow_mut().take();
    Ok(Value::None)
}

fn toreadonly(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let m = no_args(interp, "toreadonly", args, kw)?;
    m.source(interp)?;
    let mut v = m.derive(m.offset, m.shape.clone(), m.strides.clone());
    v.readonly = true;
    Ok(Value::obj(Object::MemoryView(Box::new(v))))
}

fn enter(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let m = no_args(interp, "__enter__", args, kw)?;
    m.source(interp)?;
    Ok(args[0].clone())
}

/// `__exit__(*args)`: release the view.
fn exit(interp: &mut Interpreter, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let (m, _) = receiver(interp, "__exit__", args)?;
    m.export.borrow_mut().take();
    Ok(Value::None)
}

/// `mv.cast(format[, shape])`, with CPython's rules: C-contiguous views
/// only; one of the two formats a byte format; 1-D to N-D or N-D to 1-D.
fn cast(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (m, rest) = receiver(interp, "cast", args)?;
    let kwarg = |name: &str| kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v);
    if let Some((k, _)) = kw.iter().find(|(k, _)| !matches!(&**k, "format" | "shape")) {
        return Err(interp.type_error(format!("cast() got an unexpected keyword argument '{k}'")));
    }
    let Some(format) = rest.first().or_else(|| kwarg("format")) else {
        return Err(interp.type_error("cast() missing required argument 'format' (pos 1)"));
    };
    let shape = rest.get(1).or_else(|| kwarg("shape"));
    let Some(Object::Str(format)) = format.as_object() else {
        return Err(interp.type_error(format!(
            "cast() argument 'format' must be str, not {}",
            interp.type_name(format)
        )));
    };
    let format = format.as_str();
    m.source(interp)?;
    if !m.is_c_contiguous() {
        return Err(interp.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let shape = match shape {
        Some(s) => Some(shape_arg(interp, s)?),
        None => None,
    };
    if (shape.is_some() || m.shape.len() != 1) && m.shape.contains(&0) {
        return Err(
            interp.type_error("memoryview: cannot cast view with zeros in shape or strides")
        );
    }
    if let Some(s) = &shape {
        if m.shape.len() != 1 && s.len() != 1 {
            return Err(interp.type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
        }
    }
    let Some(itemsize) = native_size(format) else {
        return Err(interp.value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    if !is_byte_format(&m.format) && !is_byte_format(format) {
        return Err(interp.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let nbytes = m.nbytes();
    if nbytes % itemsize != 0 {
        return Err(interp.type_error("memoryview: length is not a multiple of itemsize"));
    }
    let shape = shape.unwrap_or_else(|| vec![nbytes / itemsize]);
    if shape.len() > 64 {
        return Err(interp.value_error("memoryview: number of dimensions must not exceed 64"));
    }
    if shape.iter().product::<usize>() * itemsize != nbytes {
        return Err(interp.type_error("memoryview: product(shape) * itemsize != buffer size"));
    }
    let mut v = m.derive(m.offset, shape, Vec::new());
    v.itemsize = itemsize;
    v.format = format.into();
    v.strides = v.c_strides();
    Ok(Value::obj(Object::MemoryView(Box::new(v))))
}

/// cast's `shape`: a list or tuple of positive ints.
fn shape_arg(interp: &mut Interpreter, v: &Value) -> PyResult<Vec<usize>> {
    let items = match v.as_object() {
        Some(Object::List(l)) => l.borrow().clone(),
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => return Err(interp.type_error("shape must be a list or a tuple")),
    };
    items
        .iter()
        .map(|x| match x {
            Value::Int(n) if *n > 0 => Ok(*n as usize),
            Value::Int(_) => {
                Err(interp.value_error("memoryview.cast(): elements of shape must be integers > 0"))
            }
            _ => Err(interp.type_error("memoryview.cast(): elements of shape must be integers")),
        })
        .collect()
}
