//! Exception groups (PEP 654): `BaseExceptionGroup` and `ExceptionGroup`
//! (construction, `str`, `message`/`exceptions`, `split`, `subgroup`,
//! `derive`) and the work behind the `except*` opcodes `CHECK_EG_MATCH`
//! and `PREP_RERAISE_STAR` (Objects/exceptions.c and Python/ceval.c of
//! CPython 3.11).
//!
//! A group is an ordinary exception object whose type derives from
//! `BaseExceptionGroup`; its message and its tuple of sub-exceptions are
//! kept as the instance attributes `message` and `exceptions`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::object::{Builtin, BuiltinFn, Object};
use crate::types::{TypeKind, TypeObject};
use crate::value::Value;
use crate::Interpreter;

type Kwargs = [(Rc<str>, Value)];

/// Nested groups deeper than this are refused by the recursive walks
/// (CPython's recursion check in `exceptiongroup_split_recursive`).
const MAX_DEPTH: usize = 1000;

/// `ExceptionGroup`: bases `(BaseExceptionGroup, Exception)`, MRO
/// ExceptionGroup, BaseExceptionGroup, Exception, BaseException, object.
pub fn exception_group_type(
    base_group: &Rc<TypeObject>,
    exception: &Rc<TypeObject>,
) -> Rc<TypeObject> {
    let mut ancestors = vec![base_group.clone(), exception.clone()];
    ancestors.extend(exception.ancestors.iter().cloned());
    let t = Rc::new(TypeObject {
        name: Rc::from("ExceptionGroup"),
        qualname: RefCell::new(Rc::from("ExceptionGroup")),
        base: Some(base_group.clone()),
        kind: TypeKind::Exception,
        dict: RefCell::new(crate::dict::Dict::default()),
        ancestors,
        bases: vec![base_group.clone(), exception.clone()],
        is_class: false,
        metaclass: None,
        hooks: std::cell::Cell::new(crate::types::Hooks::default()),
        subclasses: RefCell::new(Vec::new()),
        special: Default::default(),
        dict_size_hint: Default::default(),
        nslots: 0,
        // Exceptions take any attribute.
        has_dict: true,
    });
    for b in [base_group, exception] {
        b.subclasses.borrow_mut().push(Rc::downgrade(&t));
    }
    t
}

fn base_group_type(interp: &Interpreter) -> Rc<TypeObject> {
    interp.types.exception("BaseExceptionGroup")
}

/// Is `t` BaseExceptionGroup or a subclass?
pub fn is_group_type(interp: &Interpreter, t: &Rc<TypeObject>) -> bool {
    t.kind == TypeKind::Exception && t.is_subtype(&base_group_type(interp))
}

/// Is `v` an exception group instance?
pub fn is_group(interp: &Interpreter, v: &Value) -> bool {
    match v.as_object() {
        Some(Object::Exception(e)) => is_group_type(interp, &e.typ),
        _ => false,
    }
}

fn attr_of(v: &Value, name: &str) -> Option<Value> {
    match v.as_object() {
        Some(Object::Exception(e)) => e
            .attrs
            .borrow()
            .iter()
            .find(|(k, _)| **k == *name)
            .map(|(_, v)| v.clone()),
        _ => None,
    }
}

fn set_attr(v: &Value, name: &str, value: Value) {
    if let Some(Object::Exception(e)) = v.as_object() {
        let mut attrs = e.attrs.borrow_mut();
        match attrs.iter_mut().find(|(k, _)| **k == *name) {
            Some(slot) => slot.1 = value,
            None => attrs.push((Rc::from(name), value)),
        }
    }
}

/// The sub-exceptions of a group (None for other values).
pub fn group_exceptions(interp: &Interpreter, v: &Value) -> Option<Vec<Value>> {
    if !is_group(interp, v) {
        return None;
    }
    match attr_of(v, "exceptions")?.as_object() {
        Some(Object::Tuple(t)) => Some(t.to_vec()),
        _ => None,
    }
}

fn tuple(items: impl Into<crate::tuple::Tuple>) -> Value {
    Value::obj(Object::Tuple(items.into()))
}

/// PySequence_Check for the values pyrite has: the built-in sequences and
/// instances of classes with `__getitem__` (dicts are mappings).
fn is_sequence(v: &Value) -> bool {
    match v.as_object() {
        Some(
            Object::List(_)
            | Object::Tuple(_)
            | Object::Str(_)
            | Object::Bytes(_)
            | Object::ByteArray(_)
            | Object::Range(_)
            | Object::BigRange(_),
        ) => true,
        Some(Object::Instance(i)) => i.typ.lookup_special("__getitem__").is_some(),
        _ => false,
    }
}

/// `BaseExceptionGroup.__new__` then `__init__`: a new group of type `t`
/// (or ExceptionGroup for `BaseExceptionGroup(...)` of only Exceptions).
pub fn new_group(
    interp: &mut Interpreter,
    t: &Rc<TypeObject>,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let [message, excs] = args else {
        return Err(interp.type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            args.len()
        )));
    };
    if !matches!(message.as_object(), Some(Object::Str(_))) {
        return Err(interp.type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            interp.type_name(message)
        )));
    }
    if !is_sequence(excs) {
        return Err(interp.type_error("second argument (exceptions) must be a sequence"));
    }
    let items = interp.collect_iterable(excs)?;
    if items.is_empty() {
        return Err(interp.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let exception = interp.types.exception("Exception");
    let mut nested_base = false;
    for (i, item) in items.iter().enumerate() {
        let Some(Object::Exception(e)) = item.as_object() else {
            return Err(interp.value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        };
        nested_base |= !e.typ.is_subtype(&exception);
    }
    let base_group = base_group_type(interp);
    let group = interp.types.exception("ExceptionGroup");
    let mut cls = t.clone();
    if Rc::ptr_eq(t, &group) {
        if nested_base {
            return Err(interp.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if Rc::ptr_eq(t, &base_group) {
        if !nested_base {
            cls = group;
        }
    } else if nested_base && t.is_subtype(&exception) {
        return Err(interp.type_error(format!("Cannot nest BaseExceptions in '{}'", t.name)));
    }
    if !kwargs.is_empty() {
        return Err(interp.type_error(format!("{}() takes no keyword arguments", cls.name)));
    }
    let exc = interp.exception(&cls, vec![message.clone(), excs.clone()]);
    set_attr(&exc, "message", message.clone());
    set_attr(&exc, "exceptions", tuple(items));
    Ok(exc)
}

/// The constructor hook for exception types: groups and their subclasses.
pub fn construct(
    interp: &mut Interpreter,
    t: &Rc<TypeObject>,
    args: &[Value],
    kwargs: &Kwargs,
) -> Option<PyResult<Value>> {
    if !is_group_type(interp, t) {
        return None;
    }
    Some(new_group(interp, t, args, kwargs))
}

/// `_PyExc_CreateExceptionGroup`: `BaseExceptionGroup(msg, excs)`.
fn create_group(interp: &mut Interpreter, msg: &str, excs: Value) -> PyResult<Value> {
    let t = base_group_type(interp);
    new_group(interp, &t, &[Value::str(msg), excs], &[])
}

/// `str(group)`: "msg (N sub-exceptions)".
pub fn group_str(interp: &mut Interpreter, v: &Value) -> Option<PyResult<String>> {
    let excs = group_exceptions(interp, v)?;
    let msg = attr_of(v, "message").unwrap_or(Value::None);
    Some(crate::format::str_of(interp, &msg).map(|m| {
        let n = excs.len();
        format!("{m} ({n} sub-exception{})", if n > 1 { "s" } else { "" })
    }))
}

/// The methods of group instances, bound (None for other names).
pub fn group_attr(interp: &Interpreter, v: &Value, name: &str) -> Option<Value> {
    if !is_group(interp, v) {
        return None;
    }
    let (name, func): (&'static str, BuiltinFn) = match name {
        "split" => ("split", split),
        "subgroup" => ("subgroup", subgroup),
        "derive" => ("derive", derive),
        _ => return None,
    };
    Some(Value::obj(Object::Builtin(Builtin {
        name,
        func,
        bound: Some(v.clone()),
    })))
}

/// Attributes of groups that cannot be assigned: Some(error) for those.
pub fn readonly_attr(interp: &Interpreter, v: &Value, name: &str) -> Option<PyErr> {
    (matches!(name, "message" | "exceptions") && is_group(interp, v))
        .then(|| interp.err("AttributeError", "readonly attribute"))
}

fn derive(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let [this, excs] = args else {
        return Err(interp.type_error(format!(
            "function takes exactly 1 argument ({} given)",
            args.len().saturating_sub(1)
        )));
    };
    let msg = attr_of(this, "message").unwrap_or(Value::None);
    let t = base_group_type(interp);
    new_group(interp, &t, &[msg, excs.clone()], &[])
}

/// How split/subgroup decide what matches.
enum Matcher {
    /// An exception type or a tuple of them.
    Type(Value),
    /// A Python function called with each exception.
    Predicate(Value),
    /// Leaves (not groups) that are one of these objects.
    Leaves(Vec<*const Object>),
}

fn matcher_of(interp: &Interpreter, v: &Value) -> PyResult<Matcher> {
    let is_exc_type =
        |v: &Value| matches!(v.as_object(), Some(Object::Type(t)) if t.kind == TypeKind::Exception);
    match v.as_object() {
        Some(Object::Function(_)) => return Ok(Matcher::Predicate(v.clone())),
        Some(Object::Type(_)) if is_exc_type(v) => return Ok(Matcher::Type(v.clone())),
        Some(Object::Tuple(items)) if items.iter().all(is_exc_type) => {
            return Ok(Matcher::Type(v.clone()))
        }
        _ => {}
    }
    Err(interp.type_error("expected a function, exception type or tuple of exception types"))
}

fn check_match(interp: &mut Interpreter, exc: &Value, m: &Matcher) -> PyResult<bool> {
    match m {
        Matcher::Type(t) => interp.exception_matches(exc, t),
        Matcher::Predicate(f) => {
            let r = interp.call(f, vec![exc.clone()], Vec::new())?;
            interp.is_true(&r)
        }
        Matcher::Leaves(ids) => Ok(match exc {
            Value::Obj(o) if !is_group(interp, exc) => ids.contains(&Rc::as_ptr(o)),
            _ => false,
        }),
    }
}

/// A group like `orig` (by `orig.derive(excs)`) with its traceback, cause,
/// context and a copy of its notes; None when `excs` is empty
/// (`exceptiongroup_subset`).
fn subset(interp: &mut Interpreter, orig: &Value, excs: Vec<Value>) -> PyResult<Option<Value>> {
    if excs.is_empty() {
        return Ok(None);
    }
    let derive = interp.get_attr(orig, &Value::str("derive"))?;
    let list = Value::obj(Object::List(RefCell::new(excs)));
    let eg = interp.call(&derive, vec![list], Vec::new())?;
    if !is_group(interp, &eg) {
        return Err(interp.type_error("derive must return an instance of BaseExceptionGroup"));
    }
    if let (Some(Object::Exception(o)), Some(Object::Exception(e))) =
        (orig.as_object(), eg.as_object())
    {
        *e.traceback.borrow_mut() = o.traceback.borrow().clone();
        *e.context.borrow_mut() = o.context.borrow().clone();
        *e.cause.borrow_mut() = o.cause.borrow().clone();
    }
    if let Some(notes) = attr_of(orig, "__notes__") {
        if is_sequence(&notes) {
            let copy = interp.collect_iterable(&notes)?;
            set_attr(
                &eg,
                "__notes__",
                Value::obj(Object::List(RefCell::new(copy))),
            );
        }
    }
    Ok(Some(eg))
}

/// The matching and (if `with_rest`) the other parts of `exc`
/// (`exceptiongroup_split_recursive`).
fn split_rec(
    interp: &mut Interpreter,
    exc: &Value,
    m: &Matcher,
    with_rest: bool,
    depth: usize,
) -> PyResult<(Option<Value>, Option<Value>)> {
    if check_match(interp, exc, m)? {
        return Ok((Some(exc.clone()), None));
    }
    let Some(excs) = group_exceptions(interp, exc) else {
        return Ok((None, with_rest.then(|| exc.clone())));
    };
    if depth >= MAX_DEPTH {
        return Err(interp.err(
            "RecursionError",
            "maximum recursion depth exceeded in exceptiongroup_split_recursive",
        ));
    }
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    for e in &excs {
        let (m_part, r_part) = split_rec(interp, e, m, with_rest, depth + 1)?;
        matched.extend(m_part);
        rest.extend(r_part);
    }
    let matched = subset(interp, exc, matched)?;
    let rest = if with_rest {
        subset(interp, exc, rest)?
    } else {
        None
    };
    Ok((matched, rest))
}

fn one_arg<'a>(interp: &Interpreter, name: &str, args: &'a [Value]) -> PyResult<&'a Value> {
    match args {
        [_, a] => Ok(a),
        _ => {
            let n = args.len().saturating_sub(1);
            Err(interp.type_error(format!("{name} expected 1 argument, got {n}")))
        }
    }
}

fn split(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let cond = one_arg(interp, "split", args)?;
    let m = matcher_of(interp, cond)?;
    let (matched, rest) = split_rec(interp, &args[0], &m, true, 0)?;
    Ok(tuple(vec![
        matched.unwrap_or(Value::None),
        rest.unwrap_or(Value::None),
    ]))
}

fn subgroup(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let cond = one_arg(interp, "subgroup", args)?;
    let m = matcher_of(interp, cond)?;
    let (matched, _) = split_rec(interp, &args[0], &m, false, 0)?;
    Ok(matched.unwrap_or(Value::None))
}

// ----- except* -------------------------------------------------------------

/// `check_except_star_type_valid`: what `except*` may name.
fn check_star_type(interp: &Interpreter, typ: &Value) -> PyResult<()> {
    let types: Vec<Value> = match typ.as_object() {
        Some(Object::Tuple(items)) => items.to_vec(),
        _ => vec![typ.clone()],
    };
    let valid =
        |v: &Value| matches!(v.as_object(), Some(Object::Type(t)) if t.kind == TypeKind::Exception);
    if !types.iter().all(valid) {
        return Err(interp
            .type_error("catching classes that do not inherit from BaseException is not allowed"));
    }
    let is_group_class =
        |v: &Value| matches!(v.as_object(), Some(Object::Type(t)) if is_group_type(interp, t));
    if types.iter().any(is_group_class) {
        return Err(interp.type_error(
            "catching ExceptionGroup with except* is not allowed. Use except instead.",
        ));
    }
    Ok(())
}

/// `CHECK_EG_MATCH`: the (rest, match) of `exc` against the `except*`
/// clause's `typ`; match is None when nothing matches (then rest is
/// meaningless).
pub fn eg_match(interp: &mut Interpreter, exc: &Value, typ: &Value) -> PyResult<(Value, Value)> {
    check_star_type(interp, typ)?;
    if exc.is_none() {
        return Ok((Value::None, Value::None));
    }
    if interp.exception_matches(exc, typ)? {
        if is_group(interp, exc) {
            return Ok((Value::None, exc.clone()));
        }
        // A naked exception: wrap it.
        let wrapped = create_group(interp, "", tuple(vec![exc.clone()]))?;
        return Ok((Value::None, wrapped));
    }
    if is_group(interp, exc) {
        let split = interp.get_attr(exc, &Value::str("split"))?;
        let pair = interp.call(&split, vec![typ.clone()], Vec::new())?;
        if let Some(Object::Tuple(t)) = pair.as_object() {
            if let [m, r] = &t[..] {
                return Ok((r.clone(), m.clone()));
            }
        }
        return Err(interp.type_error("split() must return a 2-tuple"));
    }
    Ok((Value::None, Value::None))
}

/// The leaves (non-group exceptions) of `exc`, as object addresses.
fn collect_leaves(interp: &Interpreter, exc: &Value, out: &mut Vec<*const Object>, depth: usize) {
    match group_exceptions(interp, exc) {
        Some(excs) if depth < MAX_DEPTH => {
            for e in &excs {
                collect_leaves(interp, e, out, depth + 1);
            }
        }
        Some(_) => {}
        None => {
            if let Value::Obj(o) = exc {
                out.push(Rc::as_ptr(o));
            }
        }
    }
}

fn same_object(a: &Option<Value>, b: &Option<Value>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => a.is(b),
        _ => false,
    }
}

/// Do `a` and `b` share traceback, cause and context (so `a` is `b` or a
/// part of it re-raised, not a new exception)? CPython 3.11 also compares
/// a `notes` field that is always NULL (notes live in `__dict__`), so
/// notes do not count.
fn same_metadata(a: &Value, b: &Value) -> bool {
    let (Some(Object::Exception(x)), Some(Object::Exception(y))) = (a.as_object(), b.as_object())
    else {
        return false;
    };
    let same_tb = {
        let (tx, ty) = (x.traceback.borrow(), y.traceback.borrow());
        tx.len() == ty.len()
            && tx
                .iter()
                .zip(ty.iter())
                .all(|((c1, i1), (c2, i2))| Rc::ptr_eq(c1, c2) && i1 == i2)
    };
    same_tb
        && same_object(&x.cause.borrow(), &y.cause.borrow())
        && same_object(&x.context.borrow(), &y.context.borrow())
}

/// `PREP_RERAISE_STAR`: what a try-except* raises at its end, from the
/// exception it caught (`orig`) and the list of exceptions its handlers
/// raised or re-raised (`_PyExc_PrepReraiseStar`); None for nothing.
pub fn prep_reraise_star(interp: &mut Interpreter, orig: &Value, excs: &Value) -> PyResult<Value> {
    let excs: Vec<Value> = match excs.as_object() {
        Some(Object::List(l)) => l.borrow().clone(),
        _ => Vec::new(),
    };
    if excs.is_empty() {
        return Ok(Value::None);
    }
    if !is_group(interp, orig) {
        // A naked exception was caught and wrapped: at most one handler ran.
        return Ok(excs[0].clone());
    }
    let mut raised = Vec::new();
    let mut reraised = Vec::new();
    for e in excs.into_iter().filter(|e| !e.is_none()) {
        if same_metadata(&e, orig) {
            reraised.push(e);
        } else {
            raised.push(e);
        }
    }
    // The part of orig whose leaves were re-raised keeps orig's nesting.
    let mut leaves = Vec::new();
    for e in &reraised {
        collect_leaves(interp, e, &mut leaves, 0);
    }
    let (kept, _) = split_rec(interp, orig, &Matcher::Leaves(leaves), false, 0)?;
    if raised.is_empty() {
        return Ok(kept.unwrap_or(Value::None));
    }
    raised.extend(kept);
    create_group(interp, "", Value::obj(Object::List(RefCell::new(raised))))
}
