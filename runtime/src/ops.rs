//! Operators on built-in types: arithmetic, comparison, containment and
//! subscripting, with CPython's semantics and error messages. Numeric
//! arithmetic itself lives in `crate::num`.

use std::cell::RefCell;
use std::cmp::Ordering;

use pyrite_compiler::opcode::{Op, BINARY_OPS, CMP_OP};

use crate::dict::Dict;
use crate::error::{PyErr, PyResult};
use crate::num::{self, as_num, op, Num};
use crate::object::{DictIterKind, Object, Range};
use crate::value::Value;
use crate::Interpreter;

/// BINARY_OP with argument `oparg` (NB_* in `pyrite_compiler::opcode::nb`;
/// 13 and up are the in-place forms).
pub fn binary_op(interp: &mut Interpreter, oparg: u32, a: &Value, b: &Value) -> PyResult<Value> {
    binary_op_from(interp, oparg, a, b, false)
}

/// The rest of BINARY_OP once `a`'s own special method (tried first, see
/// `class::forward_binary_method`) returned NotImplemented.
pub fn binary_op_after_forward(
    interp: &mut Interpreter,
    oparg: u32,
    a: &Value,
    b: &Value,
) -> PyResult<Value> {
    binary_op_from(interp, oparg, a, b, true)
}

fn binary_op_from(
    interp: &mut Interpreter,
    oparg: u32,
    a: &Value,
    b: &Value,
    forward_done: bool,
) -> PyResult<Value> {
    if let Some(r) = crate::class::binary_dunder(interp, oparg, a, b, forward_done) {
        return r;
    }
    // The hot path: small ints that stay small.
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        let r = match oparg % 13 {
            op::ADD => x.checked_add(*y),
            op::SUBTRACT => x.checked_sub(*y),
            op::MULTIPLY => x.checked_mul(*y),
            _ => None,
        };
        if let Some(r) = r {
            return Ok(Value::Int(r));
        }
    }
    let o = oparg % 13;
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        if let Some(v) = num::num_op(interp, o, x, y)? {
            return Ok(v);
        }
        return Err(unsupported(interp, oparg, a, b));
    }
    if oparg >= 13 {
        if let Some(v) = inplace_op(interp, o, a, b)? {
            return Ok(v);
        }
    }
    if let Some(v) = sequence_op(interp, o, a, b)? {
        return Ok(v);
    }
    Err(unsupported(interp, oparg, a, b))
}

pub(crate) fn unsupported(interp: &Interpreter, oparg: u32, a: &Value, b: &Value) -> PyErr {
    // `**` shares its message with pow() (abstract.c's ternary_op).
    let name = match oparg {
        op::POWER => "** or pow()",
        _ => BINARY_OPS[oparg as usize % 26],
    };
    interp.type_error(format!(
        "unsupported operand type(s) for {name}: '{}' and '{}'",
        interp.type_name(a),
        interp.type_name(b)
    ))
}

fn new_list(items: Vec<Value>) -> Value {
    Value::obj(Object::List(RefCell::new(items)))
}

fn new_tuple(items: Vec<Value>) -> Value {
    Value::obj(Object::Tuple(items.into()))
}

/// The bytes of a bytes or bytearray value.
fn bytes_of(v: &Value) -> Option<Vec<u8>> {
    match v.as_object()? {
        Object::Bytes(b) => Some(b.to_vec()),
        Object::ByteArray(b) => Some(b.borrow().clone()),
        _ => None,
    }
}

/// The contents of a bytes-like value: bytes, bytearray, or an instance
/// whose class exports its memory through `__pyrite_buffer__` (pyrite's
/// `array.array`, written in Python), as C types do through CPython's
/// buffer protocol.
pub fn buffer_of(interp: &mut Interpreter, v: &Value) -> PyResult<Option<Vec<u8>>> {
    if let Some(Object::MemoryView(m)) = v.as_object() {
        return crate::methods::memoryview::contents(interp, m).map(Some);
    }
    if let Some(b) = bytes_of(v) {
        return Ok(Some(b));
    }
    if !matches!(v.as_object(), Some(Object::Instance(_))) {
        return Ok(None);
    }
    match crate::class::call_dunder(interp, v, "__pyrite_buffer__", Vec::new()) {
        None => Ok(None),
        Some(r) => Ok(bytes_of(&r?)),
    }
}

/// In-place operators that mutate their left operand (list +=, list *=,
/// bytearray +=, set |= &= -= ^=, dict |=); None to fall back to `a op b`.
fn inplace_op(interp: &mut Interpreter, o: u32, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let Some(obj) = a.as_object() else {
        return Ok(None);
    };
    match (obj, o) {
        (Object::List(l), op::ADD) => {
            let items = interp.collect_iterable(b)?;
            l.borrow_mut().extend(items);
        }
        (Object::List(l), op::MULTIPLY) => {
            let n = repeat_count(interp, b)?;
            let items = l.borrow().clone();
            *l.borrow_mut() = repeat(interp, &items, n)?;
        }
        (Object::ByteArray(ba), op::ADD) => match buffer_of(interp, b)? {
            Some(extra) => {
                crate::methods::memoryview::check_resize(
                    interp,
                    ba,
                    ba.borrow().len() + extra.len(),
                )?;
                ba.borrow_mut().extend(extra);
            }
            None => return Ok(None),
        },
        (Object::ByteArray(ba), op::MULTIPLY) => {
            let n = repeat_count(interp, b)?;
            let items = ba.borrow().clone();
            let repeated = repeat(interp, &items, n)?;
            crate::methods::memoryview::check_resize(interp, ba, repeated.len())?;
            *ba.borrow_mut() = repeated;
        }
        (Object::Dict(d), op::OR) => {
            for (k, v) in mapping_pairs(interp, b)? {
                interp.dict_store(d, k, v)?;
            }
        }
        (Object::Set(s), op::OR | op::AND | op::SUBTRACT | op::XOR) => {
            if set_keys(b).is_none() {
                return Ok(None);
            }
            set_inplace(interp, o, s, a, b)?;
        }
        _ => return Ok(None),
    }
    Ok(Some(a.clone()))
}

/// `s |= t` and friends, changing `s` in place as setobject.c does (so
/// that deletions leave the dummies CPython's table would have).
fn set_inplace(
    interp: &mut Interpreter,
    o: u32,
    s: &RefCell<Dict>,
    a: &Value,
    b: &Value,
) -> PyResult<()> {
    if o == op::AND {
        // set_intersection_update: the new set's table replaces the old.
        let result = crate::methods::set::set_intersection(interp, a, b)?;
        if let Some(Object::Set(r)) = result.as_object() {
            let d = std::mem::take(&mut *r.borrow_mut());
            *s.borrow_mut() = d;
        }
        return Ok(());
    }
    if a.is(b) && o != op::OR {
        s.borrow_mut().clear();
        return Ok(());
    }
    let items = match b.as_object() {
        Some(Object::Set(d)) => crate::methods::set::ordered_items(&d.borrow()),
        Some(Object::FrozenSet(d)) => crate::methods::set::ordered_items(d),
        _ => Vec::new(),
    };
    for x in items {
        match o {
            op::OR => interp.dict_store(s, x, Value::None)?,
            op::SUBTRACT => {
                interp.dict_remove(s, &x)?;
            }
            _ => {
                if interp.dict_remove(s, &x)?.is_none() {
                    interp.dict_store(s, x, Value::None)?;
                }
            }
        }
    }
    Ok(())
}

/// The (key, value) pairs of a dict, or of an iterable of pairs (`d |= x`).
fn mapping_pairs(interp: &mut Interpreter, v: &Value) -> PyResult<Vec<(Value, Value)>> {
    if let Some(b) = crate::class::base_for(v, "keys") {
        return mapping_pairs(interp, &b);
    }
    if let Some(Object::Dict(d)) = v.as_object() {
        return Ok(d
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect());
    }
    let items = interp.collect_iterable(v)?;
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let pair = interp.collect_iterable(item).map_err(|_| {
            interp.type_error(format!(
                "cannot convert dictionary update sequence element #{i} to a sequence"
            ))
        })?;
        match <[Value; 2]>::try_from(pair) {
            Ok([k, v]) => out.push((k, v)),
            Err(p) => {
                return Err(interp.value_error(format!(
                    "dictionary update sequence element #{i} has length {}; 2 is required",
                    p.len()
                )))
            }
        }
    }
    Ok(out)
}

/// Concatenation, repetition, `%` formatting and the dict/set operators.
fn sequence_op(interp: &mut Interpreter, o: u32, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    match o {
        op::ADD => concat(interp, a, b),
        op::MULTIPLY => {
            if is_sequence(a) {
                return repeat_value(interp, a, b).map(Some);
            }
            if is_sequence(b) {
                return repeat_value(interp, b, a).map(Some);
            }
            Ok(None)
        }
        op::REMAINDER => match a.as_object() {
            Some(Object::Str(s)) => {
                let fmt = s.as_str().to_string();
                let r = crate::format::percent_format(interp, &fmt, b)?;
                Ok(Some(Value::str(&r)))
            }
            Some(Object::Bytes(f)) => {
                let r = crate::format::percent_format_bytes(interp, f, b)?;
                Ok(Some(Value::obj(Object::Bytes(r.into_boxed_slice()))))
            }
            Some(Object::ByteArray(f)) => {
                let fmt = f.borrow().clone();
                let r = crate::format::percent_format_bytes(interp, &fmt, b)?;
                Ok(Some(Value::obj(Object::bytearray(r))))
            }
            _ => Ok(None),
        },
        op::OR | op::AND | op::SUBTRACT | op::XOR => {
            if let (Some(Object::Dict(x)), Some(Object::Dict(y)), op::OR) =
                (a.as_object(), b.as_object(), o)
            {
                let mut d = Dict::new();
                let pairs: Vec<_> = x
                    .borrow()
                    .iter()
                    .chain(y.borrow().iter())
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                for (k, v) in pairs {
                    interp.dict_insert(&mut d, k, v)?;
                }
                return Ok(Some(Value::obj(Object::Dict(RefCell::new(d)))));
            }
            if is_set_view(a) || is_set_view(b) {
                return view_set_op(interp, o, a, b).map(Some);
            }
            if set_keys(a).is_none() || set_keys(b).is_none() {
                return Ok(None);
            }
            set_op(interp, o, a, b).map(Some)
        }
        _ => Ok(None),
    }
}

fn is_sequence(v: &Value) -> bool {
    matches!(
        v.as_object(),
        Some(
            Object::Str(_)
                | Object::List(_)
                | Object::Tuple(_)
                | Object::Bytes(_)
                | Object::ByteArray(_)
        )
    )
}

/// `a + b` for sequences, with CPython's "can only concatenate" errors.
fn concat(interp: &mut Interpreter, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let Some(x) = a.as_object() else {
        return Ok(None);
    };
    let y = b.as_object();
    let wrong = |interp: &Interpreter, what: &str| {
        interp.type_error(format!(
            "can only concatenate {what} (not \"{}\") to {what}",
            interp.type_name(b)
        ))
    };
    Ok(Some(match x {
        Object::Str(s) => match y {
            Some(Object::Str(t)) => Value::obj(Object::Str(s.concat(t))),
            _ => return Err(wrong(interp, "str")),
        },
        Object::List(l) => match y {
            Some(Object::List(m)) => {
                let mut r = l.borrow().clone();
                r.extend(m.borrow().iter().cloned());
                new_list(r)
            }
            _ => return Err(wrong(interp, "list")),
        },
        Object::Tuple(t) => match y {
            Some(Object::Tuple(u)) => new_tuple(t.iter().chain(u.iter()).cloned().collect()),
            _ => return Err(wrong(interp, "tuple")),
        },
        Object::Bytes(_) | Object::ByteArray(_) => {
            let Some(extra) = buffer_of(interp, b)? else {
                return Err(interp.type_error(format!(
                    "can't concat {} to {}",
                    interp.type_name(b),
                    interp.type_name(a)
                )));
            };
            let mut r = bytes_of(a).unwrap_or_default();
            r.extend(extra);
            match x {
                Object::Bytes(_) => Value::obj(Object::Bytes(r.into_boxed_slice())),
                _ => Value::obj(Object::bytearray(r)),
            }
        }
        _ => return Ok(None),
    }))
}

/// The count of `seq * n`: an int (or `__index__`) that fits an index,
/// else CPython's errors.
fn repeat_count(interp: &mut Interpreter, n: &Value) -> PyResult<i64> {
    let Some(count) = crate::convert::try_index(interp, n)? else {
        return Err(interp.type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            interp.type_name(n)
        )));
    };
    match num::small_int(&count) {
        Some(Some(i)) => Ok(i),
        _ => Err(num::overflow(
            interp,
            "cannot fit 'int' into an index-sized integer",
        )),
    }
}

/// `items * n` (n <= 0 gives an empty result).
fn repeat<T: Clone>(interp: &Interpreter, items: &[T], n: i64) -> PyResult<Vec<T>> {
    let n = n.max(0) as usize;
    match items.len().checked_mul(n) {
        // Past a few billion items CPython runs out of memory.
        Some(total) if total <= 1 << 32 => {
            let mut out = Vec::with_capacity(total);
            for _ in 0..n {
                out.extend_from_slice(items);
            }
            Ok(out)
        }
        _ => Err(interp.err("MemoryError", "")),
    }
}

fn repeat_value(interp: &mut Interpreter, seq: &Value, n: &Value) -> PyResult<Value> {
    let n = repeat_count(interp, n)?;
    // CPython refuses a str or bytes result longer than the largest size
    // it can index with an OverflowError (other sequences: MemoryError).
    let too_long = |len: usize| {
        n > 0
            && (len as u64)
                .checked_mul(n as u64)
                .is_none_or(|t| t > isize::MAX as u64)
    };
    match seq.as_object() {
        Some(Object::Str(s)) if too_long(s.char_len()) => {
            return Err(num::overflow(interp, "repeated string is too long"))
        }
        Some(Object::Bytes(b)) if too_long(b.len()) => {
            return Err(num::overflow(interp, "repeated bytes are too long"))
        }
        _ => {}
    }
    Ok(match seq.as_object() {
        Some(Object::Str(s)) => {
            let bytes = repeat(interp, s.as_str().as_bytes(), n)?;
            Value::obj(Object::Str(
                String::from_utf8(bytes).unwrap_or_default().into(),
            ))
        }
        Some(Object::List(l)) => {
            let items = l.borrow().clone();
            new_list(repeat(interp, &items, n)?)
        }
        Some(Object::Tuple(t)) => new_tuple(repeat(interp, t, n)?),
        Some(Object::Bytes(b)) => Value::obj(Object::Bytes(repeat(interp, b, n)?.into())),
        Some(Object::ByteArray(b)) => {
            let items = b.borrow().clone();
            Value::obj(Object::bytearray(repeat(interp, &items, n)?))
        }
        _ => Value::None,
    })
}

/// The elements of a set or frozenset.
fn set_keys(v: &Value) -> Option<Vec<Value>> {
    match v.as_object()? {
        Object::Set(s) => Some(s.borrow().iter().map(|(k, _)| k.clone()).collect()),
        Object::FrozenSet(s) => Some(s.iter().map(|(k, _)| k.clone()).collect()),
        _ => None,
    }
}

/// `|`, `&`, `-`, `^` of two sets (or a set and any iterable), built as
/// setobject.c builds them so that the result's order is CPython's.
fn set_op(interp: &mut Interpreter, o: u32, a: &Value, b: &Value) -> PyResult<Value> {
    use crate::methods::set;
    match o {
        op::OR => set::set_union(interp, a, b),
        op::AND => set::set_intersection(interp, a, b),
        op::SUBTRACT => set::set_difference(interp, a, b),
        _ => set::set_symmetric_difference(interp, a, b),
    }
}

/// A dict's keys or items view: set-like, unlike its values view.
fn is_set_view(v: &Value) -> bool {
    matches!(
        v.as_object(),
        Some(Object::DictView(
            _,
            DictIterKind::Keys | DictIterKind::Items
        ))
    )
}

/// `set(v)` of any iterable (dictviews_to_set).
fn to_set(interp: &mut Interpreter, v: &Value) -> PyResult<Value> {
    let items = interp.collect_iterable(v)?;
    let d = crate::methods::set::dict_of(interp, items)?;
    Ok(Value::obj(Object::Set(RefCell::new(d))))
}

/// The set operators of dict views (dictviews_or and friends): the result
/// is a set made from the left operand (the view, for the commutative
/// ones, as CPython swaps them), combined with any iterable.
fn view_set_op(interp: &mut Interpreter, o: u32, a: &Value, b: &Value) -> PyResult<Value> {
    let (left, right) = if o != op::SUBTRACT && !is_set_view(a) {
        (b, a)
    } else {
        (a, b)
    };
    let left = to_set(interp, left)?;
    set_op(interp, o, &left, right)
}

/// A set, frozenset, or dict keys/items view as a set, for comparisons.
fn set_like(interp: &mut Interpreter, v: &Value) -> PyResult<Option<Value>> {
    match v.as_object() {
        Some(Object::Set(_) | Object::FrozenSet(_)) => Ok(Some(v.clone())),
        _ if is_set_view(v) => to_set(interp, v).map(Some),
        _ => Ok(None),
    }
}

/// The special method of a unary operator instruction.
pub fn unary_dunder(op: Op) -> &'static str {
    match op {
        Op::UNARY_NEGATIVE => "__neg__",
        Op::UNARY_POSITIVE => "__pos__",
        _ => "__invert__",
    }
}

pub fn unary_op(interp: &mut Interpreter, op: Op, a: &Value) -> PyResult<Value> {
    if let Some(r) = crate::class::call_dunder(interp, a, unary_dunder(op), Vec::new()) {
        return r;
    }
    if let Some(b) = crate::class::base_value(a) {
        let b = b.clone();
        return unary_op(interp, op, &b);
    }
    let r = match (op, as_num(a)) {
        (Op::UNARY_NEGATIVE, Some(Num::Int(x))) => match x.checked_neg() {
            Some(n) => Value::Int(n),
            None => Value::from_bigint(-num_bigint::BigInt::from(x)),
        },
        (Op::UNARY_NEGATIVE, Some(Num::Big(x))) => Value::from_bigint(-x),
        (Op::UNARY_NEGATIVE, Some(Num::Float(f))) => Value::float(-f),
        (Op::UNARY_NEGATIVE, Some(Num::Complex(re, im))) => num::complex(-re, -im),
        (Op::UNARY_POSITIVE, Some(Num::Int(x))) => Value::Int(x),
        (Op::UNARY_POSITIVE, Some(_)) => a.clone(),
        (Op::UNARY_INVERT, Some(Num::Int(x))) => Value::Int(!x),
        (Op::UNARY_INVERT, Some(Num::Big(x))) => Value::from_bigint(!x),
        _ => {
            let sym = match op {
                Op::UNARY_NEGATIVE => "-",
                Op::UNARY_POSITIVE => "+",
                _ => "~",
            };
            return Err(interp.type_error(format!(
                "bad operand type for unary {sym}: '{}'",
                interp.type_name(a)
            )));
        }
    };
    Ok(r)
}

// ----- comparison -----------------------------------------------------------

const LT: u32 = 0;
const LE: u32 = 1;
const EQ: u32 = 2;
const NE: u32 = 3;
const GT: u32 = 4;

/// COMPARE_OP with argument `op` (index into `dis.cmp_op`).
pub fn compare(interp: &mut Interpreter, op: u32, a: &Value, b: &Value) -> PyResult<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return Ok(Value::bool(holds(op, x.cmp(y))));
    }
    // A rich comparison method's result is kept as it is (`a != b` may be
    // -456); built-in comparisons give bools.
    if let Some(r) = crate::class::compare_dunder(interp, op, a, b) {
        return r;
    }
    compare_builtin(interp, op, a, b).map(Value::bool)
}

/// Does `ord` satisfy comparison `op`?
fn holds(op: u32, ord: Ordering) -> bool {
    match op {
        LT => ord == Ordering::Less,
        LE => ord != Ordering::Greater,
        EQ => ord == Ordering::Equal,
        NE => ord != Ordering::Equal,
        GT => ord == Ordering::Greater,
        _ => ord != Ordering::Less,
    }
}

pub(crate) fn not_supported(interp: &Interpreter, op: u32, a: &Value, b: &Value) -> PyErr {
    interp.type_error(format!(
        "'{}' not supported between instances of '{}' and '{}'",
        CMP_OP[op as usize % 6],
        interp.type_name(a),
        interp.type_name(b)
    ))
}

/// `a op b` as a Rust bool.
pub fn compare_bool(interp: &mut Interpreter, op: u32, a: &Value, b: &Value) -> PyResult<bool> {
    if let Some(r) = crate::class::compare_dunder(interp, op, a, b) {
        let v = r?;
        return interp.is_true(&v);
    }
    compare_builtin(interp, op, a, b)
}

/// `compare_bool` once the operands' rich comparison methods (if any)
/// have declined.
fn compare_builtin(interp: &mut Interpreter, op: u32, a: &Value, b: &Value) -> PyResult<bool> {
    if op == EQ || op == NE {
        return Ok(eq(interp, a, b)? == (op == EQ));
    }
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        if matches!(x, Num::Complex(..)) || matches!(y, Num::Complex(..)) {
            return Err(not_supported(interp, op, a, b));
        }
        return Ok(num::num_cmp(x, y).is_some_and(|o| holds(op, o)));
    }
    let (Some(x), Some(y)) = (a.as_object(), b.as_object()) else {
        return Err(not_supported(interp, op, a, b));
    };
    match (x, y) {
        (Object::Str(s), Object::Str(t)) => Ok(holds(op, s.as_str().cmp(t.as_str()))),
        (Object::List(_), Object::List(_)) | (Object::Tuple(_), Object::Tuple(_)) => {
            let (p, q) = (items_of(a), items_of(b));
            seq_compare(interp, op, &p, &q)
        }
        (Object::Set(_) | Object::FrozenSet(_), Object::Set(_) | Object::FrozenSet(_)) => {
            let (p, q) = (
                set_keys(a).unwrap_or_default(),
                set_keys(b).unwrap_or_default(),
            );
            set_compare(interp, op, &p, &q)
        }
        (Object::Slice(..), Object::Slice(..)) => {
            seq_compare(interp, op, &slice_items(x), &slice_items(y))
        }
        (Object::DictView(..), _) | (_, Object::DictView(..))
            if is_set_view(a) || is_set_view(b) =>
        {
            let (Some(p), Some(q)) = (set_like(interp, a)?, set_like(interp, b)?) else {
                return Err(not_supported(interp, op, a, b));
            };
            compare_bool(interp, op, &p, &q)
        }
        _ => match (bytes_of(a), bytes_of(b)) {
            (Some(p), Some(q)) => Ok(holds(op, p.cmp(&q))),
            _ => Err(not_supported(interp, op, a, b)),
        },
    }
}

/// The items of a list or tuple (a snapshot).
fn items_of(v: &Value) -> Vec<Value> {
    match v.as_object() {
        Some(Object::List(l)) => l.borrow().clone(),
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    }
}

/// Element equality inside containers: identity first, then ==.
fn item_eq(interp: &mut Interpreter, a: &Value, b: &Value) -> PyResult<bool> {
    Ok(a.is(b) || eq(interp, a, b)?)
}

/// Lexicographic ordering: the first unequal pair decides, else length.
fn seq_compare(interp: &mut Interpreter, op: u32, p: &[Value], q: &[Value]) -> PyResult<bool> {
    interp.nested(" in comparison", |interp| {
        seq_compare_items(interp, op, p, q)
    })
}

fn seq_compare_items(
    interp: &mut Interpreter,
    op: u32,
    p: &[Value],
    q: &[Value],
) -> PyResult<bool> {
    for (x, y) in p.iter().zip(q.iter()) {
        if !item_eq(interp, x, y)? {
            return match op {
                EQ => Ok(false),
                NE => Ok(true),
                _ => compare_bool(interp, op, x, y),
            };
        }
    }
    Ok(holds(op, p.len().cmp(&q.len())))
}

/// Set ordering is by inclusion.
fn set_compare(interp: &mut Interpreter, op: u32, p: &[Value], q: &[Value]) -> PyResult<bool> {
    let ps = crate::methods::set::dict_of(interp, p.to_vec())?;
    let qs = crate::methods::set::dict_of(interp, q.to_vec())?;
    let mut subset = |a: &[Value], other: &Dict| -> PyResult<bool> {
        for k in a {
            if !interp.key_in(other, k)? {
                return Ok(false);
            }
        }
        Ok(true)
    };
    Ok(match op {
        LT => p.len() < q.len() && subset(p, &qs)?,
        LE => subset(p, &qs)?,
        GT => p.len() > q.len() && subset(q, &ps)?,
        _ => subset(q, &ps)?,
    })
}

/// `a == b` for built-in values: numbers across types, containers element
/// by element, everything else by identity. Mixed types are unequal.
pub fn eq(interp: &mut Interpreter, a: &Value, b: &Value) -> PyResult<bool> {
    if let Some(r) = crate::class::compare_dunder(interp, EQ, a, b) {
        let v = r?;
        return interp.is_true(&v);
    }
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        return Ok(num::num_eq(x, y));
    }
    let (Some(x), Some(y)) = (a.as_object(), b.as_object()) else {
        return Ok(a.is(b));
    };
    if a.is(b) && !matches!(x, Object::List(_) | Object::Tuple(_)) {
        return Ok(true);
    }
    match (x, y) {
        (Object::Str(s), Object::Str(t)) => Ok(s.as_str() == t.as_str()),
        (Object::List(_), Object::List(_)) | (Object::Tuple(_), Object::Tuple(_)) => {
            let (p, q) = (items_of(a), items_of(b));
            if p.len() != q.len() {
                return Ok(false);
            }
            seq_compare(interp, EQ, &p, &q)
        }
        (Object::Dict(d), Object::Dict(e)) => dict_eq(interp, d, e),
        (Object::Set(_) | Object::FrozenSet(_), Object::Set(_) | Object::FrozenSet(_)) => {
            let (p, q) = (
                set_keys(a).unwrap_or_default(),
                set_keys(b).unwrap_or_default(),
            );
            Ok(p.len() == q.len() && set_compare(interp, LE, &p, &q)?)
        }
        (Object::DictView(..), _) | (_, Object::DictView(..))
            if is_set_view(a) || is_set_view(b) =>
        {
            match (set_like(interp, a)?, set_like(interp, b)?) {
                (Some(p), Some(q)) => eq(interp, &p, &q),
                _ => Ok(false),
            }
        }
        (Object::Range(r), Object::Range(s)) => Ok(range_eq(r, s)),
        (Object::Range(_) | Object::BigRange(_), Object::Range(_) | Object::BigRange(_)) => {
            Ok(crate::range::parts(x)
                .zip(crate::range::parts(y))
                .is_some_and(|(r, s)| r.same_items(&s)))
        }
        // A type may sit in several `Object::Type` wrappers: compare the types.
        (Object::Type(s), Object::Type(t)) => Ok(std::rc::Rc::ptr_eq(s, t)),
        // Bound methods: the same object (by identity) and equal functions.
        (
            Object::Method { func, this },
            Object::Method {
                func: func2,
                this: this2,
            },
        ) => Ok(this.is(this2) && eq(interp, func, func2)?),
        (Object::Builtin(p), Object::Builtin(q)) => Ok(crate::hash::builtin_eq(p, q)),
        (Object::Slice(..), Object::Slice(..)) => {
            seq_compare(interp, EQ, &slice_items(x), &slice_items(y))
        }
        (Object::MemoryView(_), _) | (_, Object::MemoryView(_)) => {
            crate::methods::memoryview::eq(interp, a, b)
        }
        (Object::WeakRef(_), Object::WeakRef(_)) => {
            Ok(crate::modules::weakref::eq(interp, a, b)?.unwrap_or(false))
        }
        _ => match (bytes_of(a), bytes_of(b)) {
            (Some(p), Some(q)) => Ok(p == q),
            _ => Ok(a.is(b)),
        },
    }
}

/// A slice compares like the tuple (start, stop, step).
fn slice_items(s: &Object) -> [Value; 3] {
    match s {
        Object::Slice(start, stop, step) => [start.clone(), stop.clone(), step.clone()],
        _ => [Value::None, Value::None, Value::None],
    }
}

fn dict_eq(interp: &mut Interpreter, d: &RefCell<Dict>, e: &RefCell<Dict>) -> PyResult<bool> {
    if d.borrow().len() != e.borrow().len() {
        return Ok(false);
    }
    interp.nested(" in comparison", |interp| dict_items_eq(interp, d, e))
}

fn dict_items_eq(interp: &mut Interpreter, d: &RefCell<Dict>, e: &RefCell<Dict>) -> PyResult<bool> {
    let pairs: Vec<(Value, Value)> = d
        .borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for (k, v) in pairs {
        match interp.dict_lookup(e, &k)? {
            Some(w) if item_eq(interp, &v, &w)? => {}
            _ => return Ok(false),
        }
    }
    Ok(true)
}

/// Ranges are equal when they give the same sequence.
fn range_eq(r: &Range, s: &Range) -> bool {
    let (n, m) = (r.len(), s.len());
    n == m && (n == 0 || (r.start == s.start && (n == 1 || r.step == s.step)))
}

// ----- containment ----------------------------------------------------------

/// `item in container`.
pub fn contains(interp: &mut Interpreter, container: &Value, item: &Value) -> PyResult<bool> {
    if crate::class::is_instance(container) {
        if let Some(b) = crate::class::base_for(container, "__contains__") {
            return contains(interp, &b, item);
        }
        if let Some(r) =
            crate::class::call_dunder(interp, container, "__contains__", vec![item.clone()])
        {
            let v = r?;
            return interp.is_true(&v);
        }
        let items = interp.collect_iterable(container)?;
        for x in items {
            if x.is(item) || eq(interp, &x, item)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let Some(obj) = container.as_object() else {
        return Err(not_iterable(interp, container));
    };
    match obj {
        Object::Str(s) => match crate::methods::str::as_pystr(item) {
            Some(t) => Ok(s.as_str().contains(t.as_str())),
            _ => Err(interp.type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                interp.type_name(item)
            ))),
        },
        Object::Bytes(_) | Object::ByteArray(_) => {
            let hay = bytes_of(container).unwrap_or_default();
            bytes_contains(interp, &hay, item)
        }
        Object::List(_) | Object::Tuple(_) => {
            for x in items_of(container) {
                if item_eq(interp, &x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Object::Dict(d) | Object::Set(d) => interp.key_in(d, item),
        Object::FrozenSet(d) => interp.key_in(d, item),
        Object::DictView(d, kind) => view_contains(interp, d, *kind, container, item),
        Object::Range(r) if as_int(item).is_some() => Ok(range_contains(r, item)),
        Object::BigRange(r) if as_int(item).is_some() => {
            Ok(num::int_value(item).is_some_and(|x| r.contains(&x)))
        }
        Object::Range(_) | Object::BigRange(_) | Object::Iter(_) | Object::MemoryView(_) => {
            let it = interp.get_iter(container)?;
            while let Some(x) = interp.next(&it)? {
                if item_eq(interp, &x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(not_iterable(interp, container)),
    }
}

/// `x in d.keys()` looks the key up; `(k, v) in d.items()` looks k up and
/// compares v; `x in d.values()` scans.
fn view_contains(
    interp: &mut Interpreter,
    dict: &Object,
    kind: DictIterKind,
    view: &Value,
    item: &Value,
) -> PyResult<bool> {
    let Object::Dict(d) = dict else {
        return Ok(false);
    };
    match kind {
        DictIterKind::Keys => interp.key_in(d, item),
        DictIterKind::Items => {
            let Some(Object::Tuple(pair)) = item.as_object() else {
                return Ok(false);
            };
            let [key, value] = &pair[..] else {
                return Ok(false);
            };
            match interp.dict_lookup(d, key)? {
                Some(v) => item_eq(interp, &v, value),
                None => Ok(false),
            }
        }
        DictIterKind::Values => {
            let it = interp.get_iter(view)?;
            while let Some(x) = interp.next(&it)? {
                if item_eq(interp, &x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn not_iterable(interp: &Interpreter, v: &Value) -> PyErr {
    interp.type_error(format!(
        "argument of type '{}' is not iterable",
        interp.type_name(v)
    ))
}

fn bytes_contains(interp: &mut Interpreter, hay: &[u8], item: &Value) -> PyResult<bool> {
    if let Some(n) = as_int(item) {
        return match n.and_then(|n| u8::try_from(n).ok()) {
            Some(byte) => Ok(hay.contains(&byte)),
            None => Err(interp.value_error("byte must be in range(0, 256)")),
        };
    }
    match buffer_of(interp, item)? {
        Some(needle) if needle.is_empty() => Ok(true),
        Some(needle) => Ok(hay.windows(needle.len()).any(|w| w == needle)),
        None => Err(interp.type_error(format!(
            "a bytes-like object is required, not '{}'",
            interp.type_name(item)
        ))),
    }
}

/// An int value as i64: None if not an int, Some(None) if too big.
fn as_int(v: &Value) -> Option<Option<i64>> {
    num::small_int(v)
}

fn range_contains(r: &Range, item: &Value) -> bool {
    let Some(Some(x)) = as_int(item) else {
        return false;
    };
    let (x, start, stop, step) = (x as i128, r.start as i128, r.stop as i128, r.step as i128);
    let inside = if step > 0 {
        start <= x && x < stop
    } else {
        stop < x && x <= start
    };
    inside && (x - start) % step == 0
}

// ----- subscripting ---------------------------------------------------------

/// A sequence index in range, from a key known to be an int; `what` names
/// the sequence in the IndexError ("list", "tuple", ...).
fn seq_index(interp: &Interpreter, key: Option<i64>, len: usize, what: &str) -> PyResult<usize> {
    let Some(i) = key else {
        return Err(interp.err("IndexError", "cannot fit 'int' into an index-sized integer"));
    };
    let len = len as i64;
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        let msg = if what.is_empty() {
            "index out of range".to_string()
        } else {
            format!("{what} index out of range")
        };
        return Err(interp.err("IndexError", msg));
    }
    Ok(j as usize)
}

/// A resolved slice: start, step and number of items.
#[derive(Clone, Copy)]
pub(crate) struct SliceIdx {
    pub start: i64,
    pub step: i64,
    pub len: usize,
}

impl SliceIdx {
    fn indices(self) -> impl Iterator<Item = usize> {
        (0..self.len as i64).map(move |i| (self.start + i * self.step) as usize)
    }
}

/// One part of a slice: None, or an int clamped to i64.
fn slice_part(interp: &Interpreter, v: &Value) -> PyResult<Option<i64>> {
    if v.is_none() {
        return Ok(None);
    }
    match num::as_num(v) {
        Some(Num::Int(i)) => Ok(Some(i)),
        Some(Num::Big(b)) => Ok(Some(if b.sign() == num_bigint::Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        })),
        _ => {
            Err(interp
                .type_error("slice indices must be integers or None or have an __index__ method"))
        }
    }
}

/// CPython's PySlice_Unpack + PySlice_AdjustIndices for a sequence of `len`.
pub(crate) fn slice_indices(interp: &Interpreter, key: &Value, len: usize) -> PyResult<SliceIdx> {
    let Some(Object::Slice(start, stop, step)) = key.as_object() else {
        return Ok(SliceIdx {
            start: 0,
            step: 1,
            len: 0,
        });
    };
    let step = match slice_part(interp, step)? {
        None => 1,
        Some(0) => return Err(interp.value_error("slice step cannot be zero")),
        Some(s) => s.max(-i64::MAX),
    };
    let len = len as i64;
    let clamp = |v: Option<i64>, default: i64| -> i64 {
        let Some(mut v) = v else { return default };
        if v < 0 {
            v += len;
            if v < 0 {
                v = if step < 0 { -1 } else { 0 };
            }
        } else if v >= len {
            v = if step < 0 { len - 1 } else { len };
        }
        v
    };
    let (start_default, stop_default) = if step < 0 { (len - 1, -1) } else { (0, len) };
    let start = clamp(slice_part(interp, start)?, start_default);
    let stop = clamp(slice_part(interp, stop)?, stop_default);
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok(SliceIdx {
        start,
        step,
        len: n as usize,
    })
}

fn is_slice(v: &Value) -> bool {
    matches!(v.as_object(), Some(Object::Slice(..)))
}

fn indices_error(interp: &Interpreter, what: &str, key: &Value) -> PyErr {
    interp.type_error(format!(
        "{what} indices must be integers or slices, not {}",
        interp.type_name(key)
    ))
}

/// Items of `items` picked by a slice.
fn pick<T: Clone>(items: &[T], s: SliceIdx) -> Vec<T> {
    s.indices().filter_map(|i| items.get(i).cloned()).collect()
}

/// `container[key]` for a subclass of a built-in type that does not
/// override `__getitem__`: the carried value's item, or for dicts the
/// class's `__missing__(key)` when the key is absent.
fn base_getitem(
    interp: &mut Interpreter,
    container: &Value,
    base: &Value,
    key: &Value,
) -> PyResult<Value> {
    let r = getitem(interp, base, key);
    match r {
        Err(e)
            if matches!(base.as_object(), Some(Object::Dict(_)))
                && crate::class::has_dunder(container, "__missing__")
                && interp.type_of(&e.0).name.as_ref() == "KeyError" =>
        {
            crate::class::call_dunder(interp, container, "__missing__", vec![key.clone()])
                .unwrap_or(Err(e))
        }
        r => r,
    }
}

/// `container[key]`.
pub fn getitem(interp: &mut Interpreter, container: &Value, key: &Value) -> PyResult<Value> {
    if crate::class::is_instance(container) {
        if let Some(r) =
            crate::class::call_dunder(interp, container, "__getitem__", vec![key.clone()])
        {
            return r;
        }
        if let Some(b) = crate::class::base_for(container, "__getitem__") {
            return base_getitem(interp, container, &b, key);
        }
    }
    let Some(obj) = container.as_object() else {
        return Err(not_subscriptable(interp, container));
    };
    if let Object::Type(cls) = obj {
        return class_getitem(interp, cls, key);
    }
    let converted = index_key(interp, container, key)?;
    let key = converted.as_ref().unwrap_or(key);
    let int_key = as_int(key);
    match obj {
        Object::MemoryView(_) => crate::methods::memoryview::getitem(interp, container, key),
        Object::List(l) => {
            let l = l.borrow();
            if let Some(k) = int_key {
                return Ok(l[seq_index(interp, k, l.len(), "list")?].clone());
            }
            if is_slice(key) {
                let s = slice_indices(interp, key, l.len())?;
                return Ok(new_list(pick(&l, s)));
            }
            Err(indices_error(interp, "list", key))
        }
        Object::Tuple(t) => {
            if let Some(k) = int_key {
                return Ok(t[seq_index(interp, k, t.len(), "tuple")?].clone());
            }
            if is_slice(key) {
                let s = slice_indices(interp, key, t.len())?;
                if s.start == 0 && s.step == 1 && s.len == t.len() {
                    return Ok(container.clone());
                }
                return Ok(new_tuple(pick(t, s)));
            }
            Err(indices_error(interp, "tuple", key))
        }
        Object::Str(s) => str_getitem(interp, s, key, int_key),
        Object::Bytes(b) => {
            if let Some(k) = int_key {
                return Ok(Value::Int(b[seq_index(interp, k, b.len(), "")?] as i64));
            }
            if is_slice(key) {
                let s = slice_indices(interp, key, b.len())?;
                return Ok(Value::obj(Object::Bytes(pick(b, s).into_boxed_slice())));
            }
            Err(indices_error(interp, "byte", key))
        }
        Object::ByteArray(b) => {
            let b = b.borrow();
            if let Some(k) = int_key {
                return Ok(Value::Int(
                    b[seq_index(interp, k, b.len(), "bytearray")?] as i64,
                ));
            }
            if is_slice(key) {
                let s = slice_indices(interp, key, b.len())?;
                return Ok(Value::obj(Object::bytearray(pick(&b, s))));
            }
            Err(indices_error(interp, "bytearray", key))
        }
        Object::Range(r) => range_getitem(interp, obj, r, key, int_key),
        Object::BigRange(r) => {
            if int_key.is_some() {
                return match num::int_value(key).and_then(|i| r.item(&i)) {
                    Some(v) => Ok(Value::from_bigint(v)),
                    None => Err(interp.err("IndexError", "range object index out of range")),
                };
            }
            if is_slice(key) {
                return Ok(Value::obj(r.slice(interp, key)?));
            }
            Err(indices_error(interp, "range", key))
        }
        Object::Dict(d) => match interp.dict_lookup(d, key)? {
            Some(v) => Ok(v),
            None => Err(key_error(interp, key)),
        },
        _ => Err(not_subscriptable(interp, container)),
    }
}

/// `cls[key]` for a class: its `__class_getitem__` (`list[int]`-style
/// generic aliases of built-in types are not modelled yet).
fn class_getitem(
    interp: &mut Interpreter,
    cls: &std::rc::Rc<crate::types::TypeObject>,
    key: &Value,
) -> PyResult<Value> {
    if let Some(alias) = crate::alias::subscript(cls, key) {
        return Ok(alias);
    }
    let Some(f) = cls.lookup_special("__class_getitem__") else {
        return Err(interp.type_error(format!("type '{}' is not subscriptable", cls.name)));
    };
    let f = crate::attr::descr_get(interp, f, None, cls, "__class_getitem__")?;
    interp.call(&f, vec![key.clone()], Vec::new())
}

/// A subscript of a built-in sequence with `__index__` applied, before any
/// container is borrowed (`__index__` may run any code): an instance
/// becomes the int its `__index__` returns, and so do the instance bounds
/// of a slice. None when `key` needs nothing (ints, slices of ints, and
/// every key of a dict).
#[inline]
fn index_key(interp: &mut Interpreter, container: &Value, key: &Value) -> PyResult<Option<Value>> {
    let Value::Obj(k) = key else {
        return Ok(None);
    };
    if !matches!(&**k, Object::Instance(_) | Object::Slice(..))
        || matches!(container.as_object(), Some(Object::Dict(_)))
    {
        return Ok(None);
    }
    let index = |interp: &mut Interpreter, v: &Value| -> PyResult<Value> {
        Ok(crate::convert::try_index(interp, v)?.unwrap_or_else(|| v.clone()))
    };
    match key.as_object() {
        _ if crate::class::is_instance(key) => index(interp, key).map(Some),
        Some(Object::Slice(a, b, c)) if [a, b, c].into_iter().any(crate::class::is_instance) => {
            let (a, b, c) = (index(interp, a)?, index(interp, b)?, index(interp, c)?);
            Ok(Some(Value::obj(Object::Slice(a, b, c))))
        }
        _ => Ok(None),
    }
}

fn not_subscriptable(interp: &Interpreter, v: &Value) -> PyErr {
    interp.type_error(format!(
        "'{}' object is not subscriptable",
        interp.type_name(v)
    ))
}

fn key_error(interp: &Interpreter, key: &Value) -> PyErr {
    let t = interp.types.exception("KeyError");
    PyErr(interp.exception(&t, vec![key.clone()]))
}

fn str_getitem(
    interp: &Interpreter,
    s: &crate::object::PyStr,
    key: &Value,
    int_key: Option<Option<i64>>,
) -> PyResult<Value> {
    let text = s.as_str();
    if let Some(k) = int_key {
        let i = seq_index(interp, k, s.char_len(), "string")?;
        // ASCII strings index by byte, in O(1).
        if s.is_ascii() {
            return Ok(Value::str(text.get(i..i + 1).unwrap_or("")));
        }
        let c = text.chars().nth(i).unwrap_or(' ');
        return Ok(Value::str(c.encode_utf8(&mut [0; 4])));
    }
    if is_slice(key) {
        let sl = slice_indices(interp, key, s.char_len())?;
        let out: String = if s.is_ascii() {
            sl.indices()
                .filter_map(|i| text.as_bytes().get(i).map(|&b| b as char))
                .collect()
        } else {
            let chars: Vec<char> = text.chars().collect();
            pick(&chars, sl).into_iter().collect()
        };
        return Ok(Value::obj(Object::Str(out.into())));
    }
    Err(interp.type_error(format!(
        "string indices must be integers, not '{}'",
        interp.type_name(key)
    )))
}

fn range_getitem(
    interp: &mut Interpreter,
    obj: &Object,
    r: &Range,
    key: &Value,
    int_key: Option<Option<i64>>,
) -> PyResult<Value> {
    if let Some(k) = int_key {
        // An inline range's length fits in i64: a bigger index is out of it.
        let len = r.len();
        let i = k
            .map(|k| {
                if k < 0 {
                    k as i128 + len as i128
                } else {
                    k as i128
                }
            })
            .filter(|&i| i >= 0 && i < len as i128)
            .ok_or_else(|| interp.err("IndexError", "range object index out of range"))?;
        return Ok(Value::Int((r.start as i128 + i * r.step as i128) as i64));
    }
    if is_slice(key) {
        return match crate::range::parts(obj) {
            Some(b) => Ok(Value::obj(b.slice(interp, key)?)),
            None => Err(indices_error(interp, "range", key)),
        };
    }
    Err(indices_error(interp, "range", key))
}

/// `container[key] = value`.
pub fn setitem(
    interp: &mut Interpreter,
    container: &Value,
    key: &Value,
    value: Value,
) -> PyResult<()> {
    if crate::class::is_instance(container) {
        let args = vec![key.clone(), value.clone()];
        if let Some(r) = crate::class::call_dunder(interp, container, "__setitem__", args) {
            return r.map(|_| ());
        }
        if let Some(b) = crate::class::base_for(container, "__setitem__") {
            return setitem(interp, &b, key, value);
        }
    }
    let converted = index_key(interp, container, key)?;
    let key = converted.as_ref().unwrap_or(key);
    let int_key = as_int(key);
    match container.as_object() {
        Some(Object::MemoryView(_)) => {
            crate::methods::memoryview::setitem(interp, container, key, &value)
        }
        Some(Object::List(l)) => {
            if let Some(k) = int_key {
                let mut l = l.borrow_mut();
                let i = seq_index(interp, k, l.len(), "list assignment")?;
                l[i] = value;
                return Ok(());
            }
            if is_slice(key) {
                return list_set_slice(interp, l, key, &value);
            }
            Err(indices_error(interp, "list", key))
        }
        Some(Object::Dict(d)) => interp.dict_store(d, key.clone(), value),
        Some(Object::ByteArray(b)) => {
            let Some(k) = int_key else {
                if is_slice(key) {
                    return bytearray_set_slice(interp, b, key, &value);
                }
                return Err(indices_error(interp, "bytearray", key));
            };
            let byte = crate::builtins::text::byte_value(interp, &value)?;
            let mut b = b.borrow_mut();
            let i = seq_index(interp, k, b.len(), "bytearray")?;
            b[i] = byte;
            Ok(())
        }
        _ => Err(interp.type_error(format!(
            "'{}' object does not support item assignment",
            interp.type_name(container)
        ))),
    }
}

/// `bytearray[a:b:c] = value`: bytes-like or an iterable of ints.
fn bytearray_set_slice(
    interp: &mut Interpreter,
    b: &crate::object::ByteArrayBuf,
    key: &Value,
    value: &Value,
) -> PyResult<()> {
    // Numbers and strs are refused before bytearray(value) could take them.
    let refused = as_num(value).is_some() || matches!(value.as_object(), Some(Object::Str(_)));
    if refused {
        return Err(interp
            .type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
    }
    // A copy: `b[1:3] = b` reads the old contents.
    let data = match bytes_of(value) {
        Some(data) => data,
        None => crate::builtins::text::bytes_from_object(interp, value, false)?,
    };
    let len = b.borrow().len();
    let s = slice_indices(interp, key, len)?;
    if s.step == 1 {
        crate::methods::memoryview::check_resize(interp, b, len - s.len + data.len())?;
    }
    let mut b = b.borrow_mut();
    if s.step == 1 {
        let start = (s.start.max(0) as usize).min(b.len());
        let stop = (start + s.len).min(b.len());
        b.splice(start..stop, data);
        return Ok(());
    }
    if data.len() != s.len {
        return Err(interp.value_error(format!(
            "attempt to assign bytes of size {} to extended slice of size {}",
            data.len(),
            s.len
        )));
    }
    for (i, v) in s.indices().zip(data) {
        if let Some(slot) = b.get_mut(i) {
            *slot = v;
        }
    }
    Ok(())
}

/// Remove the items a slice selects (`del seq[a:b:c]`).
fn delete_slice<T>(interp: &Interpreter, items: &mut Vec<T>, key: &Value) -> PyResult<()> {
    let s = slice_indices(interp, key, items.len())?;
    let mut doomed = vec![false; items.len()];
    for i in s.indices() {
        if let Some(d) = doomed.get_mut(i) {
            *d = true;
        }
    }
    let mut it = doomed.into_iter();
    items.retain(|_| !it.next().unwrap_or(false));
    Ok(())
}

/// `list[a:b:c] = value`.
fn list_set_slice(
    interp: &mut Interpreter,
    l: &RefCell<Vec<Value>>,
    key: &Value,
    value: &Value,
) -> PyResult<()> {
    let len = l.borrow().len();
    let s = slice_indices(interp, key, len)?;
    let items = interp.collect_iterable(value).map_err(|_| {
        interp.type_error(if s.step == 1 {
            "can only assign an iterable"
        } else {
            "must assign iterable to extended slice"
        })
    })?;
    let mut l = l.borrow_mut();
    if s.step == 1 {
        let start = (s.start.max(0) as usize).min(l.len());
        let stop = start + s.len;
        l.splice(start..stop, items);
        return Ok(());
    }
    if items.len() != s.len {
        return Err(interp.value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            items.len(),
            s.len
        )));
    }
    for (i, v) in s.indices().zip(items) {
        if let Some(slot) = l.get_mut(i) {
            *slot = v;
        }
    }
    Ok(())
}

/// `del container[key]`.
pub fn delitem(interp: &mut Interpreter, container: &Value, key: &Value) -> PyResult<()> {
    if crate::class::is_instance(container) {
        if let Some(b) = crate::class::base_for(container, "__delitem__") {
            return delitem(interp, &b, key);
        }
        if let Some(r) =
            crate::class::call_dunder(interp, container, "__delitem__", vec![key.clone()])
        {
            return r.map(|_| ());
        }
    }
    let converted = index_key(interp, container, key)?;
    let key = converted.as_ref().unwrap_or(key);
    let int_key = as_int(key);
    match container.as_object() {
        Some(Object::MemoryView(_)) => crate::methods::memoryview::delitem(interp, container),
        Some(Object::List(l)) => {
            let mut l = l.borrow_mut();
            if let Some(k) = int_key {
                let i = seq_index(interp, k, l.len(), "list assignment")?;
                l.remove(i);
                return Ok(());
            }
            if is_slice(key) {
                return delete_slice(interp, &mut l, key);
            }
            Err(indices_error(interp, "list", key))
        }
        Some(Object::ByteArray(ba)) => {
            let b = ba.borrow();
            if let Some(k) = int_key {
                let i = seq_index(interp, k, b.len(), "bytearray")?;
                drop(b);
                crate::methods::memoryview::check_resize(interp, ba, ba.borrow().len() - 1)?;
                ba.borrow_mut().remove(i);
                return Ok(());
            }
            if is_slice(key) {
                let n = slice_indices(interp, key, b.len())?.len;
                drop(b);
                crate::methods::memoryview::check_resize(interp, ba, ba.borrow().len() - n)?;
                return delete_slice(interp, &mut ba.borrow_mut(), key);
            }
            Err(indices_error(interp, "bytearray", key))
        }
        Some(Object::Dict(d)) => match interp.dict_remove(d, key)? {
            Some(_) => Ok(()),
            None => Err(key_error(interp, key)),
        },
        _ => Err(interp.type_error(format!(
            "'{}' object doesn't support item deletion",
            interp.type_name(container)
        ))),
    }
}
