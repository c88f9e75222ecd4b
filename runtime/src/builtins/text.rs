//! Built-ins for text: str(), repr, ascii, format, chr, ord, bytes(), bytearray().

use std::rc::Rc;

use super::Kwargs;
use crate::error::PyResult;
use crate::object::{BuiltinFn, Object};
use crate::types::{TypeKind, TypeObject};
use crate::value::Value;
use crate::Interpreter;

pub const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("repr", repr),
    ("ascii", ascii),
    ("format", format),
    ("chr", chr),
    ("ord", ord),
];

/// The single positional argument of a METH_O built-in.
fn one<'a>(
    interp: &Interpreter,
    name: &str,
    args: &'a [Value],
    kw: &Kwargs,
) -> PyResult<&'a Value> {
    if !kw.is_empty() {
        return Err(interp.type_error(format!("{name}() takes no keyword arguments")));
    }
    match args {
        [a] => Ok(a),
        _ => Err(interp.type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

fn repr(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = one(interp, "repr", args, kw)?.clone();
    Ok(Value::str(&crate::format::repr(interp, &v)?))
}

fn ascii(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = one(interp, "ascii", args, kw)?.clone();
    Ok(Value::str(&crate::format::ascii(interp, &v)?))
}

fn format(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(interp.type_error("format() takes no keyword arguments"));
    }
    let (v, spec) = match args {
        [v] => (v, String::new()),
        [v, spec] => match spec.as_object() {
            Some(Object::Str(s)) => (v, s.as_str().to_string()),
            _ => {
                return Err(interp.type_error(format!(
                    "format() argument 2 must be str, not {}",
                    interp.type_name(spec)
                )))
            }
        },
        [] => return Err(interp.type_error("format expected at least 1 argument, got 0")),
        _ => {
            return Err(interp.type_error(format!(
                "format expected at most 2 arguments, got {}",
                args.len()
            )))
        }
    };
    let v = v.clone();
    Ok(Value::str(&crate::format::format(interp, &v, &spec)?))
}

/// An int argument that must fit a C ssize_t (through `__index__`).
pub fn index_arg(interp: &mut Interpreter, v: &Value) -> PyResult<i64> {
    match crate::convert::index(interp, v)? {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(b.get() as i64),
        _ => Err(interp.err(
            "OverflowError",
            "Python int too large to convert to C ssize_t",
        )),
    }
}

fn chr(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = one(interp, "chr", args, kw)?;
    let i = match index_arg(interp, v) {
        Err(_) if matches!(v.as_object(), Some(Object::BigInt(_))) => {
            return Err(interp.err("OverflowError", "Python int too large to convert to C int"))
        }
        r => r?,
    };
    // Lone surrogates cannot live in a Rust str.
    let c = u32::try_from(i).ok().and_then(char::from_u32);
    match c {
        Some(c) => Ok(Value::str(c.encode_utf8(&mut [0; 4]))),
        None => Err(interp.value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = one(interp, "ord", args, kw)?;
    let (code, len) = match v.as_object() {
        Some(Object::Str(s)) => (s.as_str().chars().next().map(|c| c as i64), s.char_len()),
        Some(Object::Bytes(b)) => (b.first().map(|&b| b as i64), b.len()),
        Some(Object::ByteArray(b)) => {
            let b = b.borrow();
            (b.first().map(|&b| b as i64), b.len())
        }
        _ => {
            return Err(interp.type_error(format!(
                "ord() expected string of length 1, but {} found",
                interp.type_name(v)
            )))
        }
    };
    match code {
        Some(c) if len == 1 => Ok(Value::Int(c)),
        _ => Err(interp.type_error(format!(
            "ord() expected a character, but string of length {len} found"
        ))),
    }
}

/// Construct an instance of `t` if this module owns its constructor.
pub fn construct(
    interp: &mut Interpreter,
    t: &Rc<TypeObject>,
    args: &[Value],
    kwargs: &Kwargs,
) -> Option<PyResult<Value>> {
    match t.kind {
        TypeKind::Str => Some(construct_str(interp, args, kwargs)),
        TypeKind::Bytes => Some(
            bytes_from_args(interp, "bytes", args, kwargs)
                .map(|b| Value::obj(Object::Bytes(b.into_boxed_slice()))),
        ),
        TypeKind::ByteArray => Some(
            bytes_from_args(interp, "bytearray", args, kwargs)
                .map(|b| Value::obj(Object::bytearray(b))),
        ),
        _ => None,
    }
}

/// Bind `(object, encoding, errors)` from positional and keyword args.
fn bind3(
    interp: &Interpreter,
    fname: &str,
    names: [&str; 3],
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<[Option<Value>; 3]> {
    if args.len() > 3 {
        return Err(interp.type_error(format!(
            "{fname}() takes at most 3 arguments ({} given)",
            args.len() + kwargs.len()
        )));
    }
    let mut out: [Option<Value>; 3] = [None, None, None];
    for (slot, a) in out.iter_mut().zip(args) {
        *slot = Some(a.clone());
    }
    for (k, v) in kwargs {
        let Some(i) = names.iter().position(|n| **n == **k) else {
            return Err(interp.type_error(format!(
                "'{k}' is an invalid keyword argument for {fname}()"
            )));
        };
        if out[i].is_some() {
            return Err(interp.type_error(format!(
                "argument for {fname}() given by name ('{k}') and position ({})",
                i + 1
            )));
        }
        out[i] = Some(v.clone());
    }
    Ok(out)
}

/// The str value of an `encoding`/`errors` argument ("str() argument
/// 'encoding' must be str, not int").
fn str_arg(
    interp: &Interpreter,
    fname: &str,
    name: &str,
    v: &Option<Value>,
) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(v) => match v.as_object() {
            Some(Object::Str(s)) => Ok(Some(s.as_str().to_string())),
            _ => Err(interp.type_error(format!(
                "{fname}() argument '{name}' must be str, not {}",
                crate::methods::str::clinic_type_name(interp, v)
            ))),
        },
    }
}

fn construct_str(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [obj, enc, errors] = bind3(
        interp,
        "str",
        ["object", "encoding", "errors"],
        args,
        kwargs,
    )?;
    let enc_s = str_arg(interp, "str", "encoding", &enc)?;
    let err_s = str_arg(interp, "str", "errors", &errors)?;
    let Some(obj) = obj else {
        return Ok(Value::str(""));
    };
    if enc_s.is_none() && err_s.is_none() {
        if let Some(Object::Str(_)) = obj.as_object() {
            return Ok(obj);
        }
        return Ok(Value::str(&crate::format::str_of(interp, &obj)?));
    }
    let data = match obj.as_object() {
        Some(Object::Bytes(b)) => b.to_vec(),
        Some(Object::ByteArray(b)) => b.borrow().clone(),
        Some(Object::Str(_)) => return Err(interp.type_error("decoding str is not supported")),
        _ => {
            return Err(interp.type_error(format!(
                "decoding to str: need a bytes-like object, {} found",
                interp.type_name(&obj)
            )))
        }
    };
    let enc = enc_s.unwrap_or_else(|| "utf-8".into());
    let err = err_s.unwrap_or_else(|| "strict".into());
    let s = crate::methods::bytes::decode(interp, &data, &enc, &err)?;
    Ok(Value::str(&s))
}

/// The bytes of `bytes(...)`/`bytearray(...)`.
fn bytes_from_args(
    interp: &mut Interpreter,
    fname: &str,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Vec<u8>> {
    let [src, enc, errors] = bind3(
        interp,
        fname,
        ["source", "encoding", "errors"],
        args,
        kwargs,
    )?;
    let enc_s = str_arg(interp, fname, "encoding", &enc)?;
    let err_s = str_arg(interp, fname, "errors", &errors)?;
    let Some(src) = src else {
        if enc_s.is_some() || err_s.is_some() {
            let which = if enc_s.is_some() {
                "encoding"
            } else {
                "errors"
            };
            return Err(interp.type_error(format!("{which} without a string argument")));
        }
        return Ok(Vec::new());
    };
    if let Some(Object::Str(s)) = src.as_object() {
        let Some(enc) = enc_s else {
            return Err(interp.type_error("string argument without an encoding"));
        };
        let err = err_s.unwrap_or_else(|| "strict".into());
        return crate::methods::str::encode(interp, s.as_str(), &enc, &err);
    }
    if enc_s.is_some() || err_s.is_some() {
        let which = if enc_s.is_some() {
            "encoding"
        } else {
            "errors"
        };
        return Err(interp.type_error(format!("{which} without a string argument")));
    }
    if fname == "bytes" && crate::class::has_dunder(&src, "__bytes__") {
        if let Some(r) = crate::class::call_dunder(interp, &src, "__bytes__", Vec::new()) {
            let r = r?;
            return match r.as_object() {
                Some(Object::Bytes(b)) => Ok(b.to_vec()),
                _ => Err(interp.type_error(format!(
                    "__bytes__ returned non-bytes (type {})",
                    interp.type_name(&r)
                ))),
            };
        }
    }
    bytes_from_object(interp, &src, fname == "bytes")
}

/// `bytes(x)` for a non-str `x`: a count of zero bytes, a bytes-like
/// object, or an iterable of ints in range(0, 256).
/// `plural` picks bytes()'s message ("bytes must be...") over bytearray's.
pub fn bytes_from_object(interp: &mut Interpreter, src: &Value, plural: bool) -> PyResult<Vec<u8>> {
    let target = if plural { "bytes" } else { "bytearray" };
    if crate::class::has_dunder(src, "__index__") {
        let count = crate::convert::index(interp, src)?;
        return bytes_from_object(interp, &count, plural);
    }
    match src {
        Value::Int(n) => {
            if *n < 0 {
                return Err(interp.value_error("negative count"));
            }
            interp.check_room(*n as usize)?;
            return Ok(vec![0; *n as usize]);
        }
        Value::Bool(b) => return Ok(vec![0; b.get() as usize]),
        Value::Float(_) | Value::None => {
            return Err(interp.type_error(format!(
                "cannot convert '{}' object to {target}",
                interp.type_name(src)
            )))
        }
        _ => {}
    }
    match src.as_object() {
        Some(Object::Bytes(b)) => return Ok(b.to_vec()),
        Some(Object::ByteArray(b)) => return Ok(b.borrow().clone()),
        Some(Object::MemoryView(m)) => return crate::methods::memoryview::contents(interp, m),
        Some(Object::BigInt(_)) => {
            return Err(interp.err(
                "OverflowError",
                "cannot fit 'int' into an index-sized integer",
            ))
        }
        Some(Object::Complex(..)) => {
            return Err(interp.type_error(format!("cannot convert 'complex' object to {target}")))
        }
        _ => {}
    }
    if let Some(data) = crate::ops::buffer_of(interp, src)? {
        return Ok(data);
    }
    let items = match interp.collect_iterable(src) {
        Ok(items) => items,
        Err(_) => {
            return Err(interp.type_error(format!(
                "cannot convert '{}' object to {target}",
                interp.type_name(src)
            )))
        }
    };
    items
        .iter()
        .map(|v| {
            byte_value(interp, v).map_err(|e| match plural && is_range_error(interp, &e) {
                true => interp.value_error("bytes must be in range(0, 256)"),
                false => e,
            })
        })
        .collect()
}

/// One int in range(0, 256), as bytes and bytearray items must be.
pub fn byte_value(interp: &mut Interpreter, v: &Value) -> PyResult<u8> {
    let i = match index_arg(interp, v) {
        Err(_) if matches!(v.as_object(), Some(Object::BigInt(_))) => -1,
        r => r?,
    };
    u8::try_from(i).map_err(|_| interp.value_error("byte must be in range(0, 256)"))
}

fn is_range_error(interp: &Interpreter, e: &crate::error::PyErr) -> bool {
    Rc::ptr_eq(&interp.type_of(&e.0), &interp.types.exception("ValueError"))
}
