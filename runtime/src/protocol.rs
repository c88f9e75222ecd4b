//! The object protocols the evaluation loop relies on: truth, attributes,
//! iteration.

use std::cell::RefCell;
use std::rc::Rc;

use crate::error::PyResult;
use crate::object::{Builtin, DictIterKind, Iter, Object};
use crate::value::Value;
use crate::Interpreter;

impl Interpreter {
    /// `bool(v)`.
    pub fn is_true(&mut self, v: &Value) -> PyResult<bool> {
        if crate::class::is_instance(v) {
            return crate::class::instance_truth(self, v);
        }
        Ok(match v {
            Value::Null | Value::None => false,
            Value::Bool(b) => b.get(),
            Value::Int(i) => *i != 0,
            Value::Float(f) => f.get() != 0.0,
            Value::Obj(o) => match &**o {
                Object::Str(s) => !s.as_str().is_empty(),
                Object::BigInt(_) => true,
                Object::Complex(re, im) => *re != 0.0 || *im != 0.0,
                Object::Bytes(b) => !b.is_empty(),
                Object::Tuple(t) => !t.is_empty(),
                Object::List(l) => !l.borrow().is_empty(),
                Object::Dict(d) | Object::Set(d) => !d.borrow().is_empty(),
                Object::FrozenSet(d) => !d.is_empty(),
                Object::ByteArray(b) => !b.borrow().is_empty(),
                Object::DictView(..) => crate::methods::dict::view_len(v) != 0,
                Object::Range(r) => !r.is_empty(),
                Object::BigRange(r) => !num_traits::Zero::is_zero(&r.len),
                Object::MemoryView(m) => crate::methods::memoryview::truth(m),
                _ => true,
            },
        })
    }

    /// `getattr(owner, name)`.
    pub fn get_attr(&mut self, owner: &Value, name: &Value) -> PyResult<Value> {
        let attr = crate::attr::name_str(name);
        if let Some(r) = crate::class::get_attr_hook(self, owner, name) {
            return r;
        }
        if let Some(o) = owner.as_object() {
            match o {
                Object::Module(m) => {
                    if attr == "__dict__" {
                        return Ok(Value::Obj(m.dict.clone()));
                    }
                    if let Some(v) = crate::eval::dict_get(&m.dict, name) {
                        return Ok(v);
                    }
                    return Err(self.err(
                        "AttributeError",
                        format!("module '{}' has no attribute '{attr}'", m.name),
                    ));
                }
                Object::Exception(e) => {
                    let class_attr = |interp: &mut Self, data| {
                        crate::attr::exception_class_attr(interp, owner, &e.typ, attr, data)
                    };
                    // Properties of the exception's class come first, its
                    // other class attributes after the instance's own.
                    if let Some(r) = class_attr(self, true) {
                        return r;
                    }
                    if attr == "args" {
                        return Ok(e.args.borrow().clone());
                    }
                    if let Some((_, v)) = e.attrs.borrow().iter().find(|(k, _)| **k == *attr) {
                        return Ok(v.clone());
                    }
                    match attr {
                        "__cause__" => return Ok(e.cause.borrow().clone().unwrap_or(Value::None)),
                        "__context__" => {
                            return Ok(e.context.borrow().clone().unwrap_or(Value::None))
                        }
                        "__suppress_context__" => return Ok(Value::bool(e.suppress_context.get())),
                        _ => {}
                    }
                    if let Some(r) = class_attr(self, false) {
                        return r;
                    }
                    if let Some(v) = crate::builtins::errors::exception_attr(self, owner, attr) {
                        return Ok(v);
                    }
                }
                Object::Function(f) => {
                    if let Some(v) = crate::function::function_attr(self, f, attr) {
                        return Ok(v);
                    }
                }
                Object::Code(c) => {
                    if let Some(v) = crate::function::code_attr(c, attr) {
                        return Ok(v);
                    }
                }
                Object::Tuple(items) => {
                    if let Some(v) = struct_seq_field(o, items, attr) {
                        return Ok(v);
                    }
                }
                Object::Generator(_) => {
                    if let Some(v) = crate::generator::attr(owner, attr) {
                        return Ok(v);
                    }
                }
                Object::Frame(gen) => {
                    if let Some(v) = self.frame_attr(gen, attr) {
                        return Ok(v);
                    }
                }
                Object::Traceback(tb) => {
                    if let Some(v) = crate::tbobject::attr(tb, attr) {
                        return Ok(v);
                    }
                }
                Object::MemoryView(m) => {
                    if let Some(r) = crate::methods::memoryview::attr(self, m, attr) {
                        return r;
                    }
                }
                Object::Range(r) => match attr {
                    "start" => return Ok(Value::Int(r.start)),
                    "stop" => return Ok(Value::Int(r.stop)),
                    "step" => return Ok(Value::Int(r.step)),
                    _ => {}
                },
                Object::BigRange(r) => match attr {
                    "start" => return Ok(Value::from_bigint(r.start.clone())),
                    "stop" => return Ok(Value::from_bigint(r.stop.clone())),
                    "step" => return Ok(Value::from_bigint(r.step.clone())),
                    _ => {}
                },
                _ => {}
            }
        }
        if let Some(v) = data_attr(owner, attr) {
            return Ok(v);
        }
        let typ = self.type_of(owner);
        if let Some(func) = crate::builtins::method(typ.kind, attr) {
            return Ok(Value::obj(Object::Builtin(Builtin {
                name: func.0,
                func: func.1,
                bound: Some(owner.clone()),
            })));
        }
        // The static and class methods of a built-in type (`str.maketrans`,
        // `int.from_bytes`) wait unbound in its dict, or a base's; an
        // instance reaches them too, as in CPython.
        if let Some(f) = typ.lookup(attr) {
            if matches!(f.as_object(), Some(Object::Builtin(b)) if b.bound.is_none()) {
                return Ok(f);
            }
        }
        if attr == "__class__" {
            return Ok(Value::obj(Object::Type(typ)));
        }
        let msg = match owner.as_object() {
            Some(Object::Type(t)) => format!("type object '{}' has no attribute '{attr}'", t.name),
            _ => format!("'{}' object has no attribute '{attr}'", typ.name),
        };
        Err(self.err("AttributeError", msg))
    }

    /// `setattr(owner, name, value)`.
    pub fn set_attr(&mut self, owner: &Value, name: &Value, value: Value) -> PyResult<()> {
        if let Some(r) = crate::attr::set_attr(self, owner, name, Some(value.clone())) {
            return r;
        }
        let attr = crate::format::str_value(name);
        if let Some(o) = owner.as_object() {
            match o {
                Object::Module(m) => {
                    crate::eval::dict_set(&m.dict, name.clone(), value);
                    return Ok(());
                }
                Object::Exception(e) => {
                    if let Some(r) =
                        crate::attr::exception_descr_set(self, owner, &e.typ, &attr, value.clone())
                    {
                        return r;
                    }
                    return crate::builtins::errors::set_exception_attr(self, owner, &attr, value);
                }
                Object::Function(f) => {
                    return crate::function::set_function_attr(self, f, &attr, name, value);
                }
                Object::Generator(_) => {
                    if let Some(r) = crate::generator::set_attr(self, owner, &attr, &value) {
                        return r;
                    }
                }
                _ => {}
            }
        }
        if attr == "__class__" {
            return Err(self.type_error(
                "__class__ assignment only supported for mutable types or ModuleType subclasses",
            ));
        }
        Err(self.attr_write_error(owner, &attr))
    }

    /// The error for setting or deleting attribute `attr` of a built-in
    /// value that cannot take it, with CPython's message for each case.
    pub fn attr_write_error(&self, owner: &Value, attr: &str) -> crate::error::PyErr {
        let typ = self.type_of(owner);
        if let Some(Object::Type(t)) = owner.as_object() {
            return self.type_error(format!(
                "cannot set '{attr}' attribute of immutable type '{}'",
                t.name
            ));
        }
        let is_view_attr = typ.kind == crate::types::TypeKind::MemoryView
            && crate::methods::memoryview::ATTRS.contains(&attr);
        let msg = if data_attr(owner, attr).is_some() || is_view_attr {
            if typ.kind == crate::types::TypeKind::Slice {
                "readonly attribute".to_string()
            } else {
                format!(
                    "attribute '{attr}' of '{}' objects is not writable",
                    typ.name
                )
            }
        } else if crate::builtins::method(typ.kind, attr).is_some() {
            format!("'{}' object attribute '{attr}' is read-only", typ.name)
        } else {
            format!("'{}' object has no attribute '{attr}'", typ.name)
        };
        self.err("AttributeError", msg)
    }

    /// `iter(v)`.
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        if crate::class::is_instance(v) {
            if let Some(b) = crate::class::base_for(v, "__iter__") {
                // An iterator (a subclass of map, ...) is its own iterator.
                if matches!(b.as_object(), Some(Object::Iter(_))) {
                    return Ok(v.clone());
                }
                return self.get_iter(&b);
            }
            return match crate::class::call_dunder(self, v, "__iter__", Vec::new()) {
                Some(r) => r,
                None if crate::class::has_dunder(v, "__getitem__") => {
                    let state = Iter::GetItem {
                        obj: v.clone(),
                        index: 0,
                    };
                    Ok(Value::obj(Object::Iter(RefCell::new(state))))
                }
                None => {
                    Err(self.type_error(format!("'{}' object is not iterable", self.type_name(v))))
                }
            };
        }
        let state = match v.as_object() {
            Some(Object::List(_)) => Iter::List {
                list: obj_rc(v),
                index: 0,
            },
            Some(Object::Tuple(_)) => Iter::Tuple {
                tuple: obj_rc(v),
                index: 0,
            },
            Some(Object::Range(r)) => crate::range::iter_small(r),
            Some(Object::BigRange(r)) => r.iter(),
            Some(Object::Str(_)) => Iter::Str {
                s: obj_rc(v),
                byte: 0,
            },
            Some(Object::Dict(d)) => Iter::DictSized {
                dict: obj_rc(v),
                index: 0,
                kind: DictIterKind::Keys,
                len: d.borrow().len(),
            },
            Some(Object::DictView(dict, kind)) => Iter::DictSized {
                dict: dict.clone(),
                index: 0,
                kind: *kind,
                len: match &**dict {
                    Object::Dict(d) => d.borrow().len(),
                    _ => 0,
                },
            },
            Some(Object::Set(d)) => {
                let d = d.borrow();
                Iter::Set {
                    set: obj_rc(v),
                    items: crate::methods::set::ordered_items(&d),
                    index: 0,
                    len: d.len(),
                }
            }
            Some(Object::FrozenSet(d)) => Iter::Set {
                set: obj_rc(v),
                items: crate::methods::set::ordered_items(d),
                index: 0,
                len: d.len(),
            },
            Some(Object::Bytes(b)) => Iter::Seq {
                items: b.iter().map(|&x| Value::Int(x as i64)).collect(),
                index: 0,
                name: "bytes_iterator",
            },
            Some(Object::ByteArray(b)) => Iter::Seq {
                items: b.borrow().iter().map(|&x| Value::Int(x as i64)).collect(),
                index: 0,
                name: "bytearray_iterator",
            },
            Some(Object::MemoryView(m)) => Iter::Seq {
                items: crate::methods::memoryview::iter_items(self, m)?,
                index: 0,
                name: "memory_iterator",
            },
            Some(Object::Iter(_)) => return Ok(v.clone()),
            Some(Object::Generator(_) | Object::Awaiter(_)) if self.is_iterator(v) => {
                return Ok(v.clone())
            }
            _ => {
                return Err(
                    self.type_error(format!("'{}' object is not iterable", self.type_name(v)))
                )
            }
        };
        Ok(Value::obj(Object::Iter(RefCell::new(state))))
    }

    /// `next(it)`, with None at the end (CPython's `PyIter_Next`): a
    /// StopIteration the iterator raises ends the iteration too, whatever
    /// its value.
    #[inline]
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match self.iter_next(it) {
            Err(e) if self.is_instance_of(&e.0, "StopIteration") => Ok(None),
            r => r,
        }
    }

    /// One step of an iterator as its type's `tp_iternext` takes it: None
    /// when it ends without an exception, or the error it raised, which
    /// may be a StopIteration carrying a value (an instance's `__next__`,
    /// a generator that returns something, the function `map` calls).
    /// `next()`, `__next__()` and the adapters (map, filter, zip,
    /// enumerate) pass such a StopIteration on, as CPython's do; loops and
    /// `list()` end on it ([`Interpreter::next`]).
    pub fn iter_next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if let Some(Object::Iter(state)) = it.as_object() {
            return self.next_builtin(state);
        }
        if crate::class::is_instance(it) {
            // A subclass of map, zip, ... that keeps the built-in __next__.
            if let Some(b) = crate::class::base_for(it, "__next__") {
                if matches!(b.as_object(), Some(Object::Iter(_))) {
                    return self.iter_next(&b);
                }
            }
            return match crate::class::call_dunder(self, it, "__next__", Vec::new()) {
                Some(r) => r.map(Some),
                None => Err(self.type_error(format!(
                    "'{}' object is not an iterator",
                    self.type_name(it)
                ))),
            };
        }
        match it.as_object() {
            Some(Object::Generator(g)) if g.kind == crate::generator::Kind::Generator => {
                match self.resume_generator(it, Value::None, None)? {
                    crate::generator::Resumed::Yielded(v) => Ok(Some(v)),
                    crate::generator::Resumed::Returned(v) if v.is_none() => Ok(None),
                    crate::generator::Resumed::Returned(v) => Err(self.stop_iteration(v)),
                }
            }
            Some(Object::Awaiter(_)) if self.is_iterator(it) => {
                match self.awaiter_send(it, Value::None)? {
                    crate::generator::Resumed::Yielded(v) => Ok(Some(v)),
                    crate::generator::Resumed::Returned(v) if v.is_none() => Ok(None),
                    crate::generator::Resumed::Returned(v) => Err(self.stop_iteration(v)),
                }
            }
            _ => Err(self.type_error(format!(
                "'{}' object is not an iterator",
                self.type_name(it)
            ))),
        }
    }

    /// One step of a built-in iterator; a StopIteration raised by a
    /// callback comes out as an error (`yield from` takes its value).
    #[inline]
    pub fn next_builtin(&mut self, state: &RefCell<Iter>) -> PyResult<Option<Value>> {
        // Iterators that call back into Python (or into other iterators)
        // must not hold the borrow of their state while doing so: a
        // callback may use this very iterator.
        let adapter = match &*state.borrow() {
            Iter::Enumerate { it, .. } => Some(Adapter::Enumerate(it.clone())),
            Iter::Zip { iters, strict } => Some(Adapter::Zip(iters.clone(), *strict)),
            Iter::Map { func, iters } => Some(Adapter::Map(func.clone(), iters.clone())),
            Iter::Filter { func, it } => Some(Adapter::Filter(func.clone(), it.clone())),
            Iter::Callable { func, sentinel } => {
                Some(Adapter::Callable(func.clone(), sentinel.clone()))
            }
            Iter::GetItem { obj, index } => Some(Adapter::GetItem(obj.clone(), *index)),
            _ => None,
        };
        let item = match adapter {
            Some(a) => self.next_adapter(state, a)?,
            None => self.next_simple(state)?,
        };
        if item.is_none() {
            *state.borrow_mut() = Iter::Exhausted;
        }
        Ok(item)
    }

    /// One step of an iterator over a built-in container (no callbacks).
    fn next_simple(&mut self, state: &RefCell<Iter>) -> PyResult<Option<Value>> {
        let mut st = state.borrow_mut();
        Ok(match &mut *st {
            Iter::List { list, index } => match &**list {
                Object::List(l) => {
                    let l = l.borrow();
                    let v = l.get(*index).cloned();
                    *index += 1;
                    v
                }
                _ => None,
            },
            Iter::Tuple { tuple, index } => match &**tuple {
                Object::Tuple(t) => {
                    let v = t.get(*index).cloned();
                    *index += 1;
                    v
                }
                _ => None,
            },
            Iter::Range { next, stop, step } => {
                if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                    let v = *next;
                    // Past i64's end the range is over.
                    *next = next.checked_add(*step).unwrap_or(*stop);
                    Some(Value::Int(v))
                } else {
                    None
                }
            }
            Iter::LongRange(r) => r.next_item(),
            Iter::Str { s, byte } => match &**s {
                Object::Str(p) => {
                    let rest = p.as_str().get(*byte..).unwrap_or("");
                    rest.chars().next().map(|c| {
                        *byte += c.len_utf8();
                        Value::str(c.encode_utf8(&mut [0; 4]))
                    })
                }
                _ => None,
            },
            Iter::Dict { dict, index, kind } => dict_step(dict, index, *kind),
            Iter::DictSized {
                dict,
                index,
                kind,
                len,
            } => {
                if let Object::Dict(d) = &**dict {
                    if d.borrow().len() != *len {
                        // CPython keeps raising on later calls too.
                        *len = usize::MAX;
                        return Err(
                            self.err("RuntimeError", "dictionary changed size during iteration")
                        );
                    }
                }
                dict_step(dict, index, *kind)
            }
            Iter::Set {
                set,
                items,
                index,
                len,
            } => {
                let now = match &**set {
                    Object::Set(d) => d.borrow().len(),
                    _ => *len,
                };
                if now != *len {
                    *len = usize::MAX;
                    return Err(self.err("RuntimeError", "Set changed size during iteration"));
                }
                let v = items.get(*index).cloned();
                *index += 1;
                v
            }
            Iter::Seq { items, index, .. } => {
                let v = items.get(*index).cloned();
                *index += 1;
                v
            }
            Iter::ListReversed { list, index } => match &**list {
                Object::List(l) => {
                    let l = l.borrow();
                    // The list may have shrunk since the last step.
                    if *index == 0 || *index > l.len() {
                        None
                    } else {
                        *index -= 1;
                        l.get(*index).cloned()
                    }
                }
                _ => None,
            },
            _ => None,
        })
    }

    /// One step of an iterator that calls other iterators or Python code.
    fn next_adapter(&mut self, state: &RefCell<Iter>, a: Adapter) -> PyResult<Option<Value>> {
        match a {
            Adapter::Enumerate(it) => {
                let Some(item) = self.iter_next(&it)? else {
                    return Ok(None);
                };
                let count = match &mut *state.borrow_mut() {
                    Iter::Enumerate { count, .. } => {
                        let c = count.clone();
                        *count = match &c {
                            Value::Int(i) => match i.checked_add(1) {
                                Some(n) => Value::Int(n),
                                None => Value::from_bigint(num_bigint::BigInt::from(*i) + 1),
                            },
                            Value::Obj(o) => match &**o {
                                Object::BigInt(b) => Value::from_bigint(b + 1),
                                _ => c.clone(),
                            },
                            _ => c.clone(),
                        };
                        c
                    }
                    _ => Value::None,
                };
                Ok(Some(tuple([count, item])))
            }
            Adapter::Zip(iters, strict) => self.zip_step(&iters, strict),
            Adapter::Map(func, iters) => {
                let mut args = Vec::with_capacity(iters.len());
                for it in iters.iter() {
                    match self.iter_next(it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                self.call(&func, args, Vec::new()).map(Some)
            }
            Adapter::Filter(func, it) => loop {
                let Some(item) = self.iter_next(&it)? else {
                    return Ok(None);
                };
                let keep = if func.is_none()
                    || matches!(func.as_object(), Some(Object::Type(t)) if t.kind == crate::types::TypeKind::Bool)
                {
                    self.is_true(&item)?
                } else {
                    let r = self.call(&func, vec![item.clone()], Vec::new())?;
                    self.is_true(&r)?
                };
                if keep {
                    return Ok(Some(item));
                }
            },
            Adapter::Callable(func, sentinel) => {
                // A StopIteration from the callable ends the iteration
                // without its value (CPython's calliter_iternext).
                let v = match self.call(&func, Vec::new(), Vec::new()) {
                    Err(e) if self.is_instance_of(&e.0, "StopIteration") => return Ok(None),
                    r => r?,
                };
                if v.is(&sentinel) || {
                    let eq = crate::ops::compare(self, 2, &sentinel, &v)?;
                    self.is_true(&eq)?
                } {
                    Ok(None)
                } else {
                    Ok(Some(v))
                }
            }
            Adapter::GetItem(obj, index) => {
                let got =
                    crate::class::call_dunder(self, &obj, "__getitem__", vec![Value::Int(index)]);
                match got {
                    Some(Ok(v)) => {
                        if let Iter::GetItem { index, .. } = &mut *state.borrow_mut() {
                            *index += 1;
                        }
                        Ok(Some(v))
                    }
                    Some(Err(e)) => {
                        let index_error = self.types.exception("IndexError");
                        let stop = self.types.exception("StopIteration");
                        let t = self.type_of(&e.0);
                        if t.is_subtype(&index_error) || t.is_subtype(&stop) {
                            Ok(None)
                        } else {
                            Err(e)
                        }
                    }
                    None => Ok(None),
                }
            }
        }
    }

    /// One step of `zip`, with `strict=True`'s length checks (which, as
    /// CPython's, take a StopIteration from an argument as its end; a
    /// plain zip passes it on).
    fn zip_step(&mut self, iters: &[Value], strict: bool) -> PyResult<Option<Value>> {
        let mut items = Vec::with_capacity(iters.len());
        for (i, it) in iters.iter().enumerate() {
            let item = if strict {
                self.next(it)?
            } else {
                self.iter_next(it)?
            };
            match item {
                Some(v) => items.push(v),
                None if !strict => return Ok(None),
                None if i > 0 => {
                    let plural = if i == 1 { " " } else { "s 1-" };
                    return Err(self.value_error(format!(
                        "zip() argument {} is shorter than argument{plural}{i}",
                        i + 1
                    )));
                }
                None => {
                    for (j, other) in iters.iter().enumerate().skip(1) {
                        if self.next(other)?.is_some() {
                            let plural = if j == 1 { " " } else { "s 1-" };
                            return Err(self.value_error(format!(
                                "zip() argument {} is longer than argument{plural}{j}",
                                j + 1
                            )));
                        }
                    }
                    return Ok(None);
                }
            }
        }
        if items.is_empty() {
            return Ok(None);
        }
        Ok(Some(tuple(items)))
    }

    /// All items of an iterable, in order.
    pub fn collect_iterable(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v.as_object() {
            Some(Object::List(l)) => return Ok(l.borrow().clone()),
            Some(Object::Tuple(t)) => return Ok(t.to_vec()),
            _ => {}
        }
        // A range says how long it is: a list of ten billion of them is
        // CPython's MemoryError at once, not after the memory runs out.
        if let Some(Object::Range(r)) = v.as_object() {
            let n = usize::try_from(r.len_u64()).unwrap_or(usize::MAX);
            self.check_room(n.saturating_mul(std::mem::size_of::<Value>()))?;
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            // Growth that the allocator refuses is a MemoryError, not an
            // abort.
            if out.len() == out.capacity() && out.try_reserve(1).is_err() {
                return Err(self.err("MemoryError", ""));
            }
            out.push(x);
        }
        Ok(out)
    }
}

thread_local! {
    /// Tuples that stand for CPython's struct sequences (sys.version_info,
    /// sys.float_info, ...), with their field names and type name. A side
    /// table rather than an Object variant for now: they index, compare
    /// and unpack as tuples, `.major` etc. read a field and their repr is
    /// CPython's (`sys.version_info(major=3, ...)`); their type is still
    /// tuple.
    static STRUCT_SEQS: RefCell<Vec<StructSeqEntry>> = const { RefCell::new(Vec::new()) };
}

type StructSeqEntry = (std::rc::Weak<Object>, &'static [&'static str], &'static str);

/// A struct-sequence-like tuple with named fields; `name` is the qualified
/// type name its repr shows (`posix.uname_result`).
pub fn struct_seq(items: Vec<Value>, fields: &'static [&'static str], name: &'static str) -> Value {
    let t = Rc::new(Object::Tuple(items.into()));
    STRUCT_SEQS.with(|s| {
        let mut s = s.borrow_mut();
        s.retain(|(w, _, _)| w.strong_count() > 0);
        s.push((Rc::downgrade(&t), fields, name));
    });
    Value::Obj(t)
}

/// The field names and type name of a tuple registered by `struct_seq`.
pub fn struct_seq_info(o: &Object) -> Option<(&'static [&'static str], &'static str)> {
    STRUCT_SEQS.with(|s| {
        s.borrow()
            .iter()
            .find(|(w, _, _)| std::ptr::eq(w.as_ptr(), o))
            .map(|(_, f, n)| (*f, *n))
    })
}

/// The field `attr` of a tuple registered by `struct_seq`.
fn struct_seq_field(o: &Object, items: &[Value], attr: &str) -> Option<Value> {
    let (fields, _) = struct_seq_info(o)?;
    let i = fields.iter().position(|f| *f == attr)?;
    items.get(i).cloned()
}

/// Data attributes of built-in numbers and slices: `real`, `imag`,
/// `numerator`, `denominator`, `start`, `stop`, `step`.
fn data_attr(owner: &Value, attr: &str) -> Option<Value> {
    let int_of = |v: &Value| match v {
        Value::Bool(b) => Value::Int(b.get() as i64),
        other => other.clone(),
    };
    match (owner, attr) {
        (Value::Int(_) | Value::Bool(_), "real" | "numerator") => Some(int_of(owner)),
        (Value::Int(_) | Value::Bool(_), "imag") => Some(Value::Int(0)),
        (Value::Int(_) | Value::Bool(_), "denominator") => Some(Value::Int(1)),
        (Value::Float(_), "real") => Some(owner.clone()),
        (Value::Float(_), "imag") => Some(Value::float(0.0)),
        (Value::Obj(o), _) => match (&**o, attr) {
            (Object::BigInt(_), "real" | "numerator") => Some(owner.clone()),
            (Object::BigInt(_), "imag") => Some(Value::Int(0)),
            (Object::BigInt(_), "denominator") => Some(Value::Int(1)),
            (Object::Complex(re, _), "real") => Some(Value::float(*re)),
            (Object::Complex(_, im), "imag") => Some(Value::float(*im)),
            (Object::Slice(start, _, _), "start") => Some(start.clone()),
            (Object::Slice(_, stop, _), "stop") => Some(stop.clone()),
            (Object::Slice(_, _, step), "step") => Some(step.clone()),
            (Object::WeakRef(w), "__callback__") => Some(w.callback()),
            _ => None,
        },
        _ => None,
    }
}

/// The state an adapter iterator needs for one step, cloned out of its
/// RefCell so that no borrow is held across calls.
enum Adapter {
    Enumerate(Value),
    Zip(Rc<[Value]>, bool),
    Map(Value, Rc<[Value]>),
    Filter(Value, Value),
    Callable(Value, Value),
    GetItem(Value, i64),
}

fn tuple(items: impl Into<crate::tuple::Tuple>) -> Value {
    Value::obj(Object::Tuple(items.into()))
}

/// The next live entry of a dict at or after position `index`.
fn dict_step(dict: &Rc<Object>, index: &mut usize, kind: DictIterKind) -> Option<Value> {
    let Object::Dict(d) = &**dict else {
        return None;
    };
    let d = d.borrow();
    while *index < d.positions() {
        let pos = *index;
        *index += 1;
        if let Some((k, v)) = d.entry_at(pos) {
            return Some(match kind {
                DictIterKind::Keys => k.clone(),
                DictIterKind::Values => v.clone(),
                DictIterKind::Items => tuple([k.clone(), v.clone()]),
            });
        }
    }
    None
}

fn obj_rc(v: &Value) -> Rc<Object> {
    match v {
        Value::Obj(o) => o.clone(),
        _ => Rc::new(Object::Tuple([].into())),
    }
}
