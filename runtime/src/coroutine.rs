//! Coroutines and the `await` protocol (PEP 492).
//!
//! A coroutine is a `Generator` of kind `Coroutine` (see generator.rs,
//! which resumes, throws into and closes all three kinds). This module has
//! what only awaiting needs: turning an object into the iterator `await`
//! drives (CPython's `_PyCoro_GetAwaitableIter`), the SEND step of an
//! `await`/`yield from` loop (`PyIter_Send`), the other async opcodes
//! (GET_AITER, GET_ANEXT, BEFORE_ASYNC_WITH), the methods of coroutines and
//! of `coroutine_wrapper` (what `coro.__await__()` returns), and the
//! small awaitable objects the runtime hands out (`Awaiter`), whose async
//! generator variants are driven by async_gen.rs.

use std::cell::Cell;
use std::rc::Rc;

use crate::error::PyResult;
use crate::generator::{gen_of, Kind, Resumed};
use crate::object::{BuiltinFn, Object};
use crate::value::Value;
use crate::Interpreter;

/// Where an `asend`/`athrow` awaitable is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AwaitState {
    Init,
    Iter,
    Closed,
}

/// The awaitables and iterators the runtime makes for coroutines and async
/// generators.
pub enum Awaiter {
    /// `coro.__await__()`: an iterator over the coroutine.
    CoroWrapper(Value),
    /// `agen.__anext__()` and `agen.asend(value)`.
    ASend {
        gen: Value,
        value: Value,
        state: Cell<AwaitState>,
    },
    /// `agen.athrow(...)` (its arguments) and `agen.aclose()` (None).
    AThrow {
        gen: Value,
        args: Option<Vec<Value>>,
        state: Cell<AwaitState>,
    },
    /// `anext(aiter, default)`.
    ANext { awaitable: Value, default: Value },
    /// A value an async generator yields (ASYNC_GEN_WRAP), told apart from
    /// what its awaits pass up to the event loop.
    Wrapped(Value),
}

impl Awaiter {
    /// CPython's name for this object's type.
    pub fn type_name(&self) -> &'static str {
        match self {
            Awaiter::CoroWrapper(_) => "coroutine_wrapper",
            Awaiter::ASend { .. } => "async_generator_asend",
            Awaiter::AThrow { .. } => "async_generator_athrow",
            Awaiter::ANext { .. } => "anext_awaitable",
            Awaiter::Wrapped(_) => "async_generator_wrapped_value",
        }
    }
}

/// Every `Awaiter::type_name`, for creating their type objects.
pub const AWAITER_TYPE_NAMES: &[&str] = &[
    "coroutine_wrapper",
    "async_generator_asend",
    "async_generator_athrow",
    "anext_awaitable",
    "async_generator_wrapped_value",
];

fn awaiter_of(v: &Value) -> Option<&Awaiter> {
    match v.as_object() {
        Some(Object::Awaiter(a)) => Some(a),
        _ => None,
    }
}

fn kind_of(v: &Value) -> Option<Kind> {
    gen_of(v).map(|g| g.kind)
}

/// A native coroutine, or a generator made by a `@types.coroutine`
/// function: what `await` drives directly.
fn is_coroutine(v: &Value) -> bool {
    match gen_of(v) {
        Some(g) => g.kind == Kind::Coroutine || g.is_iterable_coroutine(),
        None => false,
    }
}

/// One of the runtime's awaitables whose `__await__` returns itself.
fn awaits_itself(v: &Value) -> bool {
    matches!(
        awaiter_of(v),
        Some(Awaiter::ASend { .. } | Awaiter::AThrow { .. } | Awaiter::ANext { .. })
    )
}

/// Does `type(v)` implement `__await__` (CPython's `am_await` slot)?
fn has_await(v: &Value) -> bool {
    kind_of(v) == Some(Kind::Coroutine)
        || awaits_itself(v)
        || crate::class::has_dunder(v, "__await__")
}

/// Does `type(v)` implement `__anext__` (`am_anext`)?
fn has_anext(v: &Value) -> bool {
    kind_of(v) == Some(Kind::AsyncGenerator) || crate::class::has_dunder(v, "__anext__")
}

impl Interpreter {
    /// Is `v` an iterator (has `__next__`; CPython's `PyIter_Check`)?
    pub fn is_iterator(&self, v: &Value) -> bool {
        match v.as_object() {
            Some(Object::Iter(_)) => true,
            Some(Object::Generator(g)) => g.kind == Kind::Generator,
            Some(Object::Awaiter(a)) => !matches!(a, Awaiter::Wrapped(_)),
            _ => crate::class::has_dunder(v, "__next__"),
        }
    }

    /// The iterator `await o` drives (CPython's `_PyCoro_GetAwaitableIter`).
    pub fn awaitable_iter(&mut self, o: &Value) -> PyResult<Value> {
        if is_coroutine(o) || awaits_itself(o) {
            return Ok(o.clone());
        }
        if let Some(r) = crate::class::call_dunder(self, o, "__await__", Vec::new()) {
            let it = r?;
            if is_coroutine(&it) {
                return Err(self.type_error("__await__() returned a coroutine"));
            }
            if !self.is_iterator(&it) {
                return Err(self.type_error(format!(
                    "__await__() returned non-iterator of type '{}'",
                    self.type_name(&it)
                )));
            }
            return Ok(it);
        }
        Err(self.type_error(format!(
            "object {} can't be used in 'await' expression",
            self.type_name(o)
        )))
    }

    /// GET_AWAITABLE: `where_` is 1 after `__aenter__`, 2 after
    /// `__aexit__`, 0 for an `await` expression.
    pub fn get_awaitable(&mut self, o: &Value, where_: u32) -> PyResult<Value> {
        let it = match self.awaitable_iter(o) {
            Ok(it) => it,
            // After __aenter__/__aexit__, a type without __await__ gets a
            // message naming the method.
            Err(_) if where_ != 0 && !has_await(o) => {
                let method = if where_ == 1 {
                    "__aenter__"
                } else {
                    "__aexit__"
                };
                return Err(self.type_error(format!(
                    "'async with' received an object from {method} that does not implement __await__: {}",
                    self.type_name(o)
                )));
            }
            Err(e) => return Err(e),
        };
        if kind_of(&it) == Some(Kind::Coroutine) {
            if let Some(g) = gen_of(&it) {
                if g.delegate().is_some() {
                    return Err(self.err("RuntimeError", "coroutine is being awaited already"));
                }
            }
        }
        Ok(it)
    }

    /// SEND: one step of `receiver` in an `await`/`yield from` loop, with
    /// a StopIteration turned into `Returned` (CPython's `PyIter_Send`).
    pub fn iter_send(&mut self, receiver: &Value, value: Value) -> PyResult<Resumed> {
        match receiver.as_object() {
            Some(Object::Generator(g)) if g.kind != Kind::AsyncGenerator => {
                return self.resume_generator(receiver, value, None)
            }
            Some(Object::Awaiter(_)) => return self.awaiter_send(receiver, value),
            Some(Object::Iter(state)) if value.is_none() => {
                return match self.next_builtin(state) {
                    Ok(Some(v)) => Ok(Resumed::Yielded(v)),
                    Ok(None) => Ok(Resumed::Returned(Value::None)),
                    // A StopIteration escaping the iterator (from the
                    // function `map` calls, say) ends it with its value.
                    Err(e) => self.as_resumed(Err(e)),
                };
            }
            _ => {}
        }
        // None goes to __next__ when there is one, anything else to send().
        let next = if value.is_none() {
            crate::class::call_dunder(self, receiver, "__next__", Vec::new())
        } else {
            None
        };
        let r = match next {
            Some(r) => r,
            None => {
                let send = self.get_attr(receiver, &Value::str("send"))?;
                self.call(&send, vec![value], Vec::new())
            }
        };
        self.as_resumed(r)
    }

    /// The result of a `send()`/`__next__()` call as a Resumed.
    pub fn as_resumed(&mut self, r: PyResult<Value>) -> PyResult<Resumed> {
        match r {
            Ok(v) => Ok(Resumed::Yielded(v)),
            Err(e) => match self.stop_iteration_value(&e) {
                Some(v) => Ok(Resumed::Returned(v)),
                None => Err(e),
            },
        }
    }

    /// One `__next__()` step of an iterator, keeping the value a
    /// StopIteration carries.
    pub fn iter_step(&mut self, it: &Value) -> PyResult<Resumed> {
        if self.is_iterator(it) {
            return self.iter_send(it, Value::None);
        }
        Err(self.type_error(format!(
            "'{}' object is not an iterator",
            self.type_name(it)
        )))
    }

    /// GET_AITER: `type(obj).__aiter__(obj)`, which must give an async
    /// iterator.
    pub fn get_aiter(&mut self, obj: &Value) -> PyResult<Value> {
        let it = if kind_of(obj) == Some(Kind::AsyncGenerator) {
            obj.clone()
        } else {
            match crate::class::call_dunder(self, obj, "__aiter__", Vec::new()) {
                Some(r) => r?,
                None => {
                    return Err(self.type_error(format!(
                        "'async for' requires an object with __aiter__ method, got {}",
                        self.type_name(obj)
                    )))
                }
            }
        };
        if !has_anext(&it) {
            return Err(self.type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                self.type_name(&it)
            )));
        }
        Ok(it)
    }

    /// GET_ANEXT: the awaitable `type(aiter).__anext__(aiter)`.
    pub fn get_anext(&mut self, aiter: &Value) -> PyResult<Value> {
        if kind_of(aiter) == Some(Kind::AsyncGenerator) {
            return Ok(crate::async_gen::asend(aiter, Value::None));
        }
        let next = match crate::class::call_dunder(self, aiter, "__anext__", Vec::new()) {
            Some(r) => r?,
            None => {
                return Err(self.type_error(format!(
                    "'async for' requires an iterator with __anext__ method, got {}",
                    self.type_name(aiter)
                )))
            }
        };
        match self.awaitable_iter(&next) {
            Ok(it) => Ok(it),
            Err(cause) => {
                let err = self.type_error(format!(
                    "'async for' received an invalid object from __anext__: {}",
                    self.type_name(&next)
                ));
                Err(self.error_from_cause(err, cause))
            }
        }
    }

    /// BEFORE_ASYNC_WITH: the bound `__aexit__` and the result of calling
    /// `__aenter__`.
    pub fn before_async_with(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        if !crate::class::has_dunder(mgr, "__aenter__") {
            return Err(self.type_error(format!(
                "'{}' object does not support the asynchronous context manager protocol",
                self.type_name(mgr)
            )));
        }
        if !crate::class::has_dunder(mgr, "__aexit__") {
            return Err(self.type_error(format!(
                "'{}' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
                self.type_name(mgr)
            )));
        }
        let enter = self.get_attr(mgr, &Value::str("__aenter__"))?;
        let exit = self.get_attr(mgr, &Value::str("__aexit__"))?;
        let r = self.call(&enter, Vec::new(), Vec::new())?;
        Ok((exit, r))
    }

    /// `send(arg)` on one of the runtime's awaitables.
    pub fn awaiter_send(&mut self, aw: &Value, arg: Value) -> PyResult<Resumed> {
        match awaiter_of(aw) {
            Some(Awaiter::CoroWrapper(coro)) => {
                let coro = coro.clone();
                self.resume_generator(&coro, arg, None)
            }
            Some(Awaiter::ASend { .. }) => self.asend_send(aw, arg),
            Some(Awaiter::AThrow { .. }) => self.athrow_send(aw, arg),
            Some(Awaiter::ANext { .. }) => self.anext_call(aw, "send", vec![arg]),
            _ => Err(self.type_error(format!(
                "'{}' object has no attribute 'send'",
                self.type_name(aw)
            ))),
        }
    }

    /// `throw(*args)` on one of the runtime's awaitables.
    pub fn awaiter_throw(&mut self, aw: &Value, args: &[Value]) -> PyResult<Resumed> {
        match awaiter_of(aw) {
            Some(Awaiter::CoroWrapper(coro)) => {
                let coro = coro.clone();
                let exc = self.thrown_exception(args, "throw")?;
                self.throw_generator(&coro, exc, true)
            }
            Some(Awaiter::ASend { .. }) => self.asend_throw(aw, args),
            Some(Awaiter::AThrow { .. }) => self.athrow_throw(aw, args),
            Some(Awaiter::ANext { .. }) => self.anext_call(aw, "throw", args.to_vec()),
            _ => Err(self.type_error(format!(
                "'{}' object has no attribute 'throw'",
                self.type_name(aw)
            ))),
        }
    }

    /// `close()` on one of the runtime's awaitables.
    pub fn awaiter_close(&mut self, aw: &Value) -> PyResult<Value> {
        match awaiter_of(aw) {
            Some(Awaiter::CoroWrapper(coro)) => {
                let coro = coro.clone();
                self.close_generator(&coro)?;
            }
            Some(Awaiter::ASend { state, .. } | Awaiter::AThrow { state, .. }) => {
                state.set(AwaitState::Closed)
            }
            Some(Awaiter::ANext { .. }) => {
                return match self.anext_call(aw, "close", Vec::new())? {
                    Resumed::Yielded(v) => Ok(v),
                    Resumed::Returned(v) => Err(self.stop_iteration(v)),
                }
            }
            _ => {}
        }
        Ok(Value::None)
    }
}

/// `coro.__await__()`.
pub fn coroutine_wrapper(coro: &Value) -> Value {
    Value::obj(Object::Awaiter(Awaiter::CoroWrapper(coro.clone())))
}

type Kwargs = [(Rc<str>, Value)];

/// The methods of coroutines.
pub const COROUTINE_METHODS: &[(&str, BuiltinFn)] = &[
    ("send", send),
    ("throw", throw),
    ("close", close),
    ("__await__", await_method),
];

fn send(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    crate::generator::send_as(interp, args, Kind::Coroutine)
}

fn throw(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    crate::generator::throw_as(interp, args, Kind::Coroutine)
}

fn close(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    crate::generator::close_as(interp, args, Kind::Coroutine)
}

fn await_method(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let coro = crate::generator::this(interp, args, "__await__", Kind::Coroutine)?;
    Ok(coroutine_wrapper(coro))
}

/// The methods of `coroutine_wrapper`.
pub const WRAPPER_METHODS: &[(&str, BuiltinFn)] = &[
    ("send", awaiter_send),
    ("throw", awaiter_throw),
    ("close", awaiter_close),
    ("__next__", awaiter_next),
    ("__iter__", awaiter_self),
];

/// The methods of the async generators' awaitables (`asend`, `athrow`)
/// and of `anext_awaitable`.
pub const AWAITABLE_METHODS: &[(&str, BuiltinFn)] = &[
    ("send", awaiter_send),
    ("throw", awaiter_throw),
    ("close", awaiter_close),
    ("__next__", awaiter_next),
    ("__iter__", awaiter_self),
    ("__await__", awaiter_self),
];

/// The awaiter a method was called on.
fn this_awaiter<'a>(interp: &Interpreter, args: &'a [Value], method: &str) -> PyResult<&'a Value> {
    match args.first() {
        Some(v) if awaiter_of(v).is_some() => Ok(v),
        _ => Err(interp.type_error(format!("descriptor '{method}' needs an awaitable"))),
    }
}

fn awaiter_send(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let aw = this_awaiter(interp, args, "send")?;
    let [_, value] = args else {
        return Err(interp.type_error(format!(
            "{}.send() takes exactly one argument ({} given)",
            interp.type_name(aw),
            args.len().saturating_sub(1)
        )));
    };
    let r = interp.awaiter_send(aw, value.clone())?;
    interp.sent_result(r)
}

fn awaiter_throw(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let aw = this_awaiter(interp, args, "throw")?;
    let r = interp.awaiter_throw(aw, &args[1..])?;
    interp.sent_result(r)
}

fn awaiter_close(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let aw = this_awaiter(interp, args, "close")?;
    interp.awaiter_close(aw)
}

fn awaiter_next(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let aw = this_awaiter(interp, args, "__next__")?;
    let r = interp.awaiter_send(aw, Value::None)?;
    interp.sent_result(r)
}

fn awaiter_self(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(this_awaiter(interp, args, "__iter__")?.clone())
}

/// `aiter(obj)`.
pub fn aiter(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let obj = one_arg(interp, "aiter", args, kwargs)?;
    let it = if kind_of(obj) == Some(Kind::AsyncGenerator) {
        obj.clone()
    } else {
        match crate::class::call_dunder(interp, obj, "__aiter__", Vec::new()) {
            Some(r) => r?,
            None => {
                return Err(interp.type_error(format!(
                    "'{}' object is not an async iterable",
                    interp.type_name(obj)
                )))
            }
        }
    };
    if !has_anext(&it) {
        return Err(interp.type_error(format!(
            "aiter() returned not an async iterator of type '{}'",
            interp.type_name(&it)
        )));
    }
    Ok(it)
}

/// `anext(aiterator[, default])`.
pub fn anext(interp: &mut Interpreter, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(interp.type_error("anext() takes no keyword arguments"));
    }
    let (aiter, default) = match args {
        [a] => (a, None),
        [a, d] => (a, Some(d)),
        [] => return Err(interp.type_error("anext expected at least 1 argument, got 0")),
        _ => {
            return Err(interp.type_error(format!(
                "anext expected at most 2 arguments, got {}",
                args.len()
            )))
        }
    };
    if !has_anext(aiter) {
        return Err(interp.type_error(format!(
            "'{}' object is not an async iterator",
            interp.type_name(aiter)
        )));
    }
    let awaitable = if kind_of(aiter) == Some(Kind::AsyncGenerator) {
        crate::async_gen::asend(aiter, Value::None)
    } else {
        match crate::class::call_dunder(interp, aiter, "__anext__", Vec::new()) {
            Some(r) => r?,
            None => Value::None,
        }
    };
    Ok(match default {
        None => awaitable,
        Some(d) => Value::obj(Object::Awaiter(Awaiter::ANext {
            awaitable,
            default: d.clone(),
        })),
    })
}

fn one_arg<'a>(
    interp: &Interpreter,
    name: &str,
    args: &'a [Value],
    kwargs: &Kwargs,
) -> PyResult<&'a Value> {
    if !kwargs.is_empty() {
        return Err(interp.type_error(format!("{name}() takes no keyword arguments")));
    }
    match args {
        [v] => Ok(v),
        _ => Err(interp.type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

impl Interpreter {
    /// `anext_awaitable`'s methods: forward `method` to the iterator of the
    /// wrapped awaitable, ending with the default when it raises
    /// StopAsyncIteration.
    fn anext_call(&mut self, aw: &Value, method: &str, args: Vec<Value>) -> PyResult<Resumed> {
        let Some(Awaiter::ANext { awaitable, default }) = awaiter_of(aw) else {
            return Err(self.type_error("not an anext_awaitable"));
        };
        let (awaitable, default) = (awaitable.clone(), default.clone());
        let mut it = self.awaitable_iter(&awaitable)?;
        if kind_of(&it) == Some(Kind::Coroutine) {
            it = coroutine_wrapper(&it);
        }
        let r = if method == "send" && args.first().is_none_or(|a| a.is_none()) {
            self.iter_step(&it)
        } else {
            let m = self.get_attr(&it, &Value::str(method))?;
            let r = self.call(&m, args, Vec::new());
            self.as_resumed(r)
        };
        match r {
            Err(e) if self.is_instance_of(&e.0, "StopAsyncIteration") => {
                Ok(Resumed::Returned(default))
            }
            r => r,
        }
    }
}
