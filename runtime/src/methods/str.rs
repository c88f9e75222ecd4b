//! Methods of `str` objects (the bound object is `args[0]`).
//!
//! Positions are in characters; a str is UTF-8 inside, so character
//! positions are turned into byte offsets, with a fast path for ASCII
//! strings where the two agree.

use std::cell::RefCell;
use std::rc::Rc;

use crate::builtins::text::index_arg;
use crate::dict::Dict;
use crate::error::{PyErr, PyResult};
use crate::object::{BuiltinFn, Object, PyStr};
use crate::value::Value;
use crate::Interpreter;

type Kwargs = [(Rc<str>, Value)];

pub const METHODS: &[(&str, BuiltinFn)] = &[
    ("join", join),
    ("split", split),
    ("rsplit", rsplit),
    ("splitlines", splitlines),
    ("strip", strip),
    ("lstrip", lstrip),
    ("rstrip", rstrip),
    ("replace", replace),
    ("find", find),
    ("rfind", rfind),
    ("index", index),
    ("rindex", rindex),
    ("count", count),
    ("startswith", startswith),
    ("endswith", endswith),
    ("upper", upper),
    ("lower", lower),
    ("capitalize", capitalize),
    ("title", title),
    ("swapcase", swapcase),
    ("casefold", casefold),
    ("isdigit", isdigit),
    ("isalpha", isalpha),
    ("isalnum", isalnum),
    ("isspace", isspace),
    ("isupper", isupper),
    ("islower", islower),
    ("istitle", istitle),
    ("isidentifier", isidentifier),
    ("isdecimal", isdecimal),
    ("isnumeric", isnumeric),
    ("isprintable", isprintable),
    ("isascii", isascii),
    ("center", center),
    ("ljust", ljust),
    ("rjust", rjust),
    ("zfill", zfill),
    ("partition", partition),
    ("rpartition", rpartition),
    ("expandtabs", expandtabs),
    ("format", format),
    ("format_map", format_map),
    ("encode", encode_method),
    ("translate", translate),
    ("removeprefix", removeprefix),
    ("removesuffix", removesuffix),
];

/// Static methods of the `str` type, for its type dict.
pub const STATIC: &[(&str, BuiltinFn)] = &[("maketrans", maketrans)];

// ----- arguments ---------------------------------------------------------------

/// How a method takes its arguments, which decides CPython's message
/// when the count is wrong.
#[derive(Clone, Copy)]
enum Arity {
    /// METH_NOARGS: "str.upper() takes no arguments (1 given)".
    NoArgs,
    /// METH_O: "str.join() takes exactly one argument (0 given)".
    One,
    /// Argument Clinic, positional only: "strip expected at most 1 argument, got 2".
    Clinic(usize, usize),
    /// PyArg_ParseTuple: "find() takes at least 1 argument (0 given)".
    Tuple(usize, usize),
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The receiver's PyStr and the other positional arguments, checked
/// against `arity`; keywords are refused.
fn recv<'a>(
    interp: &Interpreter,
    name: &str,
    args: &'a [Value],
    kw: &Kwargs,
    arity: Arity,
) -> PyResult<(&'a PyStr, &'a [Value])> {
    let (s, rest) = receiver(interp, name, args)?;
    let n = rest.len();
    if !kw.is_empty() {
        return Err(match arity {
            Arity::Tuple(..) | Arity::Clinic(..) => {
                interp.type_error(format!("{name}() takes no keyword arguments"))
            }
            _ => interp.type_error(format!("str.{name}() takes no keyword arguments")),
        });
    }
    let msg = match arity {
        Arity::NoArgs if n > 0 => format!("str.{name}() takes no arguments ({n} given)"),
        Arity::One if n != 1 => format!("str.{name}() takes exactly one argument ({n} given)"),
        Arity::Clinic(min, _) if n < min => {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                plural(min)
            )
        }
        Arity::Clinic(_, max) if n > max => {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                plural(max)
            )
        }
        Arity::Tuple(min, _) if n < min => {
            format!(
                "{name}() takes at least {min} argument{} ({n} given)",
                plural(min)
            )
        }
        Arity::Tuple(_, max) if n > max => {
            format!(
                "{name}() takes at most {max} argument{} ({n} given)",
                plural(max)
            )
        }
        _ => return Ok((s, rest)),
    };
    Err(interp.type_error(msg))
}

fn receiver<'a>(
    interp: &Interpreter,
    name: &str,
    args: &'a [Value],
) -> PyResult<(&'a PyStr, &'a [Value])> {
    match args.split_first() {
        Some((v, rest)) => match v.as_object() {
            Some(Object::Str(s)) => Ok((s, rest)),
            _ => Err(interp.type_error(format!(
                "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
                interp.type_name(v)
            ))),
        },
        None => Err(interp.type_error(format!("unbound method str.{name}() needs an argument"))),
    }
}

/// Bind keyword-capable arguments to `names` ("split() takes at most 2
/// arguments (3 given)", "'x' is an invalid keyword argument for split()").
fn bind_kw(
    interp: &Interpreter,
    name: &str,
    names: &[&str],
    rest: &[Value],
    kw: &Kwargs,
) -> PyResult<Vec<Option<Value>>> {
    if rest.len() > names.len() {
        return Err(interp.type_error(format!(
            "{name}() takes at most {} argument{} ({} given)",
            names.len(),
            plural(names.len()),
            rest.len() + kw.len()
        )));
    }
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    for (slot, v) in out.iter_mut().zip(rest) {
        *slot = Some(v.clone());
    }
    for (k, v) in kw {
        let Some(i) = names.iter().position(|n| **n == **k) else {
            return Err(
                interp.type_error(format!("'{k}' is an invalid keyword argument for {name}()"))
            );
        };
        if out[i].is_some() {
            return Err(interp.type_error(format!(
                "argument for {name}() given by name ('{k}') and position ({})",
                i + 1
            )));
        }
        out[i] = Some(v.clone());
    }
    Ok(out)
}

/// The text of a str, or of an instance of a subclass of str.
pub fn as_pystr(v: &Value) -> Option<&PyStr> {
    match v.as_object()? {
        Object::Str(s) => Some(s),
        Object::Instance(i) => match i.base.as_ref()?.as_object()? {
            Object::Str(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// A str argument, with CPython's "must be str, not int".
fn str_arg<'a>(interp: &Interpreter, v: &'a Value) -> PyResult<&'a PyStr> {
    match as_pystr(v) {
        Some(s) => Ok(s),
        _ => Err(interp.type_error(format!("must be str, not {}", interp.type_name(v)))),
    }
}

/// The type name in an Argument Clinic error: CPython's `_PyArg_BadArgument`
/// says "None" rather than "NoneType".
pub fn clinic_type_name(interp: &Interpreter, v: &Value) -> String {
    match v {
        Value::None => "None".to_string(),
        _ => interp.type_name(v).to_string(),
    }
}

/// A str argument of a clinic function: "replace() argument 1 must be str, not int".
fn str_arg_n<'a>(interp: &Interpreter, f: &str, n: usize, v: &'a Value) -> PyResult<&'a PyStr> {
    match as_pystr(v) {
        Some(s) => Ok(s),
        _ => Err(interp.type_error(format!(
            "{f}() argument {n} must be str, not {}",
            clinic_type_name(interp, v)
        ))),
    }
}

/// A start/end slice index: None, or an int clipped to isize.
fn slice_index(interp: &mut Interpreter, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None => Ok(None),
        Some(v) => crate::convert::slice_index(interp, v),
    }
}

/// CPython's ADJUST_INDICES: (start, end) in characters, end clamped to
/// len and negatives counted from the end; start may exceed len.
fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len_i = len as i64;
    let fix = |i: i64| {
        if i < 0 {
            (i + len_i).max(0)
        } else {
            i
        }
    };
    let start = fix(start.unwrap_or(0));
    let end = fix(end.unwrap_or(len_i)).min(len_i);
    (start as usize, end as usize)
}

// ----- character positions ------------------------------------------------------

/// Byte offset of character `i` (clamped to the end).
fn byte_of(s: &PyStr, i: usize) -> usize {
    if s.is_ascii() {
        return i.min(s.as_str().len());
    }
    s.as_str()
        .char_indices()
        .nth(i)
        .map_or(s.as_str().len(), |(b, _)| b)
}

/// Character index of byte offset `b`.
fn char_of(s: &str, ascii: bool, b: usize) -> usize {
    if ascii {
        b
    } else {
        s.get(..b).map_or(0, |p| p.chars().count())
    }
}

fn new_str(s: &str) -> Value {
    Value::str(s)
}

fn new_list(items: Vec<Value>) -> Value {
    Value::obj(Object::List(RefCell::new(items)))
}

/// Python's str.isspace for one character: Unicode White_Space plus the
/// ASCII separators \x1c..\x1f.
pub fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

// ----- join, split ----------------------------------------------------------------

fn join(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (sep, rest) = recv(interp, "join", args, kw, Arity::One)?;
    let iterable = &rest[0];
    // A list or tuple is joined in place; anything else is collected first.
    match iterable.as_object() {
        Some(Object::List(l)) => return join_items(interp, sep, &l.borrow()),
        Some(Object::Tuple(t)) => return join_items(interp, sep, t),
        _ => {}
    }
    let items = match interp.collect_iterable(iterable) {
        Ok(items) => items,
        Err(e) => {
            let not_iterable = matches!(iterable.as_object(), None | Some(Object::Type(_)))
                || matches!(
                    iterable.as_object(),
                    Some(
                        Object::Function(_)
                            | Object::Builtin(_)
                            | Object::Complex(..)
                            | Object::BigInt(_)
                    )
                );
            if not_iterable {
                return Err(interp.type_error("can only join an iterable"));
            }
            return Err(e);
        }
    };
    join_items(interp, sep, &items)
}

/// `sep.join(items)`, in one pass over the items (a second pass to size
/// the result first cost a cache miss per item again: 10% of a
/// 300,000-item join). The text is written once and becomes the str with
/// its length in characters already counted; the spare capacity of the
/// growing buffer is given back first.
fn join_items(interp: &Interpreter, sep: &PyStr, items: &[Value]) -> PyResult<Value> {
    let mut out = String::new();
    let mut chars = 0;
    for (i, it) in items.iter().enumerate() {
        let part = join_part(interp, i, it)?;
        if i > 0 {
            out.push_str(sep.as_str());
            chars += sep.char_len();
        }
        out.push_str(part.as_str());
        chars += part.char_len();
    }
    out.shrink_to_fit();
    Ok(Value::obj(Object::Str(PyStr::with_char_len(out, chars))))
}

/// Item `i` of a join, which must be a str.
fn join_part<'a>(interp: &Interpreter, i: usize, it: &'a Value) -> PyResult<&'a PyStr> {
    match crate::class::base_value(it).unwrap_or(it).as_object() {
        Some(Object::Str(s)) => Ok(s),
        _ => Err(interp.type_error(format!(
            "sequence item {i}: expected str instance, {} found",
            interp.type_name(it)
        ))),
    }
}

/// (sep, maxsplit) of split/rsplit.
fn split_args(
    interp: &mut Interpreter,
    name: &str,
    rest: &[Value],
    kw: &Kwargs,
) -> PyResult<(Option<String>, i64)> {
    let a = bind_kw(interp, name, &["sep", "maxsplit"], rest, kw)?;
    let sep = match &a[0] {
        None | Some(Value::None) => None,
        Some(v) => match v.as_object() {
            Some(Object::Str(s)) if s.as_str().is_empty() => {
                return Err(interp.value_error("empty separator"))
            }
            Some(Object::Str(s)) => Some(s.as_str().to_string()),
            _ => {
                return Err(
                    interp.type_error(format!("must be str or None, not {}", interp.type_name(v)))
                )
            }
        },
    };
    let max = match &a[1] {
        None => -1,
        Some(v) => index_arg(interp, v)?,
    };
    Ok((sep, max))
}

fn split(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (s, rest) = receiver(interp, "split", args)?;
    let (sep, max) = split_args(interp, "split", rest, kw)?;
    let s = s.as_str();
    let limit = if max < 0 { usize::MAX } else { max as usize };
    let parts: Vec<Value> = match sep {
        Some(sep) => s
            .splitn(limit.saturating_add(1), sep.as_str())
            .map(new_str)
            .collect(),
        None => split_whitespace(s, limit)
            .into_iter()
            .map(new_str)
            .collect(),
    };
    Ok(new_list(parts))
}

fn rsplit(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (s, rest) = receiver(interp, "rsplit", args)?;
    let (sep, max) = split_args(interp, "rsplit", rest, kw)?;
    let s = s.as_str();
    let limit = if max < 0 { usize::MAX } else { max as usize };
    let mut parts: Vec<&str> = match sep {
        Some(sep) => s.rsplitn(limit.saturating_add(1), sep.as_str()).collect(),
        None => rsplit_whitespace(s, limit),
    };
    parts.reverse();
    Ok(new_list(parts.into_iter().map(new_str).collect()))
}

/// `s.split()`: runs of whitespace separate; after `limit` splits the
/// rest (without its leading whitespace) is the last item.
fn split_whitespace(s: &str, limit: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(py_isspace);
    while !rest.is_empty() {
        if out.len() == limit {
            out.push(rest);
            break;
        }
        match rest.find(py_isspace) {
            Some(i) => {
                out.push(&rest[..i]);
                rest = rest[i..].trim_start_matches(py_isspace);
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out
}

/// `s.rsplit()`, items from the right.
fn rsplit_whitespace(s: &str, limit: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(py_isspace);
    while !rest.is_empty() {
        if out.len() == limit {
            out.push(rest);
            break;
        }
        match rest.rfind(py_isspace) {
            Some(i) => {
                let c = rest[i..].chars().next().map_or(1, char::len_utf8);
                out.push(&rest[i + c..]);
                rest = rest[..i].trim_end_matches(py_isspace);
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

fn splitlines(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (s, rest) = receiver(interp, "splitlines", args)?;
    let a = bind_kw(interp, "splitlines", &["keepends"], rest, kw)?;
    let keep = match &a[0] {
        None => false,
        Some(Value::Float(_)) => {
            return Err(interp.type_error("'float' object cannot be interpreted as an integer"))
        }
        Some(v) => index_arg(interp, v)? != 0,
    };
    let s = s.as_str();
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && matches!(iter.peek(), Some((_, '\n'))) {
            iter.next();
            end += 1;
        }
        out.push(new_str(&s[start..if keep { end } else { i }]));
        start = end;
    }
    if start < s.len() {
        out.push(new_str(&s[start..]));
    }
    Ok(new_list(out))
}

// ----- strip, replace -------------------------------------------------------------

fn strip_impl(
    interp: &mut Interpreter,
    name: &str,
    args: &[Value],
    kw: &Kwargs,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let (s, rest) = recv(interp, name, args, kw, Arity::Clinic(0, 1))?;
    let text = s.as_str();
    let chars: Option<Vec<char>> = match rest.first() {
        None | Some(Value::None) => None,
        Some(v) => match v.as_object() {
            Some(Object::Str(c)) => Some(c.as_str().chars().collect()),
            _ => return Err(interp.type_error(format!("{name} arg must be None or str"))),
        },
    };
    let is_strip = |c: char| match &chars {
        Some(set) => set.contains(&c),
        None => py_isspace(c),
    };
    let mut t = text;
    if left {
        t = t.trim_start_matches(is_strip);
    }
    if right {
        t = t.trim_end_matches(is_strip);
    }
    if t.len() == text.len() {
        return Ok(args[0].clone());
    }
    Ok(new_str(t))
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
    let (s, rest) = recv(interp, "replace", args, kw, Arity::Clinic(2, 3))?;
    let old = str_arg_n(interp, "replace", 1, &rest[0])?;
    let new = str_arg_n(interp, "replace", 2, &rest[1])?;
    let count = match rest.get(2) {
        Some(v) => index_arg(interp, v)?,
        None => -1,
    };
    let out = if count < 0 {
        s.as_str().replace(old.as_str(), new.as_str())
    } else {
        s.as_str()
            .replacen(old.as_str(), new.as_str(), count as usize)
    };
    Ok(new_str(&out))
}

fn removeprefix(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (s, rest) = recv(interp, "removeprefix", args, kw, Arity::One)?;
    let Some(Object::Str(p)) = rest[0].as_object() else {
        return Err(interp.type_error(format!(
            "removeprefix() argument must be str, not {}",
            clinic_type_name(interp, &rest[0])
        )));
    };
    match s.as_str().strip_prefix(p.as_str()) {
        Some(t) if !p.as_str().is_empty() => Ok(new_str(t)),
        _ => Ok(args[0].clone()),
    }
}

fn removesuffix(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (s, rest) = recv(interp, "removesuffix", args, kw, Arity::One)?;
    let Some(Object::Str(p)) = rest[0].as_object() else {
        return Err(interp.type_error(format!(
            "removesuffix() argument must be str, not {}",
            clinic_type_name(interp, &rest[0])
        )));
    };
    match s.as_str().strip_suffix(p.as_str()) {
        Some(t) if !p.as_str().is_empty() => Ok(new_str(t)),
        _ => Ok(args[0].clone()),
    }
}

// ----- searching ------------------------------------------------------------------

/// `(s, sub, start, end)` of find/index/count: the receiver, the needle
/// and the adjusted character range.
fn search_args<'a>(
    interp: &mut Interpreter,
    name: &str,
    args: &'a [Value],
    kw: &Kwargs,
) -> PyResult<(&'a PyStr, &'a PyStr, usize, usize)> {
    let (s, rest) = recv(interp, name, args, kw, Arity::Tuple(1, 3))?;
    let sub = str_arg(interp, &rest[0])?;
    let start = slice_index(interp, rest.get(1))?;
    let end = slice_index(interp, rest.get(2))?;
    let (start, end) = adjust(start, end, s.char_len());
    Ok((s, sub, start, end))
}

/// Character index of the first (or last) `sub` in `s[start:end]`.
fn search(s: &PyStr, sub: &PyStr, start: usize, end: usize, last: bool) -> Option<usize> {
    if start > s.char_len() || start > end {
        return None;
    }
    let (b0, b1) = (byte_of(s, start), byte_of(s, end));
    let hay = s.as_str().get(b0..b1)?;
    let found = if last {
        hay.rfind(sub.as_str())
    } else {
        hay.find(sub.as_str())
    }?;
    Some(start + char_of(hay, s.is_ascii(), found))
}

fn find_impl(
    interp: &mut Interpreter,
    name: &str,
    args: &[Value],
    kw: &Kwargs,
    last: bool,
    raise: bool,
) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(interp, name, args, kw)?;
    match search(s, sub, start, end, last) {
        Some(i) => Ok(Value::Int(i as i64)),
        None if raise => Err(interp.value_error("substring not found")),
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
    let (s, sub, start, end) = search_args(interp, "count", args, kw)?;
    if start > s.char_len() || start > end {
        return Ok(Value::Int(0));
    }
    if sub.as_str().is_empty() {
        return Ok(Value::Int((end - start) as i64 + 1));
    }
    let (b0, b1) = (byte_of(s, start), byte_of(s, end));
    let hay = s.as_str().get(b0..b1).unwrap_or("");
    Ok(Value::Int(hay.matches(sub.as_str()).count() as i64))
}

fn affix_impl(
    interp: &mut Interpreter,
    name: &str,
    args: &[Value],
    kw: &Kwargs,
    suffix: bool,
) -> PyResult<Value> {
    let (s, rest) = recv(interp, name, args, kw, Arity::Tuple(1, 3))?;
    let start = slice_index(interp, rest.get(1))?;
    let end = slice_index(interp, rest.get(2))?;
    let (start, end) = adjust(start, end, s.char_len());
    let matches = |sub: &PyStr| -> bool {
        if start > s.char_len() || end < start + sub.char_len() {
            return false;
        }
        let hay = s
            .as_str()
            .get(byte_of(s, start)..byte_of(s, end))
            .unwrap_or("");
        if suffix {
            hay.ends_with(sub.as_str())
        } else {
            hay.starts_with(sub.as_str())
        }
    };
    if let Some(sub) = as_pystr(&rest[0]) {
        return Ok(Value::bool(matches(sub)));
    }
    match rest[0].as_object() {
        Some(Object::Tuple(items)) => {
            for it in items.iter() {
                match it.as_object() {
                    Some(Object::Str(sub)) if matches(sub) => return Ok(Value::bool(true)),
                    Some(Object::Str(_)) => {}
                    _ => {
                        return Err(interp.type_error(format!(
                            "tuple for {name} must only contain str, not {}",
                            interp.type_name(it)
                        )))
                    }
                }
            }
            Ok(Value::bool(false))
        }
        _ => Err(interp.type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            interp.type_name(&rest[0])
        ))),
    }
}

fn startswith(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    affix_impl(interp, "startswith", args, kw, false)
}

fn endswith(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    affix_impl(interp, "endswith", args, kw, true)
}

fn partition_impl(
    interp: &mut Interpreter,
    name: &str,
    args: &[Value],
    kw: &Kwargs,
    last: bool,
) -> PyResult<Value> {
    let (s, rest) = recv(interp, name, args, kw, Arity::One)?;
    let sep = str_arg(interp, &rest[0])?.as_str();
    if sep.is_empty() {
        return Err(interp.value_error("empty separator"));
    }
    let text = s.as_str();
    let found = if last {
        text.rfind(sep)
    } else {
        text.find(sep)
    };
    let parts = match found {
        Some(i) => [&text[..i], sep, &text[i + sep.len()..]],
        None if last => ["", "", text],
        None => [text, "", ""],
    };
    Ok(Value::obj(Object::Tuple(
        parts.iter().map(|p| new_str(p)).collect(),
    )))
}

fn partition(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    partition_impl(interp, "partition", args, kw, false)
}

fn rpartition(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    partition_impl(interp, "rpartition", args, kw, true)
}

// ----- case -------------------------------------------------------------------------

fn map_str(
    interp: &mut Interpreter,
    name: &str,
    args: &[Value],
    kw: &Kwargs,
    f: fn(&str) -> String,
) -> PyResult<Value> {
    let (s, _) = recv(interp, name, args, kw, Arity::NoArgs)?;
    Ok(new_str(&f(s.as_str())))
}

fn upper(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    map_str(interp, "upper", args, kw, str::to_uppercase)
}

fn lower(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    map_str(interp, "lower", args, kw, str::to_lowercase)
}

fn casefold(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    // Full case folding differs from lowering for a few characters.
    map_str(interp, "casefold", args, kw, |s| {
        s.to_lowercase().replace('ß', "ss").replace('ς', "σ")
    })
}

fn is_titlecase_letter(c: char) -> bool {
    TITLECASE_LETTERS.binary_search(&(c as u32)).is_ok()
}

/// CPython's "cased": uppercase, lowercase or titlecase.
fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || (!c.is_ascii() && is_titlecase_letter(c))
}

/// Appends the Unicode titlecase mapping of `c` (not its uppercase: 'ǆ' → 'ǅ', 'ß' → 'Ss').
fn push_titlecase(out: &mut String, c: char) {
    if !c.is_ascii() {
        if let Ok(i) = TITLECASE.binary_search_by_key(&(c as u32), |&(cp, _)| cp) {
            if let Some((_, t)) = TITLECASE.get(i) {
                out.push_str(t);
                return;
            }
        }
    }
    out.extend(c.to_uppercase());
}

fn capitalize(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    map_str(interp, "capitalize", args, kw, |s| {
        let mut chars = s.chars();
        match chars.next() {
            Some(first) => {
                let mut out = String::with_capacity(s.len());
                push_titlecase(&mut out, first);
                out.push_str(&chars.as_str().to_lowercase());
                out
            }
            None => String::new(),
        }
    })
}

fn title(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    map_str(interp, "title", args, kw, |s| {
        let mut out = String::with_capacity(s.len());
        let mut prev_cased = false;
        for c in s.chars() {
            if prev_cased {
                out.extend(c.to_lowercase());
            } else {
                push_titlecase(&mut out, c);
            }
            prev_cased = is_cased(c);
        }
        out
    })
}

fn swapcase(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    map_str(interp, "swapcase", args, kw, |s| {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            if c.is_uppercase() {
                out.extend(c.to_lowercase());
            } else if c.is_lowercase() {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
        }
        out
    })
}

// ----- predicates -------------------------------------------------------------------

fn in_table(table: &[u32], c: char) -> bool {
    let cp = c as u32;
    // Binary search for the last range starting at or before `cp`.
    let (mut lo, mut hi) = (0, table.len() / 2);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if table[2 * mid] <= cp {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo > 0 && cp <= table[2 * lo - 1]
}

fn py_isdecimal(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && in_table(DECIMAL, c))
}

fn py_isdigit(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && in_table(DIGIT, c))
}

fn py_isnumeric(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && in_table(NUMERIC, c))
}

fn py_isalpha(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && in_table(ALPHA, c))
}

/// A predicate over every character of a non-empty string.
fn all_chars(
    interp: &mut Interpreter,
    name: &str,
    args: &[Value],
    kw: &Kwargs,
    f: fn(char) -> bool,
) -> PyResult<Value> {
    let (s, _) = recv(interp, name, args, kw, Arity::NoArgs)?;
    let s = s.as_str();
    Ok(Value::bool(!s.is_empty() && s.chars().all(f)))
}

fn isdigit(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    all_chars(interp, "isdigit", args, kw, py_isdigit)
}

fn isdecimal(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    all_chars(interp, "isdecimal", args, kw, py_isdecimal)
}

fn isnumeric(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    all_chars(interp, "isnumeric", args, kw, py_isnumeric)
}

fn isalpha(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    all_chars(interp, "isalpha", args, kw, py_isalpha)
}

fn isalnum(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    all_chars(interp, "isalnum", args, kw, |c| {
        py_isalpha(c) || py_isdecimal(c) || py_isdigit(c) || py_isnumeric(c)
    })
}

fn isspace(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    all_chars(interp, "isspace", args, kw, py_isspace)
}

fn isprintable(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (s, _) = recv(interp, "isprintable", args, kw, Arity::NoArgs)?;
    Ok(Value::bool(
        s.as_str().chars().all(pyrite_compiler::repr::is_printable),
    ))
}

fn isascii(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (s, _) = recv(interp, "isascii", args, kw, Arity::NoArgs)?;
    Ok(Value::bool(s.is_ascii()))
}

fn isupper(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (s, _) = recv(interp, "isupper", args, kw, Arity::NoArgs)?;
    let s = s.as_str();
    Ok(Value::bool(
        s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase),
    ))
}

fn islower(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (s, _) = recv(interp, "islower", args, kw, Arity::NoArgs)?;
    let s = s.as_str();
    Ok(Value::bool(
        s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase),
    ))
}

fn istitle(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (s, _) = recv(interp, "istitle", args, kw, Arity::NoArgs)?;
    let (mut cased, mut prev_cased) = (false, false);
    for c in s.as_str().chars() {
        if c.is_uppercase() || (!c.is_ascii() && is_titlecase_letter(c)) {
            if prev_cased {
                return Ok(Value::bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(Value::bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::bool(cased))
}

fn isidentifier(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (s, _) = recv(interp, "isidentifier", args, kw, Arity::NoArgs)?;
    let mut chars = s.as_str().chars();
    let ok = match chars.next() {
        Some(c) => {
            (c == '_' || py_isalpha(c) || (!c.is_ascii() && c.is_alphabetic()))
                && chars
                    .all(|c| c == '_' || c.is_alphanumeric() || (!c.is_ascii() && py_isdigit(c)))
        }
        None => false,
    };
    Ok(Value::bool(ok))
}

// ----- padding ------------------------------------------------------------------------

/// (width, fillchar) of center/ljust/rjust.
fn pad_args(
    interp: &mut Interpreter,
    name: &str,
    args: &[Value],
    kw: &Kwargs,
) -> PyResult<(usize, char)> {
    let (_, rest) = recv(interp, name, args, kw, Arity::Clinic(1, 2))?;
    let width = index_arg(interp, &rest[0])?.max(0) as usize;
    interp.check_room(width)?;
    let fill = match rest.get(1) {
        None => ' ',
        Some(v) => match v.as_object() {
            Some(Object::Str(f)) if f.char_len() == 1 => f.as_str().chars().next().unwrap_or(' '),
            Some(Object::Str(_)) => {
                return Err(
                    interp.type_error("The fill character must be exactly one character long")
                )
            }
            _ => {
                return Err(interp.type_error(format!(
                    "{name}() argument 2 must be str, not {}",
                    interp.type_name(v)
                )))
            }
        },
    };
    Ok((width, fill))
}

fn padded(args: &[Value], s: &PyStr, left: usize, right: usize, fill: char) -> Value {
    if left == 0 && right == 0 {
        return args[0].clone();
    }
    let mut out = String::with_capacity(s.as_str().len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s.as_str());
    out.extend(std::iter::repeat_n(fill, right));
    new_str(&out)
}

fn center(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (width, fill) = pad_args(interp, "center", args, kw)?;
    let (s, _) = receiver(interp, "center", args)?;
    let marg = width.saturating_sub(s.char_len());
    // CPython's rounding: odd margins put the extra fill on the left
    // only when the width is odd.
    let left = marg / 2 + (marg & width & 1);
    Ok(padded(args, s, left, marg - left, fill))
}

fn ljust(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (width, fill) = pad_args(interp, "ljust", args, kw)?;
    let (s, _) = receiver(interp, "ljust", args)?;
    Ok(padded(args, s, 0, width.saturating_sub(s.char_len()), fill))
}

fn rjust(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (width, fill) = pad_args(interp, "rjust", args, kw)?;
    let (s, _) = receiver(interp, "rjust", args)?;
    Ok(padded(args, s, width.saturating_sub(s.char_len()), 0, fill))
}

fn zfill(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (s, rest) = recv(interp, "zfill", args, kw, Arity::One)?;
    let width = index_arg(interp, &rest[0])?.max(0) as usize;
    interp.check_room(width)?;
    let n = width.saturating_sub(s.char_len());
    if n == 0 {
        return Ok(args[0].clone());
    }
    let text = s.as_str();
    let (sign, digits) = match text.as_bytes().first() {
        Some(b'+' | b'-') => text.split_at(1),
        _ => ("", text),
    };
    Ok(new_str(&format!("{sign}{}{digits}", "0".repeat(n))))
}

fn expandtabs(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (s, rest) = receiver(interp, "expandtabs", args)?;
    let a = bind_kw(interp, "expandtabs", &["tabsize"], rest, kw)?;
    let tab = match &a[0] {
        None => 8,
        Some(v) => index_arg(interp, v)?,
    };
    if i32::try_from(tab).is_err() {
        return Err(crate::num::overflow(
            interp,
            "Python int too large to convert to C int",
        ));
    }
    let mut out = String::with_capacity(s.as_str().len());
    let mut col: i64 = 0;
    for c in s.as_str().chars() {
        match c {
            '\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(new_str(&out))
}

// ----- encode, translate ------------------------------------------------------------

/// A codec name as CPython normalises it, for the codecs we know.
pub fn codec(name: &str) -> Option<&'static str> {
    let n = name.to_ascii_lowercase().replace(['-', ' '], "_");
    Some(match n.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => "utf-8",
        "ascii" | "us_ascii" | "646" => "ascii",
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" => {
            "iso8859-1"
        }
        _ => return None,
    })
}

/// `s.encode(encoding, errors)`.
pub fn encode(
    interp: &mut Interpreter,
    s: &str,
    encoding: &str,
    errors: &str,
) -> PyResult<Vec<u8>> {
    let limit = match codec(encoding) {
        Some("utf-8") => return Ok(s.as_bytes().to_vec()),
        Some("ascii") => 0x80,
        Some(_) => 0x100,
        None => return Err(interp.err("LookupError", format!("unknown encoding: {encoding}"))),
    };
    let enc_name = if limit == 0x80 { "ascii" } else { "latin-1" };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let cp = chars[i] as u32;
        if cp < limit {
            out.push(cp as u8);
            i += 1;
            continue;
        }
        // The run of unencodable characters, as CPython reports it.
        let end = (i..chars.len())
            .find(|&j| (chars[j] as u32) < limit)
            .unwrap_or(chars.len());
        match errors {
            "strict" => {
                let reason = format!("ordinal not in range({limit})");
                return Err(unicode_error(
                    interp,
                    "UnicodeEncodeError",
                    enc_name,
                    Value::str(s),
                    i,
                    end,
                    &reason,
                ));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
            "backslashreplace" => {
                for &c in &chars[i..end] {
                    out.extend(crate::format::ascii_escape(&c.to_string()).bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in &chars[i..end] {
                    out.extend(format!("&#{};", c as u32).bytes());
                }
            }
            _ => {
                return Err(interp.err(
                    "LookupError",
                    format!("unknown error handler name '{errors}'"),
                ))
            }
        }
        i = end;
    }
    Ok(out)
}

/// A UnicodeEncodeError/UnicodeDecodeError with CPython's five arguments.
pub fn unicode_error(
    interp: &Interpreter,
    typ: &str,
    encoding: &str,
    object: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let t = interp.types.exception(typ);
    PyErr(interp.exception(
        &t,
        vec![
            Value::str(encoding),
            object,
            Value::Int(start as i64),
            Value::Int(end as i64),
            Value::str(reason),
        ],
    ))
}

fn encode_method(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (s, rest) = receiver(interp, "encode", args)?;
    let a = bind_kw(interp, "encode", &["encoding", "errors"], rest, kw)?;
    let mut text = [String::from("utf-8"), String::from("strict")];
    for (i, (slot, name)) in a.iter().zip(["encoding", "errors"]).enumerate() {
        if let Some(v) = slot {
            match v.as_object() {
                Some(Object::Str(t)) => text[i] = t.as_str().to_string(),
                _ => {
                    return Err(interp.type_error(format!(
                        "encode() argument '{name}' must be str, not {}",
                        interp.type_name(v)
                    )))
                }
            }
        }
    }
    let bytes = encode(interp, s.as_str(), &text[0], &text[1])?;
    Ok(Value::obj(Object::Bytes(bytes.into_boxed_slice())))
}

fn translate(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (s, rest) = recv(interp, "translate", args, kw, Arity::One)?;
    let table = rest[0].clone();
    let text = s.as_str().to_string();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let key = Value::Int(c as i64);
        let mapped = match table.as_object() {
            Some(Object::Dict(d)) => d.borrow().get(&key).ok().flatten().cloned(),
            _ => match crate::ops::getitem(interp, &table, &key) {
                Ok(v) => Some(v),
                Err(e) if is_lookup_error(interp, &e) => None,
                Err(e) => return Err(e),
            },
        };
        match mapped {
            None => out.push(c),
            Some(Value::None) => {}
            Some(Value::Int(i)) => match u32::try_from(i).ok().and_then(char::from_u32) {
                Some(m) => out.push(m),
                None => {
                    return Err(interp.value_error("character mapping must be in range(0x110000)"))
                }
            },
            Some(v) => match v.as_object() {
                Some(Object::Str(m)) => out.push_str(m.as_str()),
                _ => {
                    return Err(
                        interp.type_error("character mapping must return integer, None or str")
                    )
                }
            },
        }
    }
    Ok(new_str(&out))
}

fn is_lookup_error(interp: &Interpreter, e: &PyErr) -> bool {
    let lookup = interp.types.exception("LookupError");
    interp.type_of(&e.0).is_subtype(&lookup)
}

/// `str.maketrans(x[, y[, z]])`.
fn maketrans(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(interp.type_error("maketrans() takes no keyword arguments"));
    }
    let mut d = Dict::new();
    match args {
        [] => return Err(interp.type_error("maketrans expected at least 1 argument, got 0")),
        [x] => {
            let Some(Object::Dict(src)) = x.as_object() else {
                return Err(interp
                    .type_error("if you give only one argument to maketrans it must be a dict"));
            };
            let pairs: Vec<(Value, Value)> = src
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            for (k, v) in pairs {
                let key = match (&k, k.as_object()) {
                    (Value::Int(_), _) => k.clone(),
                    (_, Some(Object::Str(s))) if s.char_len() == 1 => {
                        Value::Int(s.as_str().chars().next().map_or(0, |c| c as i64))
                    }
                    (_, Some(Object::Str(_))) => {
                        return Err(interp
                            .value_error("string keys in translate table must be of length 1"))
                    }
                    _ => {
                        return Err(interp
                            .type_error("keys in translate table must be strings or integers"))
                    }
                };
                interp.dict_insert(&mut d, key, v)?;
            }
        }
        [x, y, rest @ ..] if rest.len() <= 1 => {
            let x = str_arg_n(interp, "maketrans", 1, x)?;
            let y = str_arg_n(interp, "maketrans", 2, y)?;
            if x.char_len() != y.char_len() {
                return Err(
                    interp.value_error("the first two maketrans arguments must have equal length")
                );
            }
            for (a, b) in x.as_str().chars().zip(y.as_str().chars()) {
                interp.dict_insert(&mut d, Value::Int(a as i64), Value::Int(b as i64))?;
            }
            if let Some(z) = rest.first() {
                let z = str_arg_n(interp, "maketrans", 3, z)?;
                for c in z.as_str().chars() {
                    interp.dict_insert(&mut d, Value::Int(c as i64), Value::None)?;
                }
            }
        }
        _ => {
            return Err(interp.type_error(format!(
                "maketrans expected at most 3 arguments, got {}",
                args.len()
            )))
        }
    }
    Ok(Value::obj(Object::Dict(RefCell::new(d))))
}

// ----- str.format --------------------------------------------------------------------

fn format(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (s, rest) = receiver(interp, "format", args)?;
    let fmt = s.as_str().to_string();
    let mut st = FormatState {
        positional: rest,
        keywords: Keywords::Pairs(kw),
        auto: AutoNumber::Unknown,
    };
    Ok(new_str(&st.render(interp, &fmt, 2)?))
}

fn format_map(interp: &mut Interpreter, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (s, rest) = recv(interp, "format_map", args, kw, Arity::One)?;
    let fmt = s.as_str().to_string();
    let mut st = FormatState {
        positional: &[],
        keywords: Keywords::Mapping(&rest[0]),
        auto: AutoNumber::Unknown,
    };
    Ok(new_str(&st.render(interp, &fmt, 2)?))
}

enum Keywords<'a> {
    Pairs(&'a Kwargs),
    Mapping(&'a Value),
}

#[derive(PartialEq)]
enum AutoNumber {
    Unknown,
    Auto(usize),
    Manual,
}

struct FormatState<'a> {
    positional: &'a [Value],
    keywords: Keywords<'a>,
    auto: AutoNumber,
}

impl FormatState<'_> {
    /// Expand the replacement fields of `fmt`; `depth` bounds nesting
    /// in format specs ("Max string recursion exceeded").
    fn render(&mut self, interp: &mut Interpreter, fmt: &str, depth: u32) -> PyResult<String> {
        let mut out = String::with_capacity(fmt.len() + 16);
        let mut chars = fmt.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '{' if matches!(chars.peek(), Some((_, '{'))) => {
                    chars.next();
                    out.push('{');
                }
                '}' if matches!(chars.peek(), Some((_, '}'))) => {
                    chars.next();
                    out.push('}');
                }
                '}' => return Err(interp.value_error("Single '}' encountered in format string")),
                '{' => {
                    let end = field_end(fmt, i + 1).ok_or_else(|| {
                        let msg = if fmt[i + 1..].is_empty() {
                            "Single '{' encountered in format string"
                        } else {
                            "expected '}' before end of string"
                        };
                        interp.value_error(msg)
                    })?;
                    if depth == 0 {
                        return Err(interp.value_error("Max string recursion exceeded"));
                    }
                    let field = &fmt[i + 1..end];
                    out.push_str(&self.field(interp, field, depth)?);
                    while chars.peek().is_some_and(|&(j, _)| j <= end) {
                        chars.next();
                    }
                }
                _ => out.push(c),
            }
        }
        Ok(out)
    }

    /// One replacement field `name[.attr][[key]]...[!conv][:spec]`.
    fn field(&mut self, interp: &mut Interpreter, field: &str, depth: u32) -> PyResult<String> {
        // The name ends at the first '!' or ':' outside brackets.
        let mut in_bracket = false;
        let mut name_end = field.len();
        for (j, c) in field.char_indices() {
            match c {
                '[' => in_bracket = true,
                ']' => in_bracket = false,
                '!' | ':' if !in_bracket => {
                    name_end = j;
                    break;
                }
                _ => {}
            }
        }
        let name = &field[..name_end];
        let mut rest = &field[name_end..];
        let mut conv = None;
        if let Some(r) = rest.strip_prefix('!') {
            let mut it = r.chars();
            let c = it.next();
            let after = it.as_str();
            if !(after.is_empty() || after.starts_with(':')) || c.is_none() {
                return Err(interp.value_error("expected ':' after conversion specifier"));
            }
            conv = c;
            rest = after;
        }
        let spec_raw = rest.strip_prefix(':').unwrap_or("");
        let mut value = self.lookup(interp, name)?;
        if let Some(c) = conv {
            let text = match c {
                'r' => crate::format::repr(interp, &value)?,
                's' => crate::format::str_of(interp, &value)?,
                'a' => crate::format::ascii(interp, &value)?,
                other => {
                    return Err(interp.value_error(format!("Unknown conversion specifier {other}")))
                }
            };
            value = Value::str(&text);
        }
        let spec = if spec_raw.contains('{') {
            self.render(interp, spec_raw, depth - 1)?
        } else {
            spec_raw.to_string()
        };
        crate::format::format(interp, &value, &spec)
    }

    /// The object a field name denotes.
    fn lookup(&mut self, interp: &mut Interpreter, name: &str) -> PyResult<Value> {
        let first_end = name.find(['.', '[']).unwrap_or(name.len());
        let (first, mut rest) = name.split_at(first_end);
        let mut value = if first.is_empty() {
            if self.auto == AutoNumber::Manual {
                return Err(interp.value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            let n = match self.auto {
                AutoNumber::Auto(n) => n,
                _ => 0,
            };
            self.auto = AutoNumber::Auto(n + 1);
            self.positional_arg(interp, n)?
        } else if let Ok(n) = first.parse::<usize>() {
            if matches!(self.auto, AutoNumber::Auto(_)) {
                return Err(interp.value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            self.auto = AutoNumber::Manual;
            self.positional_arg(interp, n)?
        } else {
            self.keyword_arg(interp, first)?
        };
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('.') {
                let end = r.find(['.', '[']).unwrap_or(r.len());
                let attr = &r[..end];
                if attr.is_empty() {
                    return Err(interp.value_error("Empty attribute in format string"));
                }
                value = interp.get_attr(&value, &Value::str(attr))?;
                rest = &r[end..];
            } else if let Some(r) = rest.strip_prefix('[') {
                let Some(end) = r.find(']') else {
                    return Err(interp.value_error("Missing ']' in format string"));
                };
                let key = &r[..end];
                if key.is_empty() {
                    return Err(interp.value_error("Empty attribute in format string"));
                }
                let key = match key.parse::<i64>() {
                    Ok(i) if key.bytes().all(|b| b.is_ascii_digit()) => Value::Int(i),
                    _ => Value::str(key),
                };
                value = subscript(interp, &value, &key)?;
                rest = &r[end + 1..];
                if !rest.is_empty() && !rest.starts_with(['.', '[']) {
                    return Err(interp
                        .value_error("Only '.' or '[' may follow ']' in format field specifier"));
                }
            } else {
                break;
            }
        }
        Ok(value)
    }

    fn positional_arg(&self, interp: &Interpreter, n: usize) -> PyResult<Value> {
        if let Keywords::Mapping(_) = self.keywords {
            return Err(interp.value_error("Format string contains positional fields"));
        }
        self.positional.get(n).cloned().ok_or_else(|| {
            interp.err(
                "IndexError",
                format!("Replacement index {n} out of range for positional args tuple"),
            )
        })
    }

    fn keyword_arg(&self, interp: &mut Interpreter, name: &str) -> PyResult<Value> {
        let key = Value::str(name);
        match self.keywords {
            Keywords::Pairs(kw) => kw
                .iter()
                .find(|(k, _)| &**k == name)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| key_error(interp, key)),
            Keywords::Mapping(m) => subscript(interp, m, &key),
        }
    }
}

fn key_error(interp: &Interpreter, key: Value) -> PyErr {
    let t = interp.types.exception("KeyError");
    PyErr(interp.exception(&t, vec![key]))
}

/// `value[key]` for the containers format fields index.
fn subscript(interp: &mut Interpreter, value: &Value, key: &Value) -> PyResult<Value> {
    match (value.as_object(), key) {
        (Some(Object::Dict(d)), _) => {
            let found = d.borrow().get(key).ok().flatten().cloned();
            found.ok_or_else(|| key_error(interp, key.clone()))
        }
        (Some(Object::List(l)), Value::Int(i)) => {
            let found = l.borrow().get(*i as usize).cloned();
            found.ok_or_else(|| interp.err("IndexError", "list index out of range"))
        }
        (Some(Object::Tuple(t)), Value::Int(i)) => t
            .get(*i as usize)
            .cloned()
            .ok_or_else(|| interp.err("IndexError", "tuple index out of range")),
        _ => crate::ops::getitem(interp, value, key),
    }
}

/// The byte index of the '}' closing a field whose text starts at
/// `start`, skipping nested `{...}` in the format spec.
fn field_end(fmt: &str, start: usize) -> Option<usize> {
    let mut depth = 1;
    let mut in_bracket = false;
    for (j, c) in fmt.get(start..)?.char_indices() {
        match c {
            '[' if depth == 1 => in_bracket = true,
            ']' if depth == 1 => in_bracket = false,
            '{' if !in_bracket => depth += 1,
            '}' if !in_bracket => {
                depth -= 1;
                if depth == 0 {
                    return Some(start + j);
                }
            }
            _ => {}
        }
    }
    None
}

// Generated from CPython 3.11's unicodedata (Unicode 14.0): inclusive
// code point ranges, flattened as start, end, start, end, ...
const DECIMAL: &[u32] = &[
    0x30, 0x39, 0x660, 0x669, 0x6f0, 0x6f9, 0x7c0, 0x7c9, 0x966, 0x96f, 0x9e6, 0x9ef, 0xa66, 0xa6f,
    0xae6, 0xaef, 0xb66, 0xb6f, 0xbe6, 0xbef, 0xc66, 0xc6f, 0xce6, 0xcef, 0xd66, 0xd6f, 0xde6,
    0xdef, 0xe50, 0xe59, 0xed0, 0xed9, 0xf20, 0xf29, 0x1040, 0x1049, 0x1090, 0x1099, 0x17e0,
    0x17e9, 0x1810, 0x1819, 0x1946, 0x194f, 0x19d0, 0x19d9, 0x1a80, 0x1a89, 0x1a90, 0x1a99, 0x1b50,
    0x1b59, 0x1bb0, 0x1bb9, 0x1c40, 0x1c49, 0x1c50, 0x1c59, 0xa620, 0xa629, 0xa8d0, 0xa8d9, 0xa900,
    0xa909, 0xa9d0, 0xa9d9, 0xa9f0, 0xa9f9, 0xaa50, 0xaa59, 0xabf0, 0xabf9, 0xff10, 0xff19,
    0x104a0, 0x104a9, 0x10d30, 0x10d39, 0x11066, 0x1106f, 0x110f0, 0x110f9, 0x11136, 0x1113f,
    0x111d0, 0x111d9, 0x112f0, 0x112f9, 0x11450, 0x11459, 0x114d0, 0x114d9, 0x11650, 0x11659,
    0x116c0, 0x116c9, 0x11730, 0x11739, 0x118e0, 0x118e9, 0x11950, 0x11959, 0x11c50, 0x11c59,
    0x11d50, 0x11d59, 0x11da0, 0x11da9, 0x16a60, 0x16a69, 0x16ac0, 0x16ac9, 0x16b50, 0x16b59,
    0x1d7ce, 0x1d7ff, 0x1e140, 0x1e149, 0x1e2f0, 0x1e2f9, 0x1e950, 0x1e959, 0x1fbf0, 0x1fbf9,
];
const DIGIT: &[u32] = &[
    0x30, 0x39, 0xb2, 0xb3, 0xb9, 0xb9, 0x660, 0x669, 0x6f0, 0x6f9, 0x7c0, 0x7c9, 0x966, 0x96f,
    0x9e6, 0x9ef, 0xa66, 0xa6f, 0xae6, 0xaef, 0xb66, 0xb6f, 0xbe6, 0xbef, 0xc66, 0xc6f, 0xce6,
    0xcef, 0xd66, 0xd6f, 0xde6, 0xdef, 0xe50, 0xe59, 0xed0, 0xed9, 0xf20, 0xf29, 0x1040, 0x1049,
    0x1090, 0x1099, 0x1369, 0x1371, 0x17e0, 0x17e9, 0x1810, 0x1819, 0x1946, 0x194f, 0x19d0, 0x19da,
    0x1a80, 0x1a89, 0x1a90, 0x1a99, 0x1b50, 0x1b59, 0x1bb0, 0x1bb9, 0x1c40, 0x1c49, 0x1c50, 0x1c59,
    0x2070, 0x2070, 0x2074, 0x2079, 0x2080, 0x2089, 0x2460, 0x2468, 0x2474, 0x247c, 0x2488, 0x2490,
    0x24ea, 0x24ea, 0x24f5, 0x24fd, 0x24ff, 0x24ff, 0x2776, 0x277e, 0x2780, 0x2788, 0x278a, 0x2792,
    0xa620, 0xa629, 0xa8d0, 0xa8d9, 0xa900, 0xa909, 0xa9d0, 0xa9d9, 0xa9f0, 0xa9f9, 0xaa50, 0xaa59,
    0xabf0, 0xabf9, 0xff10, 0xff19, 0x104a0, 0x104a9, 0x10a40, 0x10a43, 0x10d30, 0x10d39, 0x10e60,
    0x10e68, 0x11052, 0x1105a, 0x11066, 0x1106f, 0x110f0, 0x110f9, 0x11136, 0x1113f, 0x111d0,
    0x111d9, 0x112f0, 0x112f9, 0x11450, 0x11459, 0x114d0, 0x114d9, 0x11650, 0x11659, 0x116c0,
    0x116c9, 0x11730, 0x11739, 0x118e0, 0x118e9, 0x11950, 0x11959, 0x11c50, 0x11c59, 0x11d50,
    0x11d59, 0x11da0, 0x11da9, 0x16a60, 0x16a69, 0x16ac0, 0x16ac9, 0x16b50, 0x16b59, 0x1d7ce,
    0x1d7ff, 0x1e140, 0x1e149, 0x1e2f0, 0x1e2f9, 0x1e950, 0x1e959, 0x1f100, 0x1f10a, 0x1fbf0,
    0x1fbf9,
];
const NUMERIC: &[u32] = &[
    0x30, 0x39, 0xb2, 0xb3, 0xb9, 0xb9, 0xbc, 0xbe, 0x660, 0x669, 0x6f0, 0x6f9, 0x7c0, 0x7c9,
    0x966, 0x96f, 0x9e6, 0x9ef, 0x9f4, 0x9f9, 0xa66, 0xa6f, 0xae6, 0xaef, 0xb66, 0xb6f, 0xb72,
    0xb77, 0xbe6, 0xbf2, 0xc66, 0xc6f, 0xc78, 0xc7e, 0xce6, 0xcef, 0xd58, 0xd5e, 0xd66, 0xd78,
    0xde6, 0xdef, 0xe50, 0xe59, 0xed0, 0xed9, 0xf20, 0xf33, 0x1040, 0x1049, 0x1090, 0x1099, 0x1369,
    0x137c, 0x16ee, 0x16f0, 0x17e0, 0x17e9, 0x17f0, 0x17f9, 0x1810, 0x1819, 0x1946, 0x194f, 0x19d0,
    0x19da, 0x1a80, 0x1a89, 0x1a90, 0x1a99, 0x1b50, 0x1b59, 0x1bb0, 0x1bb9, 0x1c40, 0x1c49, 0x1c50,
    0x1c59, 0x2070, 0x2070, 0x2074, 0x2079, 0x2080, 0x2089, 0x2150, 0x2182, 0x2185, 0x2189, 0x2460,
    0x249b, 0x24ea, 0x24ff, 0x2776, 0x2793, 0x2cfd, 0x2cfd, 0x3007, 0x3007, 0x3021, 0x3029, 0x3038,
    0x303a, 0x3192, 0x3195, 0x3220, 0x3229, 0x3248, 0x324f, 0x3251, 0x325f, 0x3280, 0x3289, 0x32b1,
    0x32bf, 0x3405, 0x3405, 0x3483, 0x3483, 0x382a, 0x382a, 0x3b4d, 0x3b4d, 0x4e00, 0x4e00, 0x4e03,
    0x4e03, 0x4e07, 0x4e07, 0x4e09, 0x4e09, 0x4e5d, 0x4e5d, 0x4e8c, 0x4e8c, 0x4e94, 0x4e94, 0x4e96,
    0x4e96, 0x4ebf, 0x4ec0, 0x4edf, 0x4edf, 0x4ee8, 0x4ee8, 0x4f0d, 0x4f0d, 0x4f70, 0x4f70, 0x5104,
    0x5104, 0x5146, 0x5146, 0x5169, 0x5169, 0x516b, 0x516b, 0x516d, 0x516d, 0x5341, 0x5341, 0x5343,
    0x5345, 0x534c, 0x534c, 0x53c1, 0x53c4, 0x56db, 0x56db, 0x58f1, 0x58f1, 0x58f9, 0x58f9, 0x5e7a,
    0x5e7a, 0x5efe, 0x5eff, 0x5f0c, 0x5f0e, 0x5f10, 0x5f10, 0x62fe, 0x62fe, 0x634c, 0x634c, 0x67d2,
    0x67d2, 0x6f06, 0x6f06, 0x7396, 0x7396, 0x767e, 0x767e, 0x8086, 0x8086, 0x842c, 0x842c, 0x8cae,
    0x8cae, 0x8cb3, 0x8cb3, 0x8d30, 0x8d30, 0x9621, 0x9621, 0x9646, 0x9646, 0x964c, 0x964c, 0x9678,
    0x9678, 0x96f6, 0x96f6, 0xa620, 0xa629, 0xa6e6, 0xa6ef, 0xa830, 0xa835, 0xa8d0, 0xa8d9, 0xa900,
    0xa909, 0xa9d0, 0xa9d9, 0xa9f0, 0xa9f9, 0xaa50, 0xaa59, 0xabf0, 0xabf9, 0xf96b, 0xf96b, 0xf973,
    0xf973, 0xf978, 0xf978, 0xf9b2, 0xf9b2, 0xf9d1, 0xf9d1, 0xf9d3, 0xf9d3, 0xf9fd, 0xf9fd, 0xff10,
    0xff19, 0x10107, 0x10133, 0x10140, 0x10178, 0x1018a, 0x1018b, 0x102e1, 0x102fb, 0x10320,
    0x10323, 0x10341, 0x10341, 0x1034a, 0x1034a, 0x103d1, 0x103d5, 0x104a0, 0x104a9, 0x10858,
    0x1085f, 0x10879, 0x1087f, 0x108a7, 0x108af, 0x108fb, 0x108ff, 0x10916, 0x1091b, 0x109bc,
    0x109bd, 0x109c0, 0x109cf, 0x109d2, 0x109ff, 0x10a40, 0x10a48, 0x10a7d, 0x10a7e, 0x10a9d,
    0x10a9f, 0x10aeb, 0x10aef, 0x10b58, 0x10b5f, 0x10b78, 0x10b7f, 0x10ba9, 0x10baf, 0x10cfa,
    0x10cff, 0x10d30, 0x10d39, 0x10e60, 0x10e7e, 0x10f1d, 0x10f26, 0x10f51, 0x10f54, 0x10fc5,
    0x10fcb, 0x11052, 0x1106f, 0x110f0, 0x110f9, 0x11136, 0x1113f, 0x111d0, 0x111d9, 0x111e1,
    0x111f4, 0x112f0, 0x112f9, 0x11450, 0x11459, 0x114d0, 0x114d9, 0x11650, 0x11659, 0x116c0,
    0x116c9, 0x11730, 0x1173b, 0x118e0, 0x118f2, 0x11950, 0x11959, 0x11c50, 0x11c6c, 0x11d50,
    0x11d59, 0x11da0, 0x11da9, 0x11fc0, 0x11fd4, 0x12400, 0x1246e, 0x16a60, 0x16a69, 0x16ac0,
    0x16ac9, 0x16b50, 0x16b59, 0x16b5b, 0x16b61, 0x16e80, 0x16e96, 0x1d2e0, 0x1d2f3, 0x1d360,
    0x1d378, 0x1d7ce, 0x1d7ff, 0x1e140, 0x1e149, 0x1e2f0, 0x1e2f9, 0x1e8c7, 0x1e8cf, 0x1e950,
    0x1e959, 0x1ec71, 0x1ecab, 0x1ecad, 0x1ecaf, 0x1ecb1, 0x1ecb4, 0x1ed01, 0x1ed2d, 0x1ed2f,
    0x1ed3d, 0x1f100, 0x1f10c, 0x1fbf0, 0x1fbf9, 0x20001, 0x20001, 0x20064, 0x20064, 0x200e2,
    0x200e2, 0x20121, 0x20121, 0x2092a, 0x2092a, 0x20983, 0x20983, 0x2098c, 0x2098c, 0x2099c,
    0x2099c, 0x20aea, 0x20aea, 0x20afd, 0x20afd, 0x20b19, 0x20b19, 0x22390, 0x22390, 0x22998,
    0x22998, 0x23b1b, 0x23b1b, 0x2626d, 0x2626d, 0x2f890, 0x2f890,
];
const ALPHA: &[u32] = &[
    0x41, 0x5a, 0x61, 0x7a, 0xaa, 0xaa, 0xb5, 0xb5, 0xba, 0xba, 0xc0, 0xd6, 0xd8, 0xf6, 0xf8,
    0x2c1, 0x2c6, 0x2d1, 0x2e0, 0x2e4, 0x2ec, 0x2ec, 0x2ee, 0x2ee, 0x370, 0x374, 0x376, 0x377,
    0x37a, 0x37d, 0x37f, 0x37f, 0x386, 0x386, 0x388, 0x38a, 0x38c, 0x38c, 0x38e, 0x3a1, 0x3a3,
    0x3f5, 0x3f7, 0x481, 0x48a, 0x52f, 0x531, 0x556, 0x559, 0x559, 0x560, 0x588, 0x5d0, 0x5ea,
    0x5ef, 0x5f2, 0x620, 0x64a, 0x66e, 0x66f, 0x671, 0x6d3, 0x6d5, 0x6d5, 0x6e5, 0x6e6, 0x6ee,
    0x6ef, 0x6fa, 0x6fc, 0x6ff, 0x6ff, 0x710, 0x710, 0x712, 0x72f, 0x74d, 0x7a5, 0x7b1, 0x7b1,
    0x7ca, 0x7ea, 0x7f4, 0x7f5, 0x7fa, 0x7fa, 0x800, 0x815, 0x81a, 0x81a, 0x824, 0x824, 0x828,
    0x828, 0x840, 0x858, 0x860, 0x86a, 0x870, 0x887, 0x889, 0x88e, 0x8a0, 0x8c9, 0x904, 0x939,
    0x93d, 0x93d, 0x950, 0x950, 0x958, 0x961, 0x971, 0x980, 0x985, 0x98c, 0x98f, 0x990, 0x993,
    0x9a8, 0x9aa, 0x9b0, 0x9b2, 0x9b2, 0x9b6, 0x9b9, 0x9bd, 0x9bd, 0x9ce, 0x9ce, 0x9dc, 0x9dd,
    0x9df, 0x9e1, 0x9f0, 0x9f1, 0x9fc, 0x9fc, 0xa05, 0xa0a, 0xa0f, 0xa10, 0xa13, 0xa28, 0xa2a,
    0xa30, 0xa32, 0xa33, 0xa35, 0xa36, 0xa38, 0xa39, 0xa59, 0xa5c, 0xa5e, 0xa5e, 0xa72, 0xa74,
    0xa85, 0xa8d, 0xa8f, 0xa91, 0xa93, 0xaa8, 0xaaa, 0xab0, 0xab2, 0xab3, 0xab5, 0xab9, 0xabd,
    0xabd, 0xad0, 0xad0, 0xae0, 0xae1, 0xaf9, 0xaf9, 0xb05, 0xb0c, 0xb0f, 0xb10, 0xb13, 0xb28,
    0xb2a, 0xb30, 0xb32, 0xb33, 0xb35, 0xb39, 0xb3d, 0xb3d, 0xb5c, 0xb5d, 0xb5f, 0xb61, 0xb71,
    0xb71, 0xb83, 0xb83, 0xb85, 0xb8a, 0xb8e, 0xb90, 0xb92, 0xb95, 0xb99, 0xb9a, 0xb9c, 0xb9c,
    0xb9e, 0xb9f, 0xba3, 0xba4, 0xba8, 0xbaa, 0xbae, 0xbb9, 0xbd0, 0xbd0, 0xc05, 0xc0c, 0xc0e,
    0xc10, 0xc12, 0xc28, 0xc2a, 0xc39, 0xc3d, 0xc3d, 0xc58, 0xc5a, 0xc5d, 0xc5d, 0xc60, 0xc61,
    0xc80, 0xc80, 0xc85, 0xc8c, 0xc8e, 0xc90, 0xc92, 0xca8, 0xcaa, 0xcb3, 0xcb5, 0xcb9, 0xcbd,
    0xcbd, 0xcdd, 0xcde, 0xce0, 0xce1, 0xcf1, 0xcf2, 0xd04, 0xd0c, 0xd0e, 0xd10, 0xd12, 0xd3a,
    0xd3d, 0xd3d, 0xd4e, 0xd4e, 0xd54, 0xd56, 0xd5f, 0xd61, 0xd7a, 0xd7f, 0xd85, 0xd96, 0xd9a,
    0xdb1, 0xdb3, 0xdbb, 0xdbd, 0xdbd, 0xdc0, 0xdc6, 0xe01, 0xe30, 0xe32, 0xe33, 0xe40, 0xe46,
    0xe81, 0xe82, 0xe84, 0xe84, 0xe86, 0xe8a, 0xe8c, 0xea3, 0xea5, 0xea5, 0xea7, 0xeb0, 0xeb2,
    0xeb3, 0xebd, 0xebd, 0xec0, 0xec4, 0xec6, 0xec6, 0xedc, 0xedf, 0xf00, 0xf00, 0xf40, 0xf47,
    0xf49, 0xf6c, 0xf88, 0xf8c, 0x1000, 0x102a, 0x103f, 0x103f, 0x1050, 0x1055, 0x105a, 0x105d,
    0x1061, 0x1061, 0x1065, 0x1066, 0x106e, 0x1070, 0x1075, 0x1081, 0x108e, 0x108e, 0x10a0, 0x10c5,
    0x10c7, 0x10c7, 0x10cd, 0x10cd, 0x10d0, 0x10fa, 0x10fc, 0x1248, 0x124a, 0x124d, 0x1250, 0x1256,
    0x1258, 0x1258, 0x125a, 0x125d, 0x1260, 0x1288, 0x128a, 0x128d, 0x1290, 0x12b0, 0x12b2, 0x12b5,
    0x12b8, 0x12be, 0x12c0, 0x12c0, 0x12c2, 0x12c5, 0x12c8, 0x12d6, 0x12d8, 0x1310, 0x1312, 0x1315,
    0x1318, 0x135a, 0x1380, 0x138f, 0x13a0, 0x13f5, 0x13f8, 0x13fd, 0x1401, 0x166c, 0x166f, 0x167f,
    0x1681, 0x169a, 0x16a0, 0x16ea, 0x16f1, 0x16f8, 0x1700, 0x1711, 0x171f, 0x1731, 0x1740, 0x1751,
    0x1760, 0x176c, 0x176e, 0x1770, 0x1780, 0x17b3, 0x17d7, 0x17d7, 0x17dc, 0x17dc, 0x1820, 0x1878,
    0x1880, 0x1884, 0x1887, 0x18a8, 0x18aa, 0x18aa, 0x18b0, 0x18f5, 0x1900, 0x191e, 0x1950, 0x196d,
    0x1970, 0x1974, 0x1980, 0x19ab, 0x19b0, 0x19c9, 0x1a00, 0x1a16, 0x1a20, 0x1a54, 0x1aa7, 0x1aa7,
    0x1b05, 0x1b33, 0x1b45, 0x1b4c, 0x1b83, 0x1ba0, 0x1bae, 0x1baf, 0x1bba, 0x1be5, 0x1c00, 0x1c23,
    0x1c4d, 0x1c4f, 0x1c5a, 0x1c7d, 0x1c80, 0x1c88, 0x1c90, 0x1cba, 0x1cbd, 0x1cbf, 0x1ce9, 0x1cec,
    0x1cee, 0x1cf3, 0x1cf5, 0x1cf6, 0x1cfa, 0x1cfa, 0x1d00, 0x1dbf, 0x1e00, 0x1f15, 0x1f18, 0x1f1d,
    0x1f20, 0x1f45, 0x1f48, 0x1f4d, 0x1f50, 0x1f57, 0x1f59, 0x1f59, 0x1f5b, 0x1f5b, 0x1f5d, 0x1f5d,
    0x1f5f, 0x1f7d, 0x1f80, 0x1fb4, 0x1fb6, 0x1fbc, 0x1fbe, 0x1fbe, 0x1fc2, 0x1fc4, 0x1fc6, 0x1fcc,
    0x1fd0, 0x1fd3, 0x1fd6, 0x1fdb, 0x1fe0, 0x1fec, 0x1ff2, 0x1ff4, 0x1ff6, 0x1ffc, 0x2071, 0x2071,
    0x207f, 0x207f, 0x2090, 0x209c, 0x2102, 0x2102, 0x2107, 0x2107, 0x210a, 0x2113, 0x2115, 0x2115,
    0x2119, 0x211d, 0x2124, 0x2124, 0x2126, 0x2126, 0x2128, 0x2128, 0x212a, 0x212d, 0x212f, 0x2139,
    0x213c, 0x213f, 0x2145, 0x2149, 0x214e, 0x214e, 0x2183, 0x2184, 0x2c00, 0x2ce4, 0x2ceb, 0x2cee,
    0x2cf2, 0x2cf3, 0x2d00, 0x2d25, 0x2d27, 0x2d27, 0x2d2d, 0x2d2d, 0x2d30, 0x2d67, 0x2d6f, 0x2d6f,
    0x2d80, 0x2d96, 0x2da0, 0x2da6, 0x2da8, 0x2dae, 0x2db0, 0x2db6, 0x2db8, 0x2dbe, 0x2dc0, 0x2dc6,
    0x2dc8, 0x2dce, 0x2dd0, 0x2dd6, 0x2dd8, 0x2dde, 0x2e2f, 0x2e2f, 0x3005, 0x3006, 0x3031, 0x3035,
    0x303b, 0x303c, 0x3041, 0x3096, 0x309d, 0x309f, 0x30a1, 0x30fa, 0x30fc, 0x30ff, 0x3105, 0x312f,
    0x3131, 0x318e, 0x31a0, 0x31bf, 0x31f0, 0x31ff, 0x3400, 0x4dbf, 0x4e00, 0xa48c, 0xa4d0, 0xa4fd,
    0xa500, 0xa60c, 0xa610, 0xa61f, 0xa62a, 0xa62b, 0xa640, 0xa66e, 0xa67f, 0xa69d, 0xa6a0, 0xa6e5,
    0xa717, 0xa71f, 0xa722, 0xa788, 0xa78b, 0xa7ca, 0xa7d0, 0xa7d1, 0xa7d3, 0xa7d3, 0xa7d5, 0xa7d9,
    0xa7f2, 0xa801, 0xa803, 0xa805, 0xa807, 0xa80a, 0xa80c, 0xa822, 0xa840, 0xa873, 0xa882, 0xa8b3,
    0xa8f2, 0xa8f7, 0xa8fb, 0xa8fb, 0xa8fd, 0xa8fe, 0xa90a, 0xa925, 0xa930, 0xa946, 0xa960, 0xa97c,
    0xa984, 0xa9b2, 0xa9cf, 0xa9cf, 0xa9e0, 0xa9e4, 0xa9e6, 0xa9ef, 0xa9fa, 0xa9fe, 0xaa00, 0xaa28,
    0xaa40, 0xaa42, 0xaa44, 0xaa4b, 0xaa60, 0xaa76, 0xaa7a, 0xaa7a, 0xaa7e, 0xaaaf, 0xaab1, 0xaab1,
    0xaab5, 0xaab6, 0xaab9, 0xaabd, 0xaac0, 0xaac0, 0xaac2, 0xaac2, 0xaadb, 0xaadd, 0xaae0, 0xaaea,
    0xaaf2, 0xaaf4, 0xab01, 0xab06, 0xab09, 0xab0e, 0xab11, 0xab16, 0xab20, 0xab26, 0xab28, 0xab2e,
    0xab30, 0xab5a, 0xab5c, 0xab69, 0xab70, 0xabe2, 0xac00, 0xd7a3, 0xd7b0, 0xd7c6, 0xd7cb, 0xd7fb,
    0xf900, 0xfa6d, 0xfa70, 0xfad9, 0xfb00, 0xfb06, 0xfb13, 0xfb17, 0xfb1d, 0xfb1d, 0xfb1f, 0xfb28,
    0xfb2a, 0xfb36, 0xfb38, 0xfb3c, 0xfb3e, 0xfb3e, 0xfb40, 0xfb41, 0xfb43, 0xfb44, 0xfb46, 0xfbb1,
    0xfbd3, 0xfd3d, 0xfd50, 0xfd8f, 0xfd92, 0xfdc7, 0xfdf0, 0xfdfb, 0xfe70, 0xfe74, 0xfe76, 0xfefc,
    0xff21, 0xff3a, 0xff41, 0xff5a, 0xff66, 0xffbe, 0xffc2, 0xffc7, 0xffca, 0xffcf, 0xffd2, 0xffd7,
    0xffda, 0xffdc, 0x10000, 0x1000b, 0x1000d, 0x10026, 0x10028, 0x1003a, 0x1003c, 0x1003d,
    0x1003f, 0x1004d, 0x10050, 0x1005d, 0x10080, 0x100fa, 0x10280, 0x1029c, 0x102a0, 0x102d0,
    0x10300, 0x1031f, 0x1032d, 0x10340, 0x10342, 0x10349, 0x10350, 0x10375, 0x10380, 0x1039d,
    0x103a0, 0x103c3, 0x103c8, 0x103cf, 0x10400, 0x1049d, 0x104b0, 0x104d3, 0x104d8, 0x104fb,
    0x10500, 0x10527, 0x10530, 0x10563, 0x10570, 0x1057a, 0x1057c, 0x1058a, 0x1058c, 0x10592,
    0x10594, 0x10595, 0x10597, 0x105a1, 0x105a3, 0x105b1, 0x105b3, 0x105b9, 0x105bb, 0x105bc,
    0x10600, 0x10736, 0x10740, 0x10755, 0x10760, 0x10767, 0x10780, 0x10785, 0x10787, 0x107b0,
    0x107b2, 0x107ba, 0x10800, 0x10805, 0x10808, 0x10808, 0x1080a, 0x10835, 0x10837, 0x10838,
    0x1083c, 0x1083c, 0x1083f, 0x10855, 0x10860, 0x10876, 0x10880, 0x1089e, 0x108e0, 0x108f2,
    0x108f4, 0x108f5, 0x10900, 0x10915, 0x10920, 0x10939, 0x10980, 0x109b7, 0x109be, 0x109bf,
    0x10a00, 0x10a00, 0x10a10, 0x10a13, 0x10a15, 0x10a17, 0x10a19, 0x10a35, 0x10a60, 0x10a7c,
    0x10a80, 0x10a9c, 0x10ac0, 0x10ac7, 0x10ac9, 0x10ae4, 0x10b00, 0x10b35, 0x10b40, 0x10b55,
    0x10b60, 0x10b72, 0x10b80, 0x10b91, 0x10c00, 0x10c48, 0x10c80, 0x10cb2, 0x10cc0, 0x10cf2,
    0x10d00, 0x10d23, 0x10e80, 0x10ea9, 0x10eb0, 0x10eb1, 0x10f00, 0x10f1c, 0x10f27, 0x10f27,
    0x10f30, 0x10f45, 0x10f70, 0x10f81, 0x10fb0, 0x10fc4, 0x10fe0, 0x10ff6, 0x11003, 0x11037,
    0x11071, 0x11072, 0x11075, 0x11075, 0x11083, 0x110af, 0x110d0, 0x110e8, 0x11103, 0x11126,
    0x11144, 0x11144, 0x11147, 0x11147, 0x11150, 0x11172, 0x11176, 0x11176, 0x11183, 0x111b2,
    0x111c1, 0x111c4, 0x111da, 0x111da, 0x111dc, 0x111dc, 0x11200, 0x11211, 0x11213, 0x1122b,
    0x11280, 0x11286, 0x11288, 0x11288, 0x1128a, 0x1128d, 0x1128f, 0x1129d, 0x1129f, 0x112a8,
    0x112b0, 0x112de, 0x11305, 0x1130c, 0x1130f, 0x11310, 0x11313, 0x11328, 0x1132a, 0x11330,
    0x11332, 0x11333, 0x11335, 0x11339, 0x1133d, 0x1133d, 0x11350, 0x11350, 0x1135d, 0x11361,
    0x11400, 0x11434, 0x11447, 0x1144a, 0x1145f, 0x11461, 0x11480, 0x114af, 0x114c4, 0x114c5,
    0x114c7, 0x114c7, 0x11580, 0x115ae, 0x115d8, 0x115db, 0x11600, 0x1162f, 0x11644, 0x11644,
    0x11680, 0x116aa, 0x116b8, 0x116b8, 0x11700, 0x1171a, 0x11740, 0x11746, 0x11800, 0x1182b,
    0x118a0, 0x118df, 0x118ff, 0x11906, 0x11909, 0x11909, 0x1190c, 0x11913, 0x11915, 0x11916,
    0x11918, 0x1192f, 0x1193f, 0x1193f, 0x11941, 0x11941, 0x119a0, 0x119a7, 0x119aa, 0x119d0,
    0x119e1, 0x119e1, 0x119e3, 0x119e3, 0x11a00, 0x11a00, 0x11a0b, 0x11a32, 0x11a3a, 0x11a3a,
    0x11a50, 0x11a50, 0x11a5c, 0x11a89, 0x11a9d, 0x11a9d, 0x11ab0, 0x11af8, 0x11c00, 0x11c08,
    0x11c0a, 0x11c2e, 0x11c40, 0x11c40, 0x11c72, 0x11c8f, 0x11d00, 0x11d06, 0x11d08, 0x11d09,
    0x11d0b, 0x11d30, 0x11d46, 0x11d46, 0x11d60, 0x11d65, 0x11d67, 0x11d68, 0x11d6a, 0x11d89,
    0x11d98, 0x11d98, 0x11ee0, 0x11ef2, 0x11fb0, 0x11fb0, 0x12000, 0x12399, 0x12480, 0x12543,
    0x12f90, 0x12ff0, 0x13000, 0x1342e, 0x14400, 0x14646, 0x16800, 0x16a38, 0x16a40, 0x16a5e,
    0x16a70, 0x16abe, 0x16ad0, 0x16aed, 0x16b00, 0x16b2f, 0x16b40, 0x16b43, 0x16b63, 0x16b77,
    0x16b7d, 0x16b8f, 0x16e40, 0x16e7f, 0x16f00, 0x16f4a, 0x16f50, 0x16f50, 0x16f93, 0x16f9f,
    0x16fe0, 0x16fe1, 0x16fe3, 0x16fe3, 0x17000, 0x187f7, 0x18800, 0x18cd5, 0x18d00, 0x18d08,
    0x1aff0, 0x1aff3, 0x1aff5, 0x1affb, 0x1affd, 0x1affe, 0x1b000, 0x1b122, 0x1b150, 0x1b152,
    0x1b164, 0x1b167, 0x1b170, 0x1b2fb, 0x1bc00, 0x1bc6a, 0x1bc70, 0x1bc7c, 0x1bc80, 0x1bc88,
    0x1bc90, 0x1bc99, 0x1d400, 0x1d454, 0x1d456, 0x1d49c, 0x1d49e, 0x1d49f, 0x1d4a2, 0x1d4a2,
    0x1d4a5, 0x1d4a6, 0x1d4a9, 0x1d4ac, 0x1d4ae, 0x1d4b9, 0x1d4bb, 0x1d4bb, 0x1d4bd, 0x1d4c3,
    0x1d4c5, 0x1d505, 0x1d507, 0x1d50a, 0x1d50d, 0x1d514, 0x1d516, 0x1d51c, 0x1d51e, 0x1d539,
    0x1d53b, 0x1d53e, 0x1d540, 0x1d544, 0x1d546, 0x1d546, 0x1d54a, 0x1d550, 0x1d552, 0x1d6a5,
    0x1d6a8, 0x1d6c0, 0x1d6c2, 0x1d6da, 0x1d6dc, 0x1d6fa, 0x1d6fc, 0x1d714, 0x1d716, 0x1d734,
    0x1d736, 0x1d74e, 0x1d750, 0x1d76e, 0x1d770, 0x1d788, 0x1d78a, 0x1d7a8, 0x1d7aa, 0x1d7c2,
    0x1d7c4, 0x1d7cb, 0x1df00, 0x1df1e, 0x1e100, 0x1e12c, 0x1e137, 0x1e13d, 0x1e14e, 0x1e14e,
    0x1e290, 0x1e2ad, 0x1e2c0, 0x1e2eb, 0x1e7e0, 0x1e7e6, 0x1e7e8, 0x1e7eb, 0x1e7ed, 0x1e7ee,
    0x1e7f0, 0x1e7fe, 0x1e800, 0x1e8c4, 0x1e900, 0x1e943, 0x1e94b, 0x1e94b, 0x1ee00, 0x1ee03,
    0x1ee05, 0x1ee1f, 0x1ee21, 0x1ee22, 0x1ee24, 0x1ee24, 0x1ee27, 0x1ee27, 0x1ee29, 0x1ee32,
    0x1ee34, 0x1ee37, 0x1ee39, 0x1ee39, 0x1ee3b, 0x1ee3b, 0x1ee42, 0x1ee42, 0x1ee47, 0x1ee47,
    0x1ee49, 0x1ee49, 0x1ee4b, 0x1ee4b, 0x1ee4d, 0x1ee4f, 0x1ee51, 0x1ee52, 0x1ee54, 0x1ee54,
    0x1ee57, 0x1ee57, 0x1ee59, 0x1ee59, 0x1ee5b, 0x1ee5b, 0x1ee5d, 0x1ee5d, 0x1ee5f, 0x1ee5f,
    0x1ee61, 0x1ee62, 0x1ee64, 0x1ee64, 0x1ee67, 0x1ee6a, 0x1ee6c, 0x1ee72, 0x1ee74, 0x1ee77,
    0x1ee79, 0x1ee7c, 0x1ee7e, 0x1ee7e, 0x1ee80, 0x1ee89, 0x1ee8b, 0x1ee9b, 0x1eea1, 0x1eea3,
    0x1eea5, 0x1eea9, 0x1eeab, 0x1eebb, 0x20000, 0x2a6df, 0x2a700, 0x2b738, 0x2b740, 0x2b81d,
    0x2b820, 0x2cea1, 0x2ceb0, 0x2ebe0, 0x2f800, 0x2fa1d, 0x30000, 0x3134a,
];

/// Characters whose Unicode titlecase mapping differs from their uppercase one
/// (generated from CPython 3.11's `str.title`), sorted by code point.
const TITLECASE: &[(u32, &str)] = &[
    (0x00DF, "\u{53}\u{73}"),
    (0x01C4, "\u{1C5}"),
    (0x01C5, "\u{1C5}"),
    (0x01C6, "\u{1C5}"),
    (0x01C7, "\u{1C8}"),
    (0x01C8, "\u{1C8}"),
    (0x01C9, "\u{1C8}"),
    (0x01CA, "\u{1CB}"),
    (0x01CB, "\u{1CB}"),
    (0x01CC, "\u{1CB}"),
    (0x01F1, "\u{1F2}"),
    (0x01F2, "\u{1F2}"),
    (0x01F3, "\u{1F2}"),
    (0x0587, "\u{535}\u{582}"),
    (0x10D0, "\u{10D0}"),
    (0x10D1, "\u{10D1}"),
    (0x10D2, "\u{10D2}"),
    (0x10D3, "\u{10D3}"),
    (0x10D4, "\u{10D4}"),
    (0x10D5, "\u{10D5}"),
    (0x10D6, "\u{10D6}"),
    (0x10D7, "\u{10D7}"),
    (0x10D8, "\u{10D8}"),
    (0x10D9, "\u{10D9}"),
    (0x10DA, "\u{10DA}"),
    (0x10DB, "\u{10DB}"),
    (0x10DC, "\u{10DC}"),
    (0x10DD, "\u{10DD}"),
    (0x10DE, "\u{10DE}"),
    (0x10DF, "\u{10DF}"),
    (0x10E0, "\u{10E0}"),
    (0x10E1, "\u{10E1}"),
    (0x10E2, "\u{10E2}"),
    (0x10E3, "\u{10E3}"),
    (0x10E4, "\u{10E4}"),
    (0x10E5, "\u{10E5}"),
    (0x10E6, "\u{10E6}"),
    (0x10E7, "\u{10E7}"),
    (0x10E8, "\u{10E8}"),
    (0x10E9, "\u{10E9}"),
    (0x10EA, "\u{10EA}"),
    (0x10EB, "\u{10EB}"),
    (0x10EC, "\u{10EC}"),
    (0x10ED, "\u{10ED}"),
    (0x10EE, "\u{10EE}"),
    (0x10EF, "\u{10EF}"),
    (0x10F0, "\u{10F0}"),
    (0x10F1, "\u{10F1}"),
    (0x10F2, "\u{10F2}"),
    (0x10F3, "\u{10F3}"),
    (0x10F4, "\u{10F4}"),
    (0x10F5, "\u{10F5}"),
    (0x10F6, "\u{10F6}"),
    (0x10F7, "\u{10F7}"),
    (0x10F8, "\u{10F8}"),
    (0x10F9, "\u{10F9}"),
    (0x10FA, "\u{10FA}"),
    (0x10FD, "\u{10FD}"),
    (0x10FE, "\u{10FE}"),
    (0x10FF, "\u{10FF}"),
    (0x1F80, "\u{1F88}"),
    (0x1F81, "\u{1F89}"),
    (0x1F82, "\u{1F8A}"),
    (0x1F83, "\u{1F8B}"),
    (0x1F84, "\u{1F8C}"),
    (0x1F85, "\u{1F8D}"),
    (0x1F86, "\u{1F8E}"),
    (0x1F87, "\u{1F8F}"),
    (0x1F88, "\u{1F88}"),
    (0x1F89, "\u{1F89}"),
    (0x1F8A, "\u{1F8A}"),
    (0x1F8B, "\u{1F8B}"),
    (0x1F8C, "\u{1F8C}"),
    (0x1F8D, "\u{1F8D}"),
    (0x1F8E, "\u{1F8E}"),
    (0x1F8F, "\u{1F8F}"),
    (0x1F90, "\u{1F98}"),
    (0x1F91, "\u{1F99}"),
    (0x1F92, "\u{1F9A}"),
    (0x1F93, "\u{1F9B}"),
    (0x1F94, "\u{1F9C}"),
    (0x1F95, "\u{1F9D}"),
    (0x1F96, "\u{1F9E}"),
    (0x1F97, "\u{1F9F}"),
    (0x1F98, "\u{1F98}"),
    (0x1F99, "\u{1F99}"),
    (0x1F9A, "\u{1F9A}"),
    (0x1F9B, "\u{1F9B}"),
    (0x1F9C, "\u{1F9C}"),
    (0x1F9D, "\u{1F9D}"),
    (0x1F9E, "\u{1F9E}"),
    (0x1F9F, "\u{1F9F}"),
    (0x1FA0, "\u{1FA8}"),
    (0x1FA1, "\u{1FA9}"),
    (0x1FA2, "\u{1FAA}"),
    (0x1FA3, "\u{1FAB}"),
    (0x1FA4, "\u{1FAC}"),
    (0x1FA5, "\u{1FAD}"),
    (0x1FA6, "\u{1FAE}"),
    (0x1FA7, "\u{1FAF}"),
    (0x1FA8, "\u{1FA8}"),
    (0x1FA9, "\u{1FA9}"),
    (0x1FAA, "\u{1FAA}"),
    (0x1FAB, "\u{1FAB}"),
    (0x1FAC, "\u{1FAC}"),
    (0x1FAD, "\u{1FAD}"),
    (0x1FAE, "\u{1FAE}"),
    (0x1FAF, "\u{1FAF}"),
    (0x1FB2, "\u{1FBA}\u{345}"),
    (0x1FB3, "\u{1FBC}"),
    (0x1FB4, "\u{386}\u{345}"),
    (0x1FB7, "\u{391}\u{342}\u{345}"),
    (0x1FBC, "\u{1FBC}"),
    (0x1FC2, "\u{1FCA}\u{345}"),
    (0x1FC3, "\u{1FCC}"),
    (0x1FC4, "\u{389}\u{345}"),
    (0x1FC7, "\u{397}\u{342}\u{345}"),
    (0x1FCC, "\u{1FCC}"),
    (0x1FF2, "\u{1FFA}\u{345}"),
    (0x1FF3, "\u{1FFC}"),
    (0x1FF4, "\u{38F}\u{345}"),
    (0x1FF7, "\u{3A9}\u{342}\u{345}"),
    (0x1FFC, "\u{1FFC}"),
    (0xFB00, "\u{46}\u{66}"),
    (0xFB01, "\u{46}\u{69}"),
    (0xFB02, "\u{46}\u{6C}"),
    (0xFB03, "\u{46}\u{66}\u{69}"),
    (0xFB04, "\u{46}\u{66}\u{6C}"),
    (0xFB05, "\u{53}\u{74}"),
    (0xFB06, "\u{53}\u{74}"),
    (0xFB13, "\u{544}\u{576}"),
    (0xFB14, "\u{544}\u{565}"),
    (0xFB15, "\u{544}\u{56B}"),
    (0xFB16, "\u{54E}\u{576}"),
    (0xFB17, "\u{544}\u{56D}"),
];

/// Titlecase letters (category Lt): cased, and upper-initial for `istitle`.
const TITLECASE_LETTERS: &[u32] = &[
    0x01C5, 0x01C8, 0x01CB, 0x01F2, 0x1F88, 0x1F89, 0x1F8A, 0x1F8B, 0x1F8C, 0x1F8D, 0x1F8E, 0x1F8F,
    0x1F98, 0x1F99, 0x1F9A, 0x1F9B, 0x1F9C, 0x1F9D, 0x1F9E, 0x1F9F, 0x1FA8, 0x1FA9, 0x1FAA, 0x1FAB,
    0x1FAC, 0x1FAD, 0x1FAE, 0x1FAF, 0x1FBC, 0x1FCC, 0x1FFC,
];
