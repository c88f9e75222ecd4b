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
        Ok(match v {
            Value::Null | Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Obj(o) => match &**o {
                Object::Str(s) => !s.as_str().is_empty(),
                Object::BigInt(_) => true,
                Object::Complex(re, im) => *re != 0.0 || *im != 0.0,
                Object::Bytes(b) => !b.is_empty(),
                Object::Tuple(t) => !t.is_empty(),
                Object::List(l) => !l.borrow().is_empty(),
                Object::Dict(d) => !d.borrow().is_empty(),
                Object::Range(r) => !r.is_empty(),
                _ => true,
            },
        })
    }

    /// `getattr(owner, name)`.
    pub fn get_attr(&mut self, owner: &Value, name: &Value) -> PyResult<Value> {
        let attr = crate::format::str_value(name);
        if let Some(o) = owner.as_object() {
            match o {
                Object::Module(m) => {
                    if let Some(v) = crate::eval::dict_get(&m.dict, name) {
                        return Ok(v);
                    }
                    return Err(self.err(
                        "AttributeError",
                        format!("module '{}' has no attribute '{attr}'", m.name),
                    ));
                }
                Object::Exception(e) => {
                    if attr == "args" {
                        return Ok(e.args.borrow().clone());
                    }
                    if let Some((_, v)) = e.attrs.borrow().iter().find(|(k, _)| **k == *attr) {
                        return Ok(v.clone());
                    }
                    match attr.as_str() {
                        "__cause__" => return Ok(e.cause.borrow().clone().unwrap_or(Value::None)),
                        "__context__" => {
                            return Ok(e.context.borrow().clone().unwrap_or(Value::None))
                        }
                        "__suppress_context__" => return Ok(Value::Bool(e.suppress_context.get())),
                        _ => {}
                    }
                    if let Some(v) = crate::builtins::errors::exception_attr(self, owner, &attr) {
                        return Ok(v);
                    }
                }
                Object::Function(f) => match attr.as_str() {
                    "__name__" => return Ok(f.name.borrow().clone()),
                    "__qualname__" => return Ok(f.qualname.borrow().clone()),
                    "__doc__" => return Ok(f.doc.clone()),
                    "__module__" => return Ok(f.module.clone()),
                    "__defaults__" => return Ok(f.defaults.clone().unwrap_or(Value::None)),
                    _ => {}
                },
                Object::Type(t) => {
                    if attr == "__name__" || attr == "__qualname__" {
                        return Ok(Value::str(&t.name));
                    }
                    if let Some(v) = t.dict.borrow().get_str(&attr) {
                        return Ok(v.clone());
                    }
                }
                _ => {}
            }
        }
        let typ = self.type_of(owner);
        if let Some(func) = crate::builtins::method(typ.kind, &attr) {
            return Ok(Value::obj(Object::Builtin(Builtin {
                name: func.0,
                func: func.1,
                bound: Some(owner.clone()),
            })));
        }
        Err(self.err(
            "AttributeError",
            format!("'{}' object has no attribute '{attr}'", typ.name),
        ))
    }

    /// `setattr(owner, name, value)`.
    pub fn set_attr(&mut self, owner: &Value, name: &Value, value: Value) -> PyResult<()> {
        let attr = crate::format::str_value(name);
        if let Some(o) = owner.as_object() {
            match o {
                Object::Module(m) => {
                    crate::eval::dict_set(&m.dict, name.clone(), value);
                    return Ok(());
                }
                Object::Exception(_) => {
                    crate::builtins::errors::set_exception_attr(owner, &attr, value);
                    return Ok(());
                }
                Object::Function(f) => match attr.as_str() {
                    "__name__" => {
                        *f.name.borrow_mut() = value;
                        return Ok(());
                    }
                    "__qualname__" => {
                        *f.qualname.borrow_mut() = value;
                        return Ok(());
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        Err(self.err(
            "AttributeError",
            format!(
                "'{}' object has no attribute '{attr}'",
                self.type_name(owner)
            ),
        ))
    }

    /// `iter(v)`.
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        let state = match v.as_object() {
            Some(Object::List(_)) => Iter::List {
                list: obj_rc(v),
                index: 0,
            },
            Some(Object::Tuple(_)) => Iter::Tuple {
                tuple: obj_rc(v),
                index: 0,
            },
            Some(Object::Range(r)) => Iter::Range {
                next: r.start,
                stop: r.stop,
                step: r.step,
            },
            Some(Object::Str(_)) => Iter::Str {
                s: obj_rc(v),
                byte: 0,
            },
            Some(Object::Dict(_)) => Iter::Dict {
                dict: obj_rc(v),
                index: 0,
                kind: DictIterKind::Keys,
            },
            Some(Object::Iter(_)) => return Ok(v.clone()),
            _ => {
                return Err(
                    self.type_error(format!("'{}' object is not iterable", self.type_name(v)))
                )
            }
        };
        Ok(Value::obj(Object::Iter(RefCell::new(state))))
    }

    /// `next(it)`, with None at the end.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        let Some(Object::Iter(state)) = it.as_object() else {
            return Err(self.type_error(format!(
                "'{}' object is not an iterator",
                self.type_name(it)
            )));
        };
        let mut st = state.borrow_mut();
        let item = match &mut *st {
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
                    *next += *step;
                    Some(Value::Int(v))
                } else {
                    None
                }
            }
            Iter::Str { s, byte } => match &**s {
                Object::Str(p) => {
                    let rest = &p.as_str()[*byte..];
                    rest.chars().next().map(|c| {
                        *byte += c.len_utf8();
                        Value::str(c.encode_utf8(&mut [0; 4]))
                    })
                }
                _ => None,
            },
            Iter::Dict { dict, index, kind } => match &**dict {
                Object::Dict(d) => {
                    let d = d.borrow();
                    let mut out = None;
                    while *index < d.positions() {
                        let pos = *index;
                        *index += 1;
                        if let Some((k, v)) = d.entry_at(pos) {
                            out = Some(match kind {
                                DictIterKind::Keys => k.clone(),
                                DictIterKind::Values => v.clone(),
                                DictIterKind::Items => Value::obj(Object::Tuple(
                                    vec![k.clone(), v.clone()].into_boxed_slice(),
                                )),
                            });
                            break;
                        }
                    }
                    out
                }
                _ => None,
            },
            Iter::Exhausted => None,
        };
        if item.is_none() {
            *st = Iter::Exhausted;
        }
        Ok(item)
    }

    /// All items of an iterable, in order.
    pub fn collect_iterable(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v.as_object() {
            Some(Object::List(l)) => return Ok(l.borrow().clone()),
            Some(Object::Tuple(t)) => return Ok(t.to_vec()),
            _ => {}
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }
}

fn obj_rc(v: &Value) -> Rc<Object> {
    match v {
        Value::Obj(o) => o.clone(),
        _ => Rc::new(Object::Tuple(Box::new([]))),
    }
}
