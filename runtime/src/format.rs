//! `str()`, `repr()`, `ascii()`, `format()` and printf-style `%` formatting
//! of values, with CPython 3.11's output and error messages.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

use crate::error::PyResult;
use crate::object::{Iter, Object};
use crate::value::Value;
use crate::Interpreter;

use pyrite_compiler::repr::{bytes_repr, complex_repr, float_repr, str_repr};

thread_local! {
    /// Containers whose repr is being built, innermost last: a container met
    /// again prints as `[...]`/`{...}` instead of recursing forever
    /// (CPython's `Py_ReprEnter`).
    static REPR_ACTIVE: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// CPython's `Py_ReprEnter`: false when `o`'s repr is already being
/// built (the caller then prints a placeholder); otherwise marks it, and
/// the caller must call [`repr_leave`] when done.
pub fn repr_enter(o: &Rc<Object>) -> bool {
    let key = Rc::as_ptr(o) as *const u8 as usize;
    REPR_ACTIVE.with(|a| {
        let mut a = a.borrow_mut();
        if a.contains(&key) {
            return false;
        }
        a.push(key);
        true
    })
}

/// The end of a repr begun by [`repr_enter`].
pub fn repr_leave(o: &Rc<Object>) {
    let key = Rc::as_ptr(o) as *const u8 as usize;
    REPR_ACTIVE.with(|a| a.borrow_mut().retain(|&k| k != key));
}

/// A stable fake address for `<... at 0x...>` reprs.
pub fn address(o: &Rc<Object>) -> String {
    format!("0x{:x}", Rc::as_ptr(o) as *const u8 as usize)
}

/// `repr(v)`.
pub fn repr(interp: &mut Interpreter, v: &Value) -> PyResult<String> {
    Ok(match v {
        Value::Null | Value::None => "None".into(),
        Value::Bool(b) => if b.get() { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => float_repr(f.get()),
        Value::Obj(o) => match &**o {
            Object::Str(s) => str_repr(s.as_str()),
            Object::BigInt(i) => crate::num::int_to_decimal_string(interp, i)?,
            Object::Exception(_) => crate::builtins::errors::exception_repr(interp, v)?,
            _ if crate::class::is_instance(v) => match crate::class::instance_repr(interp, v) {
                Some(r) => r?,
                None => String::new(),
            },
            Object::Complex(re, im) => complex_repr(*re, *im),
            Object::Bytes(b) => bytes_repr(b),
            Object::ByteArray(b) => format!("bytearray({})", bytes_repr(&b.borrow())),
            Object::Tuple(_)
            | Object::List(_)
            | Object::Dict(_)
            | Object::Set(_)
            | Object::FrozenSet(_) => container_repr(interp, o)?,
            Object::DictView(..) => crate::methods::dict::view_repr(interp, v)?,
            Object::Range(r) if r.step == 1 => format!("range({}, {})", r.start, r.stop),
            Object::Range(r) => format!("range({}, {}, {})", r.start, r.stop, r.step),
            Object::BigRange(r) => r.repr(),
            Object::Slice(a, b, c) => format!(
                "slice({}, {}, {})",
                repr(interp, a)?,
                repr(interp, b)?,
                repr(interp, c)?
            ),
            Object::Method { func, this } => method_repr(interp, func, this)?,
            Object::GenericAlias { origin, args } => crate::alias::repr(interp, origin, args)?,
            _ => other_repr(interp, o),
        },
    })
}

/// `<bound method C.f of <C object at ...>>`, or for a built-in function
/// bound to an object `<built-in method f of C object at ...>`.
fn method_repr(interp: &mut Interpreter, func: &Value, this: &Value) -> PyResult<String> {
    match func.as_object() {
        Some(Object::Builtin(b)) => {
            let at = match this {
                Value::Obj(o) => address(o),
                _ => "0x0".to_string(),
            };
            Ok(format!(
                "<built-in method {} of {} object at {at}>",
                b.name,
                interp.type_name(this)
            ))
        }
        _ => {
            let name = match interp.get_attr(func, &Value::str("__qualname__")) {
                Ok(q) => str_value(&q),
                Err(_) => "?".to_string(),
            };
            Ok(format!("<bound method {name} of {}>", repr(interp, this)?))
        }
    }
}

/// `<module 'os' (frozen)>`, `<module 'pkg' from '/path/pkg/__init__.py'>`.
fn module_repr(m: &crate::object::Module) -> String {
    let file = crate::eval::dict_get_str(&m.dict, "__file__");
    match file.as_ref().and_then(|f| f.as_object()) {
        Some(Object::Str(f)) if f.as_str().starts_with("<frozen ") => {
            format!("<module '{}' (frozen)>", m.name)
        }
        Some(Object::Str(f)) => format!("<module '{}' from '{}'>", m.name, f.as_str()),
        _ if crate::eval::dict_get_str(&m.dict, "__path__").is_some() => {
            format!("<module '{}' (namespace)>", m.name)
        }
        _ => format!("<module '{}' (built-in)>", m.name),
    }
}

/// The `<...>` reprs of functions, types, modules, iterators and the like.
fn other_repr(interp: &Interpreter, o: &Rc<Object>) -> String {
    let at = address(o);
    match &**o {
        Object::MemoryView(m) => crate::methods::memoryview::repr(m, &at),
        Object::WeakRef(w) => crate::modules::weakref::repr(interp, w, &at),
        Object::Function(f) => format!("<function {} at {at}>", str_value(&f.qualname.borrow())),
        Object::Builtin(b) => match &b.bound {
            Some(v) if !matches!(v.as_object(), Some(Object::Module(_))) => {
                let owner_at = match v {
                    Value::Obj(o) => address(o),
                    _ => at,
                };
                format!(
                    "<built-in method {} of {} object at {owner_at}>",
                    b.name,
                    interp.type_name(v)
                )
            }
            _ => format!("<built-in function {}>", b.name),
        },
        Object::Member(m) => {
            let what = match m.kind {
                crate::object::MemberKind::Slot(_) => "member",
                _ => "attribute",
            };
            format!("<{what} '{}' of '{}' objects>", m.name, m.owner_name)
        }
        Object::MethodDescriptor(d) => {
            let what = if d.is_slot_wrapper() {
                "slot wrapper"
            } else {
                "method"
            };
            format!("<{what} '{}' of '{}' objects>", d.name, d.owner)
        }
        Object::Type(t) => crate::class::class_repr(t),
        Object::Module(m) => module_repr(m),
        Object::Code(c) => format!(
            "<code object {} at {at}, file \"{}\", line {}>",
            c.co.name, c.co.filename, c.co.firstlineno
        ),
        Object::Cell(c) => match &*c.borrow() {
            Some(Value::Obj(inner)) => format!(
                "<cell at {at}: {} object at {}>",
                interp.type_name(&Value::Obj(inner.clone())),
                address(inner)
            ),
            Some(v) => format!("<cell at {at}: {} object at {at}>", interp.type_name(v)),
            None => format!("<cell at {at}: empty>"),
        },
        Object::Iter(it) => format!("<{} object at {at}>", iter_name(&it.borrow())),
        Object::Generator(g) => format!(
            "<{} object {} at {at}>",
            interp.type_name(&Value::Obj(o.clone())),
            str_value(&g.qualname.borrow())
        ),
        Object::Frame(_) => interp.frame_repr(o),
        Object::Traceback(_) => format!("<traceback object at {at}>"),
        // CPython's super_repr: the types' short names (tp_name).
        Object::Super { cls, obj } => {
            let obj_type = match obj.as_object() {
                Some(Object::Type(t)) if t.is_subtype(cls) => t.name.to_string(),
                _ => interp.type_name(obj).to_string(),
            };
            format!("<super: <class '{}'>, <{obj_type} object>>", cls.name)
        }
        Object::NotImplemented => "NotImplemented".into(),
        Object::Ellipsis => "Ellipsis".into(),
        _ => format!(
            "<{} object at {at}>",
            interp.type_name(&Value::Obj(o.clone()))
        ),
    }
}

/// CPython's type name for an iterator (see `Iter::type_name`).
pub fn iter_name(it: &Iter) -> &'static str {
    it.type_name()
}

/// repr of tuple, list, dict, set and frozenset, guarding against cycles
/// and against nesting deeper than the recursion limit.
fn container_repr(interp: &mut Interpreter, o: &Rc<Object>) -> PyResult<String> {
    if !repr_enter(o) {
        return Ok(match &**o {
            Object::List(_) => "[...]",
            Object::Tuple(_) => "(...)",
            Object::Set(_) => "set(...)",
            Object::FrozenSet(_) => "frozenset(...)",
            _ => "{...}",
        }
        .into());
    }
    let r = interp.nested(" while getting the repr of an object", |interp| {
        container_repr_inner(interp, o)
    });
    repr_leave(o);
    r
}

fn container_repr_inner(interp: &mut Interpreter, o: &Rc<Object>) -> PyResult<String> {
    let join = |interp: &mut Interpreter, items: &[Value]| -> PyResult<String> {
        let mut out = String::new();
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&repr(interp, x)?);
        }
        Ok(out)
    };
    if let Object::Tuple(t) = &**o {
        if let Some((fields, name)) = crate::protocol::struct_seq_info(o) {
            let mut out = format!("{name}(");
            for (i, (f, x)) in fields.iter().zip(t.iter()).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&format!("{f}={}", repr(interp, x)?));
            }
            out.push(')');
            return Ok(out);
        }
    }
    Ok(match &**o {
        Object::Tuple(t) if t.len() == 1 => format!("({},)", repr(interp, &t[0])?),
        Object::Tuple(t) => format!("({})", join(interp, t)?),
        Object::List(l) => {
            // As in CPython, the list is read again for each item: an
            // item's __repr__ that changes it shows in the result.
            let mut out = String::from("[");
            let mut i = 0;
            loop {
                // Its own statement: the borrow ends before the item's
                // __repr__ runs.
                let item = l.borrow().get(i).cloned();
                let Some(x) = item else {
                    break;
                };
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&repr(interp, &x)?);
                i += 1;
            }
            out.push(']');
            out
        }
        Object::Dict(d) => {
            let pairs: Vec<(Value, Value)> = d
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let mut out = String::from("{");
            for (i, (k, v)) in pairs.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&repr(interp, k)?);
                out.push_str(": ");
                out.push_str(&repr(interp, v)?);
            }
            out.push('}');
            out
        }
        Object::Set(d) => {
            // CPython's hash-table order, as iteration uses.
            let keys = crate::methods::set::ordered_items(&d.borrow());
            if keys.is_empty() {
                "set()".into()
            } else {
                format!("{{{}}}", join(interp, &keys)?)
            }
        }
        Object::FrozenSet(d) => {
            let keys = crate::methods::set::ordered_items(d);
            if keys.is_empty() {
                "frozenset()".into()
            } else {
                format!("frozenset({{{}}})", join(interp, &keys)?)
            }
        }
        _ => String::new(),
    })
}

/// `str(v)`.
pub fn str_of(interp: &mut Interpreter, v: &Value) -> PyResult<String> {
    match v.as_object() {
        Some(Object::Str(s)) => Ok(s.as_str().to_string()),
        Some(Object::Exception(_)) => exception_str(interp, v),
        _ if crate::class::is_instance(v) => match crate::class::instance_str(interp, v) {
            Some(r) => r,
            None => repr(interp, v),
        },
        _ => repr(interp, v),
    }
}

/// `str(exc)`; see `builtins::errors::exception_str`.
pub fn exception_str(interp: &mut Interpreter, exc: &Value) -> PyResult<String> {
    crate::builtins::errors::exception_str(interp, exc)
}

/// UnicodeEncodeError/UnicodeDecodeError made with the five arguments
/// (encoding, object, start, end, reason).
pub(crate) fn unicode_error_str(name: &str, items: &[Value]) -> Option<String> {
    let [enc, obj, Value::Int(start), Value::Int(end), reason] = items else {
        return None;
    };
    let (enc, reason) = (str_value(enc), str_value(reason));
    let (start, end) = (*start as usize, *end as usize);
    match (name, obj.as_object()?) {
        ("UnicodeEncodeError", Object::Str(s)) => {
            let c = s.as_str().chars().nth(start)?;
            Some(if end == start + 1 {
                let cp = c as u32;
                let esc = if cp <= 0xff {
                    format!("\\x{cp:02x}")
                } else if cp <= 0xffff {
                    format!("\\u{cp:04x}")
                } else {
                    format!("\\U{cp:08x}")
                };
                format!(
                    "'{enc}' codec can't encode character '{esc}' in position {start}: {reason}"
                )
            } else {
                format!(
                    "'{enc}' codec can't encode characters in position {start}-{}: {reason}",
                    end.saturating_sub(1)
                )
            })
        }
        ("UnicodeDecodeError", Object::Bytes(b)) => {
            let byte = b.get(start)?;
            Some(if end == start + 1 {
                format!(
                    "'{enc}' codec can't decode byte 0x{byte:02x} in position {start}: {reason}"
                )
            } else {
                format!(
                    "'{enc}' codec can't decode bytes in position {start}-{}: {reason}",
                    end.saturating_sub(1)
                )
            })
        }
        _ => None,
    }
}

/// `ascii(v)`: the repr with every non-ASCII character escaped.
pub fn ascii(interp: &mut Interpreter, v: &Value) -> PyResult<String> {
    Ok(ascii_escape(&repr(interp, v)?))
}

pub fn ascii_escape(r: &str) -> String {
    if r.is_ascii() {
        return r.to_string();
    }
    let mut out = String::with_capacity(r.len() + 8);
    for c in r.chars() {
        let cp = c as u32;
        if c.is_ascii() {
            out.push(c);
        } else if cp < 0x100 {
            out.push_str(&format!("\\x{cp:02x}"));
        } else if cp < 0x10000 {
            out.push_str(&format!("\\u{cp:04x}"));
        } else {
            out.push_str(&format!("\\U{cp:08x}"));
        }
    }
    out
}

/// The text of a str value (empty for anything else); for names.
pub fn str_value(v: &Value) -> String {
    match v.as_object() {
        Some(Object::Str(s)) => s.as_str().to_string(),
        _ => String::new(),
    }
}

// ---------------------------------------------------------------------------
// format(value, spec): the format-spec mini-language
// ---------------------------------------------------------------------------

/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug)]
pub struct Spec {
    pub fill: char,
    pub align: char,
    pub sign: Option<char>,
    pub no_neg_0: bool,
    pub alt: bool,
    pub width: usize,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// '\0' when omitted (the default type of the value's kind).
    pub ty: char,
}

/// `format(v, spec)`.
pub fn format(interp: &mut Interpreter, v: &Value, spec: &str) -> PyResult<String> {
    if crate::class::is_instance(v) {
        if let Some(r) = crate::class::instance_format(interp, v, spec) {
            return r;
        }
    }
    match v {
        Value::Bool(_) if spec.is_empty() => str_of(interp, v),
        Value::Int(_) | Value::Bool(_) => format_int(interp, v, spec),
        Value::Float(f) => format_float(interp, f.get(), spec),
        Value::Obj(o) => match &**o {
            Object::BigInt(_) => format_int(interp, v, spec),
            Object::Str(s) => format_str(interp, s.as_str(), spec),
            _ if spec.is_empty() => str_of(interp, v),
            Object::Instance(i) if i.base.is_some() => {
                let b = i.base.clone().unwrap_or(Value::None);
                format(interp, &b, spec)
            }
            _ => Err(interp.type_error(format!(
                "unsupported format string passed to {}.__format__",
                interp.type_name(v)
            ))),
        },
        _ if spec.is_empty() => str_of(interp, v),
        _ => Err(interp.type_error(format!(
            "unsupported format string passed to {}.__format__",
            interp.type_name(v)
        ))),
    }
}

/// Parse a decimal integer at `chars[*pos..]`; None if there are no digits.
fn spec_integer(interp: &Interpreter, chars: &[char], pos: &mut usize) -> PyResult<Option<usize>> {
    let mut n: Option<usize> = None;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        n = Some(
            n.unwrap_or(0)
                .checked_mul(10)
                .and_then(|n| n.checked_add(d as usize))
                .filter(|&n| n <= isize::MAX as usize)
                .ok_or_else(|| interp.value_error("Too many decimal digits in format string"))?,
        );
        *pos += 1;
    }
    Ok(n)
}

/// CPython's `parse_internal_render_format_spec`.
pub fn parse_spec(
    interp: &Interpreter,
    spec: &str,
    type_name: &str,
    default_align: char,
) -> PyResult<Spec> {
    let c: Vec<char> = spec.chars().collect();
    let is_align = |ch: Option<&char>| matches!(ch, Some('<' | '>' | '=' | '^'));
    let mut s = Spec {
        fill: ' ',
        align: default_align,
        sign: None,
        no_neg_0: false,
        alt: false,
        width: 0,
        grouping: None,
        precision: None,
        ty: '\0',
    };
    let mut pos = 0;
    let (mut fill_given, mut align_given) = (false, false);
    if c.len() >= 2 && is_align(c.get(1)) {
        (s.fill, s.align, pos) = (c[0], c[1], 2);
        (fill_given, align_given) = (true, true);
    } else if is_align(c.first()) {
        (s.align, pos, align_given) = (c[0], 1, true);
    }
    if let Some(&ch @ ('+' | '-' | ' ')) = c.get(pos) {
        s.sign = Some(ch);
        pos += 1;
    }
    if c.get(pos) == Some(&'z') {
        s.no_neg_0 = true;
        pos += 1;
    }
    if c.get(pos) == Some(&'#') {
        s.alt = true;
        pos += 1;
    }
    if !fill_given && c.get(pos) == Some(&'0') {
        s.fill = '0';
        if !align_given && default_align == '>' {
            s.align = '=';
        }
        pos += 1;
    }
    s.width = spec_integer(interp, &c, &mut pos)?.unwrap_or(0);
    interp.check_room(s.width)?;
    if c.get(pos) == Some(&',') {
        s.grouping = Some(',');
        pos += 1;
    }
    if c.get(pos) == Some(&'_') {
        if s.grouping.is_some() {
            return Err(interp.value_error("Cannot specify both ',' and '_'."));
        }
        s.grouping = Some('_');
        pos += 1;
    }
    if c.get(pos) == Some(&',') && s.grouping == Some('_') {
        return Err(interp.value_error("Cannot specify both ',' and '_'."));
    }
    if c.get(pos) == Some(&'.') {
        pos += 1;
        s.precision = spec_integer(interp, &c, &mut pos)?;
        match s.precision {
            None => return Err(interp.value_error("Format specifier missing precision")),
            Some(p) if p > i32::MAX as usize => return Err(interp.value_error("precision too big")),
            Some(p) => interp.check_room(p)?,
        }
    }
    match c.len() - pos.min(c.len()) {
        0 => {}
        1 => s.ty = c[pos],
        _ => {
            return Err(interp.value_error(format!(
                "Invalid format specifier '{spec}' for object of type '{type_name}'"
            )))
        }
    }
    if let Some(g) = s.grouping {
        // str's default type is 's', which takes no grouping.
        let ty = if type_name == "str" && s.ty == '\0' {
            's'
        } else {
            s.ty
        };
        let ok = match ty {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => true,
            'b' | 'o' | 'x' | 'X' => g == '_',
            _ => false,
        };
        if !ok {
            return Err(interp.value_error(format!("Cannot specify '{g}' with '{ty}'.")));
        }
    }
    Ok(s)
}

fn unknown_code(interp: &Interpreter, ty: char, type_name: &str) -> crate::error::PyErr {
    let code = if (' '..='~').contains(&ty) && ty != ' ' {
        ty.to_string()
    } else {
        format!("\\x{:x}", ty as u32)
    };
    interp.value_error(format!(
        "Unknown format code '{code}' for object of type '{type_name}'"
    ))
}

/// Pad `body` (already complete) to the spec's width with its fill/align.
fn pad(body: &str, width: usize, fill: char, align: char) -> String {
    let len = body.chars().count();
    if len >= width {
        return body.to_string();
    }
    let n = width - len;
    let (left, right) = match align {
        '<' => (0, n),
        '^' => (n / 2, n - n / 2),
        _ => (n, 0),
    };
    let mut out = String::with_capacity(body.len() + n * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(body);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// Insert `sep` every `interval` digits from the right, padding with
/// zeros up to `min_width` characters (CPython's
/// `_PyUnicode_InsertThousandsGrouping`).
fn group_digits(digits: &str, sep: char, interval: usize, min_width: usize) -> String {
    let d = digits.as_bytes();
    let mut remaining = d.len() as isize;
    let mut min_width = min_width as isize;
    let mut groups: Vec<String> = Vec::new();
    let mut end = d.len();
    loop {
        let len = (interval as isize).min(remaining.max(min_width).max(1));
        let zeros = (len - remaining).max(0) as usize;
        let take = remaining.min(len).max(0) as usize;
        let mut g = "0".repeat(zeros);
        g.push_str(&digits[end - take..end]);
        groups.push(g);
        end -= take;
        min_width -= len;
        remaining -= take as isize;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    groups.reverse();
    groups.join(&sep.to_string())
}

/// Lay out a number: `sign`, `prefix` (0x...), the integer digits `int`
/// (grouped as the spec says) and the rest (`.5e+10`, `%`), padded.
fn layout_number(spec: &Spec, sign: &str, prefix: &str, int: &str, rest: &str) -> String {
    let interval = if matches!(spec.ty, 'b' | 'o' | 'x' | 'X') {
        4
    } else {
        3
    };
    let zero_pad = spec.fill == '0' && spec.align == '=';
    let digits = match spec.grouping {
        Some(g) => {
            let fixed = sign.chars().count() + prefix.len() + rest.chars().count();
            let min = if zero_pad {
                spec.width.saturating_sub(fixed)
            } else {
                0
            };
            group_digits(int, g, interval, min)
        }
        None => int.to_string(),
    };
    let body_len = sign.chars().count() + prefix.len() + digits.len() + rest.chars().count();
    if spec.align == '=' {
        let n = spec.width.saturating_sub(body_len);
        let fill: String = std::iter::repeat_n(spec.fill, n).collect();
        return format!("{sign}{prefix}{fill}{digits}{rest}");
    }
    pad(
        &format!("{sign}{prefix}{digits}{rest}"),
        spec.width,
        spec.fill,
        spec.align,
    )
}

fn sign_str(negative: bool, sign: Option<char>) -> &'static str {
    match (negative, sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

/// An int-like value (int, bool, big int) as a BigInt.
pub fn as_bigint(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(b.get() as i64)),
        Value::Obj(o) => match &**o {
            Object::BigInt(i) => Some(i.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// An int-like value converted to float, with CPython's OverflowError.
fn int_to_f64(interp: &Interpreter, i: &BigInt) -> PyResult<f64> {
    match i.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(interp.err("OverflowError", "int too large to convert to float")),
    }
}

fn format_int(interp: &mut Interpreter, v: &Value, spec_text: &str) -> PyResult<String> {
    // Inline ints skip the big-int conversion.
    let small = match v {
        Value::Int(n) => Some(*n),
        Value::Bool(b) => Some(b.get() as i64),
        _ => None,
    };
    if spec_text.is_empty() {
        if let Some(n) = small {
            return Ok(n.to_string());
        }
    }
    let big = || as_bigint(v).unwrap_or_default();
    if spec_text.is_empty() {
        return Ok(big().to_string());
    }
    let spec = parse_spec(interp, spec_text, "int", '>')?;
    if matches!(spec.ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        let f = int_to_f64(interp, &big())?;
        return format_float_spec(interp, f, &spec, "int");
    }
    if !matches!(spec.ty, 'd' | 'n' | '\0' | 'b' | 'o' | 'x' | 'X' | 'c') {
        return Err(unknown_code(interp, spec.ty, "int"));
    }
    if spec.precision.is_some() {
        return Err(interp.value_error("Precision not allowed in integer format specifier"));
    }
    if spec.no_neg_0 {
        return Err(interp
            .value_error("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    let (radix, prefix) = match spec.ty {
        'd' | 'n' | '\0' => (10, ""),
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => return format_int_char(interp, &big(), &spec),
    };
    let mut digits = match small.map(i64::unsigned_abs) {
        Some(n) => match radix {
            2 => format!("{n:b}"),
            8 => format!("{n:o}"),
            16 => format!("{n:x}"),
            _ => n.to_string(),
        },
        None => big().abs().to_str_radix(radix),
    };
    if spec.ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let prefix = if spec.alt { prefix } else { "" };
    let negative = match small {
        Some(n) => n < 0,
        None => big().sign() == Sign::Minus,
    };
    let sign = sign_str(negative, spec.sign);
    Ok(layout_number(&spec, sign, prefix, &digits, ""))
}

fn format_int_char(interp: &Interpreter, i: &BigInt, spec: &Spec) -> PyResult<String> {
    if spec.sign.is_some() {
        return Err(interp.value_error("Sign not allowed with integer format specifier 'c'"));
    }
    if spec.alt {
        return Err(
            interp.value_error("Alternate form (#) not allowed with integer format specifier 'c'")
        );
    }
    let c = i
        .to_u32()
        .and_then(char::from_u32)
        .ok_or_else(|| interp.err("OverflowError", "%c arg not in range(0x110000)"))?;
    Ok(pad(&c.to_string(), spec.width, spec.fill, spec.align))
}

fn format_float(interp: &mut Interpreter, f: f64, spec_text: &str) -> PyResult<String> {
    if spec_text.is_empty() {
        return Ok(float_repr(f));
    }
    let spec = parse_spec(interp, spec_text, "float", '>')?;
    format_float_spec(interp, f, &spec, "float")
}

fn format_float_spec(interp: &Interpreter, f: f64, spec: &Spec, tname: &str) -> PyResult<String> {
    if !matches!(
        spec.ty,
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' | '\0'
    ) {
        return Err(unknown_code(interp, spec.ty, tname));
    }
    let mut body = float_body(f.abs(), spec.ty, spec.precision, spec.alt);
    let mut negative = f.is_sign_negative() && !f.is_nan();
    if negative && spec.no_neg_0 && body.bytes().all(|b| !b.is_ascii_digit() || b == b'0') {
        negative = false;
    }
    if spec.ty == '%' {
        body.push('%');
    }
    let split = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    // inf and nan are not digits: they take no grouping
    let (int, rest) = if f.is_finite() {
        body.split_at(split)
    } else {
        ("", body.as_str())
    };
    let sign = sign_str(negative, spec.sign);
    Ok(layout_number(spec, sign, "", int, rest))
}

/// The digits of a non-negative float `x` in presentation type `ty`
/// ('\0' is the default: repr without a precision, else 'g' that keeps
/// one digit after the point), as CPython's `PyOS_double_to_string`.
pub fn float_body(x: f64, ty: char, precision: Option<usize>, alt: bool) -> String {
    let upper = matches!(ty, 'E' | 'F' | 'G');
    if !x.is_finite() {
        let s = if x.is_nan() { "nan" } else { "inf" };
        return if upper { s.to_uppercase() } else { s.into() };
    }
    let body = match ty {
        '\0' if precision.is_none() => {
            let r = float_repr(x);
            return if alt && !r.contains('.') && !r.contains('e') {
                r + "."
            } else {
                r
            };
        }
        'e' | 'E' => exp_notation(x, precision.unwrap_or(6), alt),
        'f' | 'F' => fixed(x, precision.unwrap_or(6), alt),
        '%' => fixed(x * 100.0, precision.unwrap_or(6), alt),
        _ => general(x, precision.unwrap_or(6), alt, ty == '\0'),
    };
    if upper {
        body.to_uppercase()
    } else {
        body
    }
}

fn fixed(x: f64, p: usize, alt: bool) -> String {
    let mut s = format!("{x:.p$}");
    if alt && p == 0 {
        s.push('.');
    }
    s
}

/// `d.ddde+XX`: Rust writes `1.5e2`; CPython wants a signed exponent of
/// at least two digits.
fn exp_notation(x: f64, p: usize, alt: bool) -> String {
    let s = format!("{x:.p$e}");
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let dot = if alt && p == 0 { "." } else { "" };
    let es = if e < 0 { '-' } else { '+' };
    format!("{m}{dot}e{es}{:02}", e.abs())
}

/// 'g': scientific when the exponent is < -4 or >= precision, else
/// fixed; trailing zeros go unless `alt`. `dot0` (the default type with a
/// precision) keeps a `.0` on integral fixed results.
fn general(x: f64, p: usize, alt: bool, dot0: bool) -> String {
    let p = p.max(1);
    let e = if x == 0.0 {
        0
    } else {
        let s = format!("{x:.prec$e}", prec = p - 1);
        s.split_once('e')
            .and_then(|(_, e)| e.parse::<i32>().ok())
            .unwrap_or(0)
    };
    // With `dot0` CPython switches to exponent notation one digit
    // earlier (format_float_short: `decpt > precision - 1`).
    let limit = if dot0 { p as i32 - 1 } else { p as i32 };
    let (mut s, sci) = if e < -4 || e >= limit {
        (exp_notation(x, p - 1, alt), true)
    } else {
        (fixed(x, (p as i32 - 1 - e).max(0) as usize, alt), false)
    };
    if !alt {
        s = strip_zeros(&s);
    }
    if dot0 && !sci && !s.contains('.') {
        s.push_str(".0");
    }
    s
}

/// Drop trailing zeros of the fraction (and a bare point), keeping any
/// exponent.
fn strip_zeros(s: &str) -> String {
    let (m, e) = match s.find('e') {
        Some(i) => s.split_at(i),
        None => (s, ""),
    };
    if !m.contains('.') {
        return s.to_string();
    }
    let m = m.trim_end_matches('0').trim_end_matches('.');
    format!("{m}{e}")
}

fn format_str(interp: &mut Interpreter, s: &str, spec_text: &str) -> PyResult<String> {
    if spec_text.is_empty() {
        return Ok(s.to_string());
    }
    let spec = parse_spec(interp, spec_text, "str", '<')?;
    if !matches!(spec.ty, 's' | '\0') {
        return Err(unknown_code(interp, spec.ty, "str"));
    }
    if spec.sign.is_some() {
        return Err(interp.value_error("Sign not allowed in string format specifier"));
    }
    if spec.no_neg_0 {
        return Err(
            interp.value_error("Negative zero coercion (z) not allowed in string format specifier")
        );
    }
    if spec.alt {
        return Err(interp.value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if spec.align == '=' {
        return Err(interp.value_error("'=' alignment not allowed in string format specifier"));
    }
    let text = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((b, _)) => &s[..b],
            None => s,
        },
        None => s,
    };
    Ok(pad(text, spec.width, spec.fill, spec.align))
}

// ---------------------------------------------------------------------------
// printf-style formatting: str % args
// ---------------------------------------------------------------------------

/// The arguments of `fmt % args`: a tuple gives several, anything else
/// one; a mapping (not tuple or str) also serves `%(key)s`.
struct PercentArgs<'a> {
    items: Vec<Value>,
    next: usize,
    /// Whether `args` was a single non-tuple value.
    single: bool,
    mapping: Option<&'a Value>,
}

impl PercentArgs<'_> {
    fn next(&mut self, interp: &Interpreter) -> PyResult<Value> {
        let v = self.items.get(self.next).cloned();
        self.next += 1;
        v.ok_or_else(|| interp.type_error("not enough arguments for format string"))
    }
}

/// Flags, width and precision of one `%` conversion.
#[derive(Default, Clone, Copy)]
struct Conv {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
    width: usize,
    precision: Option<usize>,
}

/// printf-style formatting (`fmt % args`), as CPython's `PyUnicode_Format`.
pub fn percent_format(interp: &mut Interpreter, fmt: &str, args: &Value) -> PyResult<String> {
    percent_format_impl(interp, fmt, args, false)
}

/// `bytes % args`: the str engine run over the format's bytes as Latin-1
/// characters, with bytes's own %s/%b/%r/%a/%c (see `bytes_conversion`).
pub fn percent_format_bytes(
    interp: &mut Interpreter,
    fmt: &[u8],
    args: &Value,
) -> PyResult<Vec<u8>> {
    let fmt: String = fmt.iter().map(|&b| b as char).collect();
    let out = percent_format_impl(interp, &fmt, args, true)?;
    // Every character is a Latin-1 byte: the format's own bytes, bytes-like
    // arguments, and ASCII from numbers and ascii().
    Ok(out.chars().map(|c| c as u32 as u8).collect())
}

fn percent_format_impl(
    interp: &mut Interpreter,
    fmt: &str,
    args: &Value,
    bytes: bool,
) -> PyResult<String> {
    let is_mapping = matches!(
        args.as_object(),
        Some(Object::Dict(_) | Object::List(_) | Object::Bytes(_) | Object::ByteArray(_))
    );
    let mut pa = match args.as_object() {
        Some(Object::Tuple(t)) => PercentArgs {
            items: t.to_vec(),
            next: 0,
            single: false,
            mapping: None,
        },
        _ => PercentArgs {
            items: vec![args.clone()],
            next: 0,
            single: true,
            mapping: is_mapping.then_some(args),
        },
    };
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut i = 0;
    let mut used_mapping = false;
    while i < chars.len() {
        if chars[i] != '%' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        if chars.get(i) == Some(&'(') {
            let (key, after) = mapping_key(interp, &chars, i)?;
            i = after;
            let Some(m) = pa.mapping else {
                return Err(interp.type_error("format requires a mapping"));
            };
            let key = if bytes {
                let raw: Vec<u8> = key.chars().map(|c| c as u32 as u8).collect();
                Value::obj(Object::Bytes(raw.into_boxed_slice()))
            } else {
                Value::str(&key)
            };
            // As in CPython, the value found replaces the arguments: the
            // conversion (or a `*` before it) takes it, and a later
            // positional conversion finds none left.
            pa.items = vec![lookup_key(interp, m, key)?];
            pa.next = 0;
            used_mapping = true;
        }
        let mut conv = Conv::default();
        while let Some(&c) = chars.get(i) {
            match c {
                '-' => conv.left = true,
                '+' => conv.plus = true,
                ' ' => conv.space = true,
                '#' => conv.alt = true,
                '0' => conv.zero = true,
                _ => break,
            }
            i += 1;
        }
        if chars.get(i) == Some(&'*') {
            let w = star_arg(interp, &mut pa)?;
            if w < 0 {
                conv.left = true;
            }
            conv.width = w.unsigned_abs() as usize;
            i += 1;
        } else {
            conv.width = percent_int(interp, &chars, &mut i, "width too big")?.unwrap_or(0);
        }
        interp.check_room(conv.width)?;
        if chars.get(i) == Some(&'.') {
            i += 1;
            if chars.get(i) == Some(&'*') {
                let p = star_arg(interp, &mut pa)?;
                if p > i64::from(i32::MAX) {
                    return Err(crate::num::overflow(
                        interp,
                        "Python int too large to convert to C int",
                    ));
                }
                conv.precision = Some(p.max(0) as usize);
                i += 1;
            } else {
                conv.precision =
                    Some(percent_int(interp, &chars, &mut i, "precision too big")?.unwrap_or(0));
            }
        }
        let Some(&c) = chars.get(i) else {
            return Err(interp.value_error("incomplete format"));
        };
        i += 1;
        if c == '%' {
            out.push('%');
            continue;
        }
        let arg = pa.next(interp)?;
        let text = match bytes {
            true if matches!(c, 's' | 'b' | 'r' | 'a' | 'c') => {
                let text = bytes_conversion(interp, c, &arg, &conv)?;
                pad(&text, conv.width, ' ', if conv.left { '<' } else { '>' })
            }
            _ => convert_one(interp, c, &arg, &conv, i - 1)?,
        };
        out.push_str(&text);
    }
    let all_used = pa.next >= pa.items.len() || (pa.single && pa.mapping.is_some());
    if !all_used && !used_mapping {
        let what = if bytes { "bytes" } else { "string" };
        return Err(interp.type_error(format!(
            "not all arguments converted during {what} formatting"
        )));
    }
    Ok(out)
}

/// The key of `%(key)s` starting at the '(' at `start` (parentheses may
/// nest); returns the key and the position after the ')'.
fn mapping_key(interp: &Interpreter, chars: &[char], start: usize) -> PyResult<(String, usize)> {
    let mut depth = 1;
    let mut j = start + 1;
    while j < chars.len() {
        match chars[j] {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    let key: String = chars[start + 1..j].iter().collect();
                    return Ok((key, j + 1));
                }
            }
            _ => {}
        }
        j += 1;
    }
    Err(interp.value_error("incomplete format key"))
}

fn lookup_key(interp: &mut Interpreter, mapping: &Value, k: Value) -> PyResult<Value> {
    if let Some(Object::Dict(d)) = mapping.as_object() {
        let found = d.borrow().get(&k).ok().flatten().cloned();
        return found.ok_or_else(|| {
            let t = interp.types.exception("KeyError");
            crate::error::PyErr(interp.exception(&t, vec![k.clone()]))
        });
    }
    crate::ops::getitem(interp, mapping, &k)
}

fn star_arg(interp: &Interpreter, pa: &mut PercentArgs) -> PyResult<i64> {
    match pa.next(interp)? {
        Value::Int(w) => Ok(w),
        Value::Bool(b) => Ok(b.get() as i64),
        _ => Err(interp.type_error("* wants int")),
    }
}

fn percent_int(
    interp: &Interpreter,
    chars: &[char],
    i: &mut usize,
    too_big: &str,
) -> PyResult<Option<usize>> {
    let mut n: Option<usize> = None;
    while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
        n = Some(
            n.unwrap_or(0)
                .checked_mul(10)
                .and_then(|n| n.checked_add(d as usize))
                .filter(|&n| n <= i32::MAX as usize)
                .ok_or_else(|| interp.value_error(too_big))?,
        );
        *i += 1;
    }
    Ok(n)
}

/// One conversion `%c` of `arg` (`index` is the position of `c`, for the
/// error message).
fn convert_one(
    interp: &mut Interpreter,
    c: char,
    arg: &Value,
    conv: &Conv,
    index: usize,
) -> PyResult<String> {
    let text = match c {
        's' | 'r' | 'a' => {
            let s = match c {
                's' => str_of(interp, arg)?,
                'r' => repr(interp, arg)?,
                _ => ascii(interp, arg)?,
            };
            match conv.precision.and_then(|p| s.char_indices().nth(p)) {
                Some((b, _)) => s[..b].to_string(),
                None => s,
            }
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let arg = percent_int_arg(interp, c, arg)?;
            return percent_int_conv(interp, c, &arg, conv);
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => return percent_float_conv(interp, c, arg, conv),
        'c' => percent_char(interp, arg)?,
        _ => {
            return Err(interp.value_error(format!(
                "unsupported format character '{c}' (0x{:x}) at index {index}",
                c as u32
            )))
        }
    };
    Ok(pad(
        &text,
        conv.width,
        ' ',
        if conv.left { '<' } else { '>' },
    ))
}

/// bytes's %s/%b (bytes-like only), %r/%a (ascii()) and %c (a byte),
/// as Latin-1 characters.
fn bytes_conversion(
    interp: &mut Interpreter,
    c: char,
    arg: &Value,
    conv: &Conv,
) -> PyResult<String> {
    let latin1 = |b: &[u8]| -> String { b.iter().map(|&b| b as char).collect() };
    let data = match arg.as_object() {
        Some(Object::Bytes(b)) => Some(b.to_vec()),
        Some(Object::ByteArray(b)) => Some(b.borrow().clone()),
        _ => None,
    };
    match c {
        's' | 'b' => {
            let Some(mut data) = data else {
                return Err(interp.type_error(format!(
                    "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                    interp.type_name(arg)
                )));
            };
            if let Some(p) = conv.precision {
                data.truncate(p);
            }
            Ok(latin1(&data))
        }
        'r' | 'a' => {
            let s = ascii(interp, arg)?;
            Ok(match conv.precision {
                Some(p) => s.chars().take(p).collect(),
                None => s,
            })
        }
        _ => match (data, as_bigint(arg)) {
            (Some(d), _) if d.len() == 1 => Ok(latin1(&d)),
            (_, Some(i)) => i
                .to_u8()
                .map(|b| (b as char).to_string())
                .ok_or_else(|| interp.err("OverflowError", "%c arg not in range(256)")),
            _ => Err(interp.type_error("%c requires an integer in range(256) or a single byte")),
        },
    }
}

fn percent_char(interp: &Interpreter, arg: &Value) -> PyResult<String> {
    if let Some(Object::Str(s)) = arg.as_object() {
        if s.char_len() == 1 {
            return Ok(s.as_str().to_string());
        }
        return Err(interp.type_error("%c requires int or char"));
    }
    match as_bigint(arg) {
        Some(i) => i
            .to_u32()
            .and_then(char::from_u32)
            .map(|c| c.to_string())
            .ok_or_else(|| interp.err("OverflowError", "%c arg not in range(0x110000)")),
        None => Err(interp.type_error("%c requires int or char")),
    }
}

/// Pad a formatted number: sign and prefix stay in front of zero padding.
fn percent_layout(conv: &Conv, negative: bool, prefix: &str, digits: &str) -> String {
    let sign = if negative {
        "-"
    } else if conv.plus {
        "+"
    } else if conv.space {
        " "
    } else {
        ""
    };
    let len = sign.len() + prefix.len() + digits.chars().count();
    let n = conv.width.saturating_sub(len);
    if conv.left {
        format!("{sign}{prefix}{digits}{}", " ".repeat(n))
    } else if conv.zero {
        format!("{sign}{prefix}{}{digits}", "0".repeat(n))
    } else {
        format!("{}{sign}{prefix}{digits}", " ".repeat(n))
    }
}

/// The int an instance stands for under `%d` (CPython's PyNumber_Long:
/// `__int__`, `__index__`, `__trunc__`) or `%x`/`%o` (PyNumber_Index);
/// other values as they are, for `percent_int_conv` to take or refuse.
fn percent_int_arg(interp: &mut Interpreter, c: char, arg: &Value) -> PyResult<Value> {
    if !crate::class::is_instance(arg) {
        return Ok(arg.clone());
    }
    if let Some(b) = crate::class::base_value(arg).filter(|b| crate::convert::is_int(b)) {
        return Ok(b.clone());
    }
    let r = if matches!(c, 'd' | 'i' | 'u') {
        crate::convert::int_of_instance(interp, arg)
    } else {
        crate::convert::try_index(interp, arg).transpose()
    };
    // A TypeError on the way becomes the conversion's own "required" error.
    let type_error = interp.types.exception("TypeError");
    match r {
        Some(Err(e)) if !Rc::ptr_eq(&interp.type_of(&e.0), &type_error) => Err(e),
        Some(Ok(i)) => Ok(i),
        _ => Ok(arg.clone()),
    }
}

fn percent_int_conv(interp: &Interpreter, c: char, arg: &Value, conv: &Conv) -> PyResult<String> {
    let i = match (as_bigint(arg), arg) {
        (Some(i), _) => i,
        (None, Value::Float(f)) if matches!(c, 'd' | 'i' | 'u') => {
            float_to_bigint(interp, f.get())?
        }
        _ if matches!(c, 'd' | 'i' | 'u') => {
            return Err(interp.type_error(format!(
                "%{c} format: a real number is required, not {}",
                interp.type_name(arg)
            )))
        }
        _ => {
            return Err(interp.type_error(format!(
                "%{c} format: an integer is required, not {}",
                interp.type_name(arg)
            )))
        }
    };
    let (radix, prefix) = match c {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = i.abs().to_str_radix(radix);
    if c == 'X' {
        digits.make_ascii_uppercase();
    }
    if let Some(p) = conv.precision {
        if digits.len() < p {
            digits = format!("{}{digits}", "0".repeat(p - digits.len()));
        }
    }
    let prefix = if conv.alt { prefix } else { "" };
    Ok(percent_layout(
        conv,
        i.sign() == Sign::Minus,
        prefix,
        &digits,
    ))
}

/// `int(f)` with CPython's errors for inf and nan.
pub fn float_to_bigint(interp: &Interpreter, f: f64) -> PyResult<BigInt> {
    if f.is_nan() {
        return Err(interp.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(interp.err("OverflowError", "cannot convert float infinity to integer"));
    }
    Ok(num_traits::FromPrimitive::from_f64(f.trunc()).unwrap_or_else(BigInt::zero))
}

fn percent_float_conv(interp: &Interpreter, c: char, arg: &Value, conv: &Conv) -> PyResult<String> {
    let f = match (arg, as_bigint(arg)) {
        (Value::Float(f), _) => f.get(),
        (_, Some(i)) => int_to_f64(interp, &i)?,
        _ => {
            return Err(interp.type_error(format!(
                "must be real number, not {}",
                interp.type_name(arg)
            )))
        }
    };
    let body = float_body(f.abs(), c, Some(conv.precision.unwrap_or(6)), conv.alt);
    let conv = Conv {
        zero: conv.zero && f.is_finite(),
        ..*conv
    };
    Ok(percent_layout(
        &conv,
        f.is_sign_negative() && !f.is_nan(),
        "",
        &body,
    ))
}

#[cfg(test)]
#[allow(clippy::approx_constant)]
mod tests {
    use super::*;

    fn s(x: &str) -> Value {
        Value::str(x)
    }

    fn tuple(items: impl Into<crate::tuple::Tuple>) -> Value {
        Value::obj(Object::Tuple(items.into()))
    }

    fn dict(pairs: Vec<(&str, Value)>) -> Value {
        let mut d = crate::dict::Dict::new();
        for (k, v) in pairs {
            d.set_str(k, v);
        }
        Value::obj(Object::Dict(RefCell::new(d)))
    }

    /// `fmt % args` as text, or "TypeName: message" for an error.
    fn run(interp: &mut Interpreter, fmt: &str, args: Value) -> String {
        match percent_format(interp, fmt, &args) {
            Ok(t) => t,
            Err(e) => {
                let name = interp.type_name(&e.0);
                format!(
                    "{name}: {}",
                    exception_str(interp, &e.0).unwrap_or_default()
                )
            }
        }
    }

    /// Expectations from python3 (CPython 3.11.7).
    #[test]
    fn percent_formatting_matches_cpython() {
        let mut i = Interpreter::new(Vec::new());
        let i = &mut i;
        let int = Value::Int;
        let f = Value::float;
        let cases: Vec<(&str, Value, &str)> = vec![
            (
                "%s|%r|%a",
                tuple(vec![s("é"), s("é"), s("é")]),
                "é|'é'|'\\xe9'",
            ),
            (
                "%5d|%-5d|%05d|%+d|% d",
                tuple(vec![int(42); 5]),
                "   42|42   |00042|+42| 42",
            ),
            (
                "%x %X %o %#x %#o %.3d %5.3d",
                tuple(vec![
                    int(255),
                    int(255),
                    int(8),
                    int(255),
                    int(8),
                    int(5),
                    int(-5),
                ]),
                "ff FF 10 0xff 0o10 005  -005",
            ),
            (
                "%.2f %e %g %10.3f %-8.1e| %G %F %010.2f",
                tuple(vec![
                    f(3.14159),
                    f(1234.5),
                    f(0.00001),
                    f(2.5),
                    f(1234.5),
                    f(1e-10),
                    f(f64::INFINITY),
                    f(-3.14159),
                ]),
                "3.14 1.234500e+03 1e-05      2.500 1.2e+03 | 1E-10 INF -000003.14",
            ),
            ("%c%c", tuple(vec![int(65), s("b")]), "Ab"),
            (
                "%*d|%-*d|%.*f",
                tuple(vec![int(5), int(1), int(4), int(2), int(2), f(3.14159)]),
                "    1|2   |3.14",
            ),
            ("%d", f(3.7), "3"),
            ("%s", tuple(vec![int(1)]), "1"),
            ("100%%", tuple(vec![]), "100%"),
            (
                "%.2s|%5s|%-5s|",
                tuple(vec![s("abc"), s("ab"), s("ab")]),
                "ab|   ab|ab   |",
            ),
            (
                "%i %u %#X",
                tuple(vec![Value::bool(true), int(-7), int(255)]),
                "1 -7 0XFF",
            ),
            (
                "%s %s",
                tuple(vec![int(1)]),
                "TypeError: not enough arguments for format string",
            ),
            (
                "%s",
                tuple(vec![int(1), int(2)]),
                "TypeError: not all arguments converted during string formatting",
            ),
            (
                "%d",
                s("a"),
                "TypeError: %d format: a real number is required, not str",
            ),
            (
                "%y",
                int(1),
                "ValueError: unsupported format character 'y' (0x79) at index 1",
            ),
            ("%", tuple(vec![]), "ValueError: incomplete format"),
            (
                "abc",
                int(5),
                "TypeError: not all arguments converted during string formatting",
            ),
            ("%(a)s", int(1), "TypeError: format requires a mapping"),
            (
                "%x",
                f(1.5),
                "TypeError: %x format: an integer is required, not float",
            ),
            ("%f", s("a"), "TypeError: must be real number, not str"),
            ("%c", s("ab"), "TypeError: %c requires int or char"),
            ("%*d", tuple(vec![s("a"), int(1)]), "TypeError: * wants int"),
        ];
        for (fmt, args, want) in cases {
            assert_eq!(run(i, fmt, args), want, "{fmt}");
        }
        let d = dict(vec![("a", s("x")), ("b", int(3))]);
        assert_eq!(run(i, "%(a)s-%(b)d", d.clone()), "x-3");
        assert_eq!(run(i, "abc", d.clone()), "abc");
        assert_eq!(run(i, "%(z)s", d.clone()), "KeyError: 'z'");
        assert_eq!(run(i, "%(a", d), "ValueError: incomplete format key");
        let one = dict(vec![("a", int(1))]);
        assert_eq!(run(i, "%s", one), "{'a': 1}");
    }
}
