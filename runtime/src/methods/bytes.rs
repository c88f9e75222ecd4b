//! Methods of `bytes` and `bytearray` objects (the bound object is
//! `args[0]`); bytearray's results are bytearrays.

use std::cell::RefCell;
use std::rc::Rc;

use crate::builtins::text::{byte_value, index_arg};
use crate::error::PyResult;
use crate::methods::memoryview::check_resize;
use crate::methods::str::{codec, unicode_error};
use crate::object::{BuiltinFn, ByteArrayBuf, Object};
use crate::value::Value;
use crate::Interpreter;

type Kwargs = [(Rc<str>, Value)];

pub const METHODS: &[(&str, BuiltinFn)] = &[
    ("decode", decode_method),
    ("hex", hex),
    ("count", count),
    ("find", find),
    ("rfind", rfind),
    ("index", index),
    ("rindex", rindex),
    ("split", split),
    ("rsplit", rsplit),
    ("splitlines", splitlines),
    ("partition", partition),
    ("rpartition", rpartition),
    ("center", center),
    ("ljust", ljust),
    ("rjust", rjust),
    ("isalpha", isalpha),
    ("isdigit", isdigit),
    ("isalnum", isalnum),
    ("isspace", isspace),
    ("isupper", isupper),
    ("islower", islower),
    ("join", join),
    ("strip", strip),
    ("lstrip", lstrip),
    ("rstrip", rstrip),
    ("replace", replace),
    ("startswith", startswith),
    ("endswith", endswith),
    ("upper", upper),
    ("lower", lower),
    ("title", title),
    ("capitalize", capitalize),
    ("swapcase", swapcase),
    ("zfill", zfill),
    ("expandtabs", expandtabs),
    ("isascii", isascii),
    ("istitle", istitle),
    ("removeprefix", removeprefix),
    ("removesuffix", removesuffix),
    ("translate", translate),
    ("append", append),
    ("extend", extend),
    ("pop", pop),
    ("insert", insert),
    ("remove", remove),
    ("reverse", reverse),
    ("copy", copy),
    ("clear", clear),
];

/// The receiver's bytes (copied: a bytearray may change under us) and
/// whether it is a bytearray.
fn recv(interp: &Interpreter, name: &str, args: &[Value]) -> PyResult<(Vec<u8>, bool)> {
    match args.first().and_then(Value::as_object) {
        Some(Object::Bytes(b)) => Ok((b.to_vec(), false)),
        Some(Object::ByteArray(b)) => Ok((b.borrow().clone(), true)),
        _ => Err(interp.type_error(format!(
            "descriptor '{name}' for 'bytes' objects doesn't apply to a '{}' object",
            args.first()
                .map_or("NoneType".into(), |v| interp.type_name(v))
        ))),
    }
}

/// Make a bytes or bytearray result, as the receiver was.
fn make(data: Vec<u8>, bytearray: bool) -> Value {
    if bytearray {
        Value::obj(Object::bytearray(data))
    } else {
        Value::obj(Object::Bytes(data.into_boxed_slice()))
    }
}

/// The contents of a bytes-like value.
fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    match v.as_object() {
        Some(Object::Bytes(b)) => Some(b.to_vec()),
        Some(Object::ByteArray(b)) => Some(b.borrow().clone()),
        Some(Object::MemoryView(_)) => crate::methods::memoryview::plain_contents(v),
        _ => None,
    }
}

fn need_bytes(interp: &Interpreter, v: &Value) -> PyResult<Vec<u8>> {
    bytes_like(v).ok_or_else(|| {
        interp.type_error(format!(
            "a bytes-like object is required, not '{}'",
            interp.type_name(v)
        ))
    })
}

fn arg_count(
    interp: &Interpreter,
    name: &str,
    args: &[Value],
    kw: &Kwargs,
    min: usize,
    max: usize,
) -> PyResult<()> {
    let n = args.len().saturating_sub(1);
    if !kw.is_empty() {
        return Err(interp.type_error(format!("{name}() takes no keyword arguments")));
    }
    if n < min {
        return Err(interp.type_error(format!(
            "{name}() takes at least {min} argument{} ({n} given)",
            if min == 1 { "" } else { "s" }
        )));
    }
    if n > max {
        return Err(interp.type_error(format!(
            "{name}() takes at most {max} argument{} ({n} given)",
            if max == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn find_sub(hay: &[u8], needle: &[u8], last: bool) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(if last { hay.len() } else { 0 });
    }
    let mut w = hay.windows(needle.len());
    if last {
        w.rposition(|x| x == needle)
    } else {
        w.position(|x| x == needle)
    }
}

// ----- decode, hex --------------------------------------------------------------------

/// `data.decode(encoding, errors)`.
pub fn decode(
    interp: &mut Interpreter,
    data: &[u8],
    encoding: &str,
    errors: &str,
) -> PyResult<String> {
    let Some(enc) = codec(encoding) else {
        return Err(interp.err("LookupError", format!("unknown encoding: {encoding}")));
    };
    match enc {
        "utf-8" => decode_utf8(interp, data, errors),
        "ascii" => {
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                    continue;
                }
                let bad = &data[i..i + 1];
                bad_bytes(
                    interp,
                    data,
                    "ascii",
                    i,
                    i + 1,
                    "ordinal not in range(128)",
                    errors,
                    bad,
                    &mut out,
                )?;
            }
            Ok(out)
        }
        _ => Ok(data.iter().map(|&b| b as char).collect()),
    }
}

fn decode_utf8(interp: &mut Interpreter, data: &[u8], errors: &str) -> PyResult<String> {
    let mut out = String::with_capacity(data.len());
    let mut pos = 0;
    while pos < data.len() {
        match std::str::from_utf8(&data[pos..]) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&data[pos..pos + good]).unwrap_or(""));
                let start = pos + good;
                let (end, reason) = match e.error_len() {
                    None => (data.len(), "unexpected end of data"),
                    Some(n) => {
                        let first = data[start];
                        let invalid_start = (0x80..0xc2).contains(&first) || first > 0xf4;
                        let reason = if invalid_start {
                            "invalid start byte"
                        } else {
                            "invalid continuation byte"
                        };
                        (start + n, reason)
                    }
                };
                let bad = &data[start..end];
                bad_bytes(
                    interp, data, "utf-8", start, end, reason, errors, bad, &mut out,
                )?;
                pos = end;
            }
        }
    }
    Ok(out)
}

/// Apply the `errors` handler to undecodable `bad` = data[start..end].
#[allow(clippy::too_many_arguments)]
fn bad_bytes(
    interp: &mut Interpreter,
    data: &[u8],
    enc: &str,
    start: usize,
    end: usize,
    reason: &str,
    errors: &str,
    bad: &[u8],
    out: &mut String,
) -> PyResult<()> {
    match errors {
        "strict" => {
            let obj = Value::obj(Object::Bytes(data.into()));
            Err(unicode_error(
                interp,
                "UnicodeDecodeError",
                enc,
                obj,
                start,
                end,
                reason,
            ))
        }
        "replace" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "ignore" => Ok(()),
        "backslashreplace" => {
            for b in bad {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(())
        }
        _ => Err(interp.err(
            "LookupError",
            format!("unknown error handler name '{errors}'"),
        )),
    }
}

fn decode_method(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (data, _) = recv(interp, "decode", args)?;
    let rest = &args[1..];
    if rest.len() > 2 {
        return Err(interp.type_error(format!(
            "decode() takes at most 2 arguments ({} given)",
            rest.len()
        )));
    }
    let mut text = [String::from("utf-8"), String::from("strict")];
    let names = ["encoding", "errors"];
    let mut slots: [Option<&Value>; 2] = [rest.first(), rest.get(1)];
    for (k, v) in kw {
        match names.iter().position(|n| **n == **k) {
            Some(i) => slots[i] = Some(v),
            None => {
                return Err(
                    interp.type_error(format!("'{k}' is an invalid keyword argument for decode()"))
                )
            }
        }
    }
    for (i, slot) in slots.iter().enumerate() {
        if let Some(v) = slot {
            match v.as_object() {
                Some(Object::Str(s)) => text[i] = s.as_str().to_string(),
                _ => {
                    return Err(interp.type_error(format!(
                        "decode() argument '{}' must be str, not {}",
                        names[i],
                        interp.type_name(v)
                    )))
                }
            }
        }
    }
    Ok(Value::str(&decode(interp, &data, &text[0], &text[1])?))
}

pub(crate) fn hex(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (data, _) = recv(interp, "hex", args)?;
    arg_count(interp, "hex", args, kw, 0, 2)?;
    let sep = match args.get(1).map(|v| (v, v.as_object())) {
        None => None,
        Some((_, Some(Object::Str(s)))) if s.char_len() == 1 => Some(s.as_str().to_string()),
        Some((_, Some(Object::Str(_)))) => return Err(interp.value_error("sep must be length 1.")),
        Some((v, _)) => match bytes_like(v) {
            Some(b) if b.len() == 1 => Some((b[0] as char).to_string()),
            _ => return Err(interp.value_error("sep must be length 1.")),
        },
    };
    let per = match args.get(2) {
        Some(v) => index_arg(interp, v)?,
        None => 1,
    };
    let (Some(sep), false) = (sep, per == 0) else {
        let parts: Vec<String> = data.iter().map(|b| format!("{b:02x}")).collect();
        return Ok(Value::str(&parts.concat()));
    };
    // Groups of |per| bytes, counted from the right end when per > 0
    // (so the first group may be short) and from the left when negative.
    let group = per.unsigned_abs() as usize;
    let mut out = String::with_capacity(data.len() * 3);
    for (i, b) in data.iter().enumerate() {
        let from_edge = if per > 0 { data.len() - i } else { i };
        if i > 0 && from_edge % group == 0 {
            out.push_str(&sep);
        }
        out.push_str(&format!("{b:02x}"));
    }
    Ok(Value::str(&out))
}

// ----- searching -----------------------------------------------------------------------

/// (receiver, needle, start, end) of find/index/count; the needle is
/// bytes-like or one int byte.
fn search_args(
    interp: &mut Interpreter,
    name: &str,
    args: &[Value],
    kw: &Kwargs,
) -> PyResult<(Vec<u8>, Vec<u8>, usize, usize)> {
    let (data, _) = recv(interp, name, args)?;
    arg_count(interp, name, args, kw, 1, 3)?;
    let sub = match bytes_like(&args[1]) {
        Some(b) => b,
        None => match &args[1] {
            Value::Int(_) | Value::Bool(_) => vec![byte_value(interp, &args[1])?],
            v => {
                return Err(interp.type_error(format!(
                    "argument should be integer or bytes-like object, not '{}'",
                    interp.type_name(v)
                )))
            }
        },
    };
    let mut idx = |v: Option<&Value>| match v {
        None => Ok(None),
        Some(v) => crate::convert::slice_index(interp, v),
    };
    let (start, end) = (idx(args.get(2))?, idx(args.get(3))?);
    let len = data.len() as i64;
    let fix = |i: i64| if i < 0 { (i + len).max(0) } else { i };
    let start = fix(start.unwrap_or(0)) as usize;
    let end = fix(end.unwrap_or(len)).min(len) as usize;
    Ok((data, sub, start, end))
}

fn find_impl(
    interp: &mut Interpreter,
    name: &str,
    args: &[Value],
    kw: &Kwargs,
    last: bool,
    raise: bool,
) -> PyResult<Value> {
    let (data, sub, start, end) = search_args(interp, name, args, kw)?;
    let found = if start > end || start > data.len() {
        None
    } else {
        find_sub(&data[start..end], &sub, last).map(|i| i + start)
    };
    match found {
        Some(i) => Ok(Value::Int(i as i64)),
        None if raise => Err(interp.value_error("subsection not found")),
        None => Ok(Value::Int(-1)),
    }
}

fn find(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    find_impl(interp, "find", args, kw, false, false)
}

fn rfind(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    find_impl(interp, "rfind", args, kw, true, false)
}

fn index(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    find_impl(interp, "index", args, kw, false, true)
}

fn rindex(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    find_impl(interp, "rindex", args, kw, true, true)
}

fn count(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (data, sub, start, end) = search_args(interp, "count", args, kw)?;
    if start > end || start > data.len() {
        return Ok(Value::Int(0));
    }
    let hay = &data[start..end];
    if sub.is_empty() {
        return Ok(Value::Int(hay.len() as i64 + 1));
    }
    let (mut n, mut i) = (0, 0);
    while let Some(j) = find_sub(&hay[i..], &sub, false) {
        n += 1;
        i += j + sub.len();
    }
    Ok(Value::Int(n))
}

fn affix_impl(
    interp: &mut Interpreter,
    name: &str,
    args: &[Value],
    kw: &Kwargs,
    suffix: bool,
) -> PyResult<Value> {
    let (data, _) = recv(interp, name, args)?;
    arg_count(interp, name, args, kw, 1, 3)?;
    let mut idx = |v: Option<&Value>| -> PyResult<Option<i64>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(v) => index_arg(interp, v).map(Some),
        }
    };
    let len = data.len() as i64;
    let fix = |i: i64| if i < 0 { (i + len).max(0) } else { i };
    let start = fix(idx(args.get(2))?.unwrap_or(0)) as usize;
    let end = fix(idx(args.get(3))?.unwrap_or(len)).min(len) as usize;
    let test = |sub: &[u8]| {
        if start > data.len() || end < start + sub.len() {
            return false;
        }
        let hay = &data[start..end];
        if suffix {
            hay.ends_with(sub)
        } else {
            hay.starts_with(sub)
        }
    };
    let wrong = |v: &Value| {
        interp.type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            interp.type_name(v)
        ))
    };
    match args[1].as_object() {
        Some(Object::Tuple(items)) => {
            for it in items.iter() {
                let b = bytes_like(it).ok_or_else(|| wrong(it))?;
                if test(&b) {
                    return Ok(Value::bool(true));
                }
            }
            Ok(Value::bool(false))
        }
        _ => {
            let b = bytes_like(&args[1]).ok_or_else(|| wrong(&args[1]))?;
            Ok(Value::bool(test(&b)))
        }
    }
}

fn startswith(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    affix_impl(interp, "startswith", args, kw, false)
}

fn endswith(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    affix_impl(interp, "endswith", args, kw, true)
}

// ----- split, join, strip, replace ---------------------------------------------------

/// The `sep` and `maxsplit` arguments of split and rsplit (no limit: usize::MAX).
fn split_args(
    interp: &mut Interpreter,
    name: &str,
    args: &[Value],
    kw: &Kwargs,
) -> PyResult<(Option<Vec<u8>>, usize)> {
    let rest = args.get(1..).unwrap_or(&[]);
    if rest.len() > 2 {
        return Err(interp.type_error(format!(
            "{name}() takes at most 2 arguments ({} given)",
            rest.len()
        )));
    }
    let mut slots: [Option<&Value>; 2] = [rest.first(), rest.get(1)];
    for (k, v) in kw {
        match &**k {
            "sep" => slots[0] = Some(v),
            "maxsplit" => slots[1] = Some(v),
            _ => {
                return Err(
                    interp.type_error(format!("'{k}' is an invalid keyword argument for {name}()"))
                )
            }
        }
    }
    let mut sep = None;
    if let Some(v) = slots[0].filter(|v| !v.is_none()) {
        let s = need_bytes(interp, v)?;
        if s.is_empty() {
            return Err(interp.value_error("empty separator"));
        }
        sep = Some(s);
    }
    let max = match slots[1] {
        Some(v) => index_arg(interp, v)?,
        None => -1,
    };
    Ok((sep, usize::try_from(max).unwrap_or(usize::MAX)))
}

fn split(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (data, ba) = recv(interp, "split", args)?;
    let (sep, limit) = split_args(interp, "split", args, kw)?;
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        Some(sep) => {
            let mut rest: &[u8] = &data;
            while parts.len() < limit {
                match find_sub(rest, &sep, false) {
                    Some(i) => {
                        parts.push(rest[..i].to_vec());
                        rest = &rest[i + sep.len()..];
                    }
                    None => break,
                }
            }
            parts.push(rest.to_vec());
        }
        None => {
            let mut i = 0;
            while i < data.len() {
                while i < data.len() && is_space(data[i]) {
                    i += 1;
                }
                if i == data.len() {
                    break;
                }
                if parts.len() == limit {
                    // The last part keeps its trailing whitespace.
                    parts.push(data[i..].to_vec());
                    break;
                }
                let start = i;
                while i < data.len() && !is_space(data[i]) {
                    i += 1;
                }
                parts.push(data[start..i].to_vec());
            }
        }
    }
    Ok(byte_list(parts, ba))
}

fn byte_list(parts: Vec<Vec<u8>>, ba: bool) -> Value {
    let items = parts.into_iter().map(|p| make(p, ba)).collect();
    Value::obj(Object::List(RefCell::new(items)))
}

/// split from the right: the same parts as split when maxsplit is not hit.
fn rsplit(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (data, ba) = recv(interp, "rsplit", args)?;
    let (sep, limit) = split_args(interp, "rsplit", args, kw)?;
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        Some(sep) => {
            let mut rest: &[u8] = &data;
            while parts.len() < limit {
                match find_sub(rest, &sep, true) {
                    Some(i) => {
                        parts.push(rest[i + sep.len()..].to_vec());
                        rest = &rest[..i];
                    }
                    None => break,
                }
            }
            parts.push(rest.to_vec());
        }
        None => {
            let mut j = data.len();
            while j > 0 {
                while j > 0 && is_space(data[j - 1]) {
                    j -= 1;
                }
                if j == 0 {
                    break;
                }
                if parts.len() == limit {
                    // The first part keeps its leading whitespace.
                    parts.push(data[..j].to_vec());
                    break;
                }
                let end = j;
                while j > 0 && !is_space(data[j - 1]) {
                    j -= 1;
                }
                parts.push(data[j..end].to_vec());
            }
        }
    }
    parts.reverse();
    Ok(byte_list(parts, ba))
}

/// `bytes.splitlines(keepends=False)`: lines end at \n, \r or \r\n.
fn splitlines(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (data, ba) = recv(interp, "splitlines", args)?;
    let rest = args.get(1..).unwrap_or(&[]);
    if rest.len() > 1 {
        return Err(interp.type_error(format!(
            "splitlines() takes at most 1 argument ({} given)",
            rest.len()
        )));
    }
    let mut keep = rest.first().cloned();
    for (k, v) in kw {
        if &**k != "keepends" {
            return Err(interp.type_error(format!(
                "'{k}' is an invalid keyword argument for splitlines()"
            )));
        }
        keep = Some(v.clone());
    }
    let keepends = match keep {
        Some(v) => index_arg(interp, &v)? != 0,
        None => false,
    };
    let mut parts = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let start = i;
        while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
            i += 1;
        }
        let mut end = i;
        if i < data.len() {
            i += if data[i] == b'\r' && data.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            if keepends {
                end = i;
            }
        }
        parts.push(data[start..end].to_vec());
    }
    Ok(byte_list(parts, ba))
}

/// The single argument of a METH_O method ("bytes.partition() takes
/// exactly one argument (0 given)").
fn one_arg<'a>(
    interp: &Interpreter,
    name: &str,
    args: &'a [Value],
    kw: &Kwargs,
) -> PyResult<&'a Value> {
    let owner = args.first().map_or("bytes".into(), |v| interp.type_name(v));
    if !kw.is_empty() {
        return Err(interp.type_error(format!("{owner}.{name}() takes no keyword arguments")));
    }
    match args {
        [_, v] => Ok(v),
        _ => Err(interp.type_error(format!(
            "{owner}.{name}() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        ))),
    }
}

fn partition_impl(
    interp: &mut Interpreter,
    name: &str,
    args: &[Value],
    kw: &Kwargs,
    last: bool,
) -> PyResult<Value> {
    let (data, ba) = recv(interp, name, args)?;
    let sep_value = one_arg(interp, name, args, kw)?;
    let sep = need_bytes(interp, sep_value)?;
    if sep.is_empty() {
        return Err(interp.value_error("empty separator"));
    }
    let empty = || make(Vec::new(), ba);
    // bytes hands back its own objects where it can; bytearray copies.
    let whole = || {
        if ba {
            make(data.clone(), ba)
        } else {
            args[0].clone()
        }
    };
    let items = match find_sub(&data, &sep, last) {
        Some(i) => {
            let middle = if ba {
                make(sep.clone(), ba)
            } else {
                sep_value.clone()
            };
            [
                make(data[..i].to_vec(), ba),
                middle,
                make(data[i + sep.len()..].to_vec(), ba),
            ]
        }
        None if last => [empty(), empty(), whole()],
        None => [whole(), empty(), empty()],
    };
    Ok(Value::obj(Object::Tuple(items.into())))
}

fn partition(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    partition_impl(interp, "partition", args, kw, false)
}

fn rpartition(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    partition_impl(interp, "rpartition", args, kw, true)
}

/// center, ljust and rjust: `width` and an optional one-byte `fillchar`.
fn pad_impl(
    interp: &mut Interpreter,
    name: &str,
    args: &[Value],
    kw: &Kwargs,
    side: Pad,
) -> PyResult<Value> {
    let (data, ba) = recv(interp, name, args)?;
    if !kw.is_empty() {
        let owner = interp.type_name(&args[0]);
        return Err(interp.type_error(format!("{owner}.{name}() takes no keyword arguments")));
    }
    let n = args.len() - 1;
    if n == 0 {
        return Err(interp.type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    if n > 2 {
        return Err(interp.type_error(format!("{name} expected at most 2 arguments, got {n}")));
    }
    let width = index_arg(interp, &args[1])?;
    interp.check_room(usize::try_from(width).unwrap_or(0))?;
    let fill = match args.get(2) {
        None => b' ',
        Some(v) => match bytes_like(v) {
            Some(b) if b.len() == 1 => b[0],
            _ => {
                return Err(interp.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    interp.type_name(v)
                )))
            }
        },
    };
    let len = data.len() as i64;
    if width <= len {
        return Ok(if ba { make(data, ba) } else { args[0].clone() });
    }
    let marg = width - len;
    let left = match side {
        Pad::Left => 0,
        Pad::Right => marg,
        // CPython's pad(): the odd byte goes left only when width is odd too.
        Pad::Center => marg / 2 + (marg & width & 1),
    };
    let mut out = vec![fill; left as usize];
    out.extend_from_slice(&data);
    out.resize(width as usize, fill);
    Ok(make(out, ba))
}

#[derive(Clone, Copy)]
enum Pad {
    Left,
    Right,
    Center,
}

fn center(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    pad_impl(interp, "center", args, kw, Pad::Center)
}

fn ljust(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    pad_impl(interp, "ljust", args, kw, Pad::Left)
}

fn rjust(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    pad_impl(interp, "rjust", args, kw, Pad::Right)
}

/// The `isalpha` family: false for empty data.
fn predicate(
    interp: &mut Interpreter,
    name: &str,
    args: &[Value],
    kw: &Kwargs,
    test: fn(&[u8]) -> bool,
) -> PyResult<Value> {
    let (data, _) = recv(interp, name, args)?;
    let owner = interp.type_name(&args[0]);
    if !kw.is_empty() {
        return Err(interp.type_error(format!("{owner}.{name}() takes no keyword arguments")));
    }
    if args.len() > 1 {
        return Err(interp.type_error(format!(
            "{owner}.{name}() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok(Value::bool(!data.is_empty() && test(&data)))
}

fn isalpha(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    predicate(interp, "isalpha", args, kw, |d| {
        d.iter().all(u8::is_ascii_alphabetic)
    })
}

fn isdigit(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    predicate(interp, "isdigit", args, kw, |d| {
        d.iter().all(u8::is_ascii_digit)
    })
}

fn isalnum(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    predicate(interp, "isalnum", args, kw, |d| {
        d.iter().all(u8::is_ascii_alphanumeric)
    })
}

fn isspace(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    predicate(interp, "isspace", args, kw, |d| {
        d.iter().all(|&b| is_space(b))
    })
}

fn isupper(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    predicate(interp, "isupper", args, kw, |d| {
        d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase)
    })
}

fn islower(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    predicate(interp, "islower", args, kw, |d| {
        d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase)
    })
}

fn join(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (sep, ba) = recv(interp, "join", args)?;
    arg_count(interp, "join", args, kw, 1, 1)?;
    let items = interp.collect_iterable(&args[1])?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let Some(b) = crate::ops::buffer_of(interp, it)? else {
            return Err(interp.type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                interp.type_name(it)
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&b);
    }
    Ok(make(out, ba))
}

fn strip_impl(
    interp: &mut Interpreter,
    name: &str,
    args: &[Value],
    kw: &Kwargs,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let (data, ba) = recv(interp, name, args)?;
    if !kw.is_empty() {
        return Err(interp.type_error(format!("{name}() takes no keyword arguments")));
    }
    if args.len() > 2 {
        return Err(interp.type_error(format!(
            "{name} expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let set = match args.get(1).filter(|v| !v.is_none()) {
        Some(v) => Some(need_bytes(interp, v)?),
        None => None,
    };
    let strip = |b: u8| match &set {
        Some(s) => s.contains(&b),
        None => is_space(b),
    };
    let (mut i, mut j) = (0, data.len());
    if left {
        while i < j && strip(data[i]) {
            i += 1;
        }
    }
    if right {
        while j > i && strip(data[j - 1]) {
            j -= 1;
        }
    }
    if !ba && i == 0 && j == data.len() {
        // CPython hands back the same bytes object when nothing is stripped.
        return Ok(args[0].clone());
    }
    Ok(make(data[i..j].to_vec(), ba))
}

fn strip(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    strip_impl(interp, "strip", args, kw, true, true)
}

fn lstrip(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    strip_impl(interp, "lstrip", args, kw, true, false)
}

fn rstrip(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    strip_impl(interp, "rstrip", args, kw, false, true)
}

fn replace(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (data, ba) = recv(interp, "replace", args)?;
    if !kw.is_empty() {
        return Err(interp.type_error("replace() takes no keyword arguments"));
    }
    let n = args.len() - 1;
    if !(2..=3).contains(&n) {
        let (which, k) = if n < 2 { ("least", 2) } else { ("most", 3) };
        return Err(interp.type_error(format!(
            "replace expected at {which} {k} arguments, got {n}"
        )));
    }
    let old = need_bytes(interp, &args[1])?;
    let new = need_bytes(interp, &args[2])?;
    let count = match args.get(3) {
        Some(v) => index_arg(interp, v)?,
        None => -1,
    };
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let mut out = Vec::with_capacity(data.len());
    let (mut i, mut done) = (0, 0);
    if old.is_empty() {
        // An empty pattern matches before every byte and at the end.
        while done < limit && i <= data.len() {
            out.extend_from_slice(&new);
            done += 1;
            if let Some(&b) = data.get(i) {
                out.push(b);
            }
            i += 1;
        }
        if i <= data.len() {
            out.extend_from_slice(&data[i..]);
        }
        return Ok(make(out, ba));
    }
    while done < limit {
        match find_sub(&data[i..], &old, false) {
            Some(j) => {
                out.extend_from_slice(&data[i..i + j]);
                out.extend_from_slice(&new);
                i += j + old.len();
                done += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&data[i..]);
    Ok(make(out, ba))
}

fn upper(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (data, ba) = recv(interp, "upper", args)?;
    arg_count(interp, "upper", args, kw, 0, 0)?;
    Ok(make(data.to_ascii_uppercase(), ba))
}

fn lower(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (data, ba) = recv(interp, "lower", args)?;
    arg_count(interp, "lower", args, kw, 0, 0)?;
    Ok(make(data.to_ascii_lowercase(), ba))
}

// ----- bytearray mutation --------------------------------------------------------------

fn bytearray_of<'a>(
    interp: &Interpreter,
    name: &str,
    args: &'a [Value],
) -> PyResult<&'a ByteArrayBuf> {
    match args.first().and_then(Value::as_object) {
        Some(Object::ByteArray(b)) => Ok(b),
        Some(_) => Err(interp.err(
            "AttributeError",
            format!("'bytes' object has no attribute '{name}'"),
        )),
        None => {
            Err(interp.type_error(format!("descriptor '{name}' requires a 'bytearray' object")))
        }
    }
}

fn append(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let b = bytearray_of(interp, "append", args)?;
    if args.len() != 2 || !kw.is_empty() {
        return Err(interp.type_error(format!(
            "bytearray.append() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let v = byte_value(interp, &args[1])?;
    check_resize(interp, b, b.borrow().len() + 1)?;
    b.borrow_mut().push(v);
    Ok(Value::None)
}

fn extend(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let b = bytearray_of(interp, "extend", args)?;
    if args.len() != 2 || !kw.is_empty() {
        return Err(interp.type_error(format!(
            "bytearray.extend() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let src = &args[1];
    let data = match bytes_like(src) {
        Some(d) => d,
        None => {
            if matches!(
                src,
                Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::None
            ) {
                return Err(interp.type_error(format!(
                    "can't extend bytearray with {}",
                    interp.type_name(src)
                )));
            }
            let items = interp.collect_iterable(src)?;
            items
                .iter()
                .map(|v| byte_value(interp, v))
                .collect::<PyResult<Vec<u8>>>()?
        }
    };
    check_resize(interp, b, b.borrow().len() + data.len())?;
    b.borrow_mut().extend_from_slice(&data);
    Ok(Value::None)
}

fn pop(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let b = bytearray_of(interp, "pop", args)?;
    if args.len() > 2 || !kw.is_empty() {
        return Err(interp.type_error(format!(
            "pop expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let i = match args.get(1) {
        Some(v) => index_arg(interp, v)?,
        None => -1,
    };
    let len = b.borrow().len();
    if len == 0 {
        return Err(interp.err("IndexError", "pop from empty bytearray"));
    }
    let at = if i < 0 { i + len as i64 } else { i };
    if at < 0 || at >= len as i64 {
        return Err(interp.err("IndexError", "pop index out of range"));
    }
    check_resize(interp, b, len - 1)?;
    Ok(Value::Int(b.borrow_mut().remove(at as usize) as i64))
}

// ----- case, padding, affixes ------------------------------------------------------------

/// The receiver of a method taking no arguments ("bytes.title() takes no
/// arguments (1 given)").
fn no_args(
    interp: &Interpreter,
    name: &str,
    args: &[Value],
    kw: &Kwargs,
) -> PyResult<(Vec<u8>, bool)> {
    let (data, ba) = recv(interp, name, args)?;
    let owner = interp.type_name(&args[0]);
    if !kw.is_empty() {
        return Err(interp.type_error(format!("{owner}.{name}() takes no keyword arguments")));
    }
    if args.len() > 1 {
        return Err(interp.type_error(format!(
            "{owner}.{name}() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok((data, ba))
}

/// ASCII title case: a letter after a cased letter is lowered, else raised.
fn title(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (mut data, ba) = no_args(interp, "title", args, kw)?;
    let mut prev_cased = false;
    for b in data.iter_mut() {
        *b = if prev_cased {
            b.to_ascii_lowercase()
        } else {
            b.to_ascii_uppercase()
        };
        prev_cased = b.is_ascii_alphabetic();
    }
    Ok(make(data, ba))
}

fn capitalize(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (mut data, ba) = no_args(interp, "capitalize", args, kw)?;
    data.make_ascii_lowercase();
    if let Some(first) = data.first_mut() {
        first.make_ascii_uppercase();
    }
    Ok(make(data, ba))
}

fn swapcase(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (mut data, ba) = no_args(interp, "swapcase", args, kw)?;
    for b in data.iter_mut() {
        *b = if b.is_ascii_uppercase() {
            b.to_ascii_lowercase()
        } else {
            b.to_ascii_uppercase()
        };
    }
    Ok(make(data, ba))
}

fn isascii(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (data, _) = no_args(interp, "isascii", args, kw)?;
    Ok(Value::bool(data.is_ascii()))
}

fn istitle(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (data, _) = no_args(interp, "istitle", args, kw)?;
    let (mut cased, mut prev_cased) = (false, false);
    for b in data {
        if b.is_ascii_uppercase() {
            if prev_cased {
                return Ok(Value::bool(false));
            }
            (prev_cased, cased) = (true, true);
        } else if b.is_ascii_lowercase() {
            if !prev_cased {
                return Ok(Value::bool(false));
            }
            (prev_cased, cased) = (true, true);
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::bool(cased))
}

/// `zfill(width)`: zeros after a leading sign.
fn zfill(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (data, ba) = recv(interp, "zfill", args)?;
    let width = index_arg(interp, one_arg(interp, "zfill", args, kw)?)?;
    let width = usize::try_from(width).unwrap_or(0);
    interp.check_room(width)?;
    if data.len() >= width {
        return Ok(make(data, ba));
    }
    let fill = width - data.len();
    let sign = usize::from(matches!(data.first(), Some(b'+' | b'-')));
    let mut out = Vec::with_capacity(width);
    out.extend_from_slice(&data[..sign]);
    out.resize(sign + fill, b'0');
    out.extend_from_slice(&data[sign..]);
    Ok(make(out, ba))
}

/// `expandtabs(tabsize=8)`: columns restart after \n and \r.
fn expandtabs(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (data, ba) = recv(interp, "expandtabs", args)?;
    if args.len() > 2 {
        return Err(interp.type_error(format!(
            "expandtabs() takes at most 1 argument ({} given)",
            args.len() - 1 + kw.len()
        )));
    }
    let mut size = args.get(1).cloned();
    for (k, v) in kw {
        if &**k != "tabsize" || size.is_some() {
            return Err(interp.type_error(format!(
                "expandtabs() got an unexpected keyword argument '{k}'"
            )));
        }
        size = Some(v.clone());
    }
    let tabsize = match size {
        Some(v) => index_arg(interp, &v)?,
        None => 8,
    };
    let mut out = Vec::with_capacity(data.len());
    let mut col: i64 = 0;
    for b in data {
        match b {
            b'\t' if tabsize > 0 => {
                let n = tabsize - col % tabsize;
                out.resize(out.len() + n as usize, b' ');
                col += n;
            }
            b'\t' => {}
            b'\n' | b'\r' => {
                out.push(b);
                col = 0;
            }
            _ => {
                out.push(b);
                col += 1;
            }
        }
    }
    Ok(make(out, ba))
}

fn affix_remove(
    interp: &mut Interpreter,
    name: &str,
    args: &[Value],
    kw: &Kwargs,
    prefix: bool,
) -> PyResult<Value> {
    let (data, ba) = recv(interp, name, args)?;
    let affix = need_bytes(interp, one_arg(interp, name, args, kw)?)?;
    let kept = if prefix {
        data.strip_prefix(affix.as_slice())
    } else {
        data.strip_suffix(affix.as_slice())
    };
    match kept {
        // An unchanged bytes is returned as is; a bytearray is always copied.
        Some(rest) if !affix.is_empty() => Ok(make(rest.to_vec(), ba)),
        _ if !ba => Ok(args[0].clone()),
        _ => Ok(make(data, ba)),
    }
}

fn removeprefix(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    affix_remove(interp, "removeprefix", args, kw, true)
}

fn removesuffix(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    affix_remove(interp, "removesuffix", args, kw, false)
}

/// `translate(table, /, delete=b'')`: each byte through the 256-byte
/// `table` (None keeps it), those in `delete` dropped first.
fn translate(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (data, ba) = recv(interp, "translate", args)?;
    let mut delete = args.get(2).cloned();
    for (k, v) in kw {
        match &**k {
            "delete" if delete.is_none() => delete = Some(v.clone()),
            other => {
                return Err(interp.type_error(format!(
                    "translate() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    let Some(table) = args.get(1) else {
        return Err(interp.type_error("translate() takes at least 1 positional argument (0 given)"));
    };
    if args.len() > 3 {
        return Err(interp.type_error(format!(
            "translate() takes at most 2 arguments ({} given)",
            args.len() - 1
        )));
    }
    let need_bytes = |interp: &Interpreter, v: &Value| {
        bytes_like(v).ok_or_else(|| {
            interp.type_error(format!(
                "a bytes-like object is required, not '{}'",
                interp.type_name(v)
            ))
        })
    };
    let table = match table {
        Value::None => None,
        t => Some(need_bytes(interp, t)?),
    };
    if table.as_ref().is_some_and(|t| t.len() != 256) {
        return Err(interp.value_error("translation table must be 256 characters long"));
    }
    let delete = match &delete {
        Some(d) => need_bytes(interp, d)?,
        None => Vec::new(),
    };
    let out = data
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| table.as_ref().map_or(b, |t| t[b as usize]))
        .collect();
    Ok(make(out, ba))
}

// ----- more bytearray mutation -----------------------------------------------------------

fn insert(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let b = bytearray_of(interp, "insert", args)?;
    if !kw.is_empty() {
        return Err(interp.type_error("bytearray.insert() takes no keyword arguments"));
    }
    let [_, at, v] = args else {
        return Err(interp.type_error(format!(
            "insert expected 2 arguments, got {}",
            args.len().saturating_sub(1)
        )));
    };
    let at = index_arg(interp, at)?;
    let v = byte_value(interp, v)?;
    check_resize(interp, b, b.borrow().len() + 1)?;
    let mut data = b.borrow_mut();
    let len = data.len() as i64;
    // Like list.insert: clipped to the ends.
    let i = if at < 0 {
        (at + len).max(0)
    } else {
        at.min(len)
    };
    data.insert(i as usize, v);
    Ok(Value::None)
}

fn remove(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let b = bytearray_of(interp, "remove", args)?;
    let v = byte_value(interp, one_arg(interp, "remove", args, kw)?)?;
    let found = b.borrow().iter().position(|&x| x == v);
    match found {
        Some(i) => {
            check_resize(interp, b, b.borrow().len() - 1)?;
            b.borrow_mut().remove(i);
            Ok(Value::None)
        }
        None => Err(interp.value_error("value not found in bytearray")),
    }
}

fn reverse(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let b = bytearray_of(interp, "reverse", args)?;
    no_args(interp, "reverse", args, kw)?;
    b.borrow_mut().reverse();
    Ok(Value::None)
}

fn copy(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    bytearray_of(interp, "copy", args)?;
    let (data, ba) = no_args(interp, "copy", args, kw)?;
    Ok(make(data, ba))
}

fn clear(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let b = bytearray_of(interp, "clear", args)?;
    no_args(interp, "clear", args, kw)?;
    check_resize(interp, b, 0)?;
    b.borrow_mut().clear();
    Ok(Value::None)
}

// ----- class methods ---------------------------------------------------------------------

/// `bytes.fromhex`, installed in the bytes type's namespace (called
/// unbound: no `self`).
pub const BYTES_CLASS_METHODS: &[(&str, BuiltinFn)] =
    &[("fromhex", bytes_fromhex), ("maketrans", maketrans)];

/// `bytearray.fromhex`, installed in the bytearray type's namespace.
pub const BYTEARRAY_CLASS_METHODS: &[(&str, BuiltinFn)] =
    &[("fromhex", bytearray_fromhex), ("maketrans", maketrans)];

/// `bytes.maketrans(from, to)`: the 256-byte table for `translate` that
/// maps each byte of `from` to the byte at the same place in `to`.
fn maketrans(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(interp.type_error("maketrans() takes no keyword arguments"));
    }
    if args.len() != 2 {
        return Err(interp.type_error(format!(
            "maketrans expected 2 arguments, got {}",
            args.len()
        )));
    }
    let mut sides = Vec::with_capacity(2);
    for v in args {
        match bytes_like(v) {
            Some(b) => sides.push(b),
            None => {
                return Err(interp.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    interp.type_name(v)
                )))
            }
        }
    }
    if sides[0].len() != sides[1].len() {
        return Err(interp.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&from, &to) in sides[0].iter().zip(&sides[1]) {
        table[from as usize] = to;
    }
    Ok(make(table, false))
}

fn bytes_fromhex(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    fromhex(interp, "bytes", args, kw).map(|d| make(d, false))
}

fn bytearray_fromhex(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    fromhex(interp, "bytearray", args, kw).map(|d| make(d, true))
}

/// Pairs of hex digits, with whitespace allowed between pairs
/// (`_PyBytes_FromHex`); errors give the character position.
fn fromhex(interp: &Interpreter, owner: &str, args: &[Value], kw: &Kwargs) -> PyResult<Vec<u8>> {
    if !kw.is_empty() {
        return Err(interp.type_error(format!("{owner}.fromhex() takes no keyword arguments")));
    }
    let [arg] = args else {
        return Err(interp.type_error(format!(
            "{owner}.fromhex() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    let Some(Object::Str(s)) = arg.as_object() else {
        return Err(interp.type_error(format!(
            "fromhex() argument must be str, not {}",
            crate::methods::str::clinic_type_name(interp, arg)
        )));
    };
    let bad = |pos: usize| {
        interp.value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {pos}"
        ))
    };
    let mut chars = s.as_str().chars().enumerate().peekable();
    let mut out = Vec::new();
    while let Some((i, c)) = chars.next() {
        if c.is_ascii() && is_space(c as u8) {
            continue;
        }
        let top = c
            .to_digit(16)
            .filter(|_| c.is_ascii())
            .ok_or_else(|| bad(i))?;
        let (j, low) = match chars.next() {
            Some((j, d)) => (j, d.to_digit(16).filter(|_| d.is_ascii())),
            None => (i + 1, None),
        };
        let low = low.ok_or_else(|| bad(j))?;
        out.push((top * 16 + low) as u8);
    }
    Ok(out)
}
