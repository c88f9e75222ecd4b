//! Async generators (PEP 525): `async def` functions with `yield`.
//!
//! An async generator is a `Generator` of kind `AsyncGenerator`; it is
//! never resumed directly. `__anext__()`/`asend()` return an `asend`
//! awaitable and `athrow()`/`aclose()` an `athrow` awaitable
//! (`coroutine::Awaiter`); awaiting one resumes the generator. What the
//! generator's own awaits yield passes through to whoever drives the
//! awaitable (the event loop); what its `yield` statements yield arrives
//! wrapped (ASYNC_GEN_WRAP) and ends the awaitable with StopIteration
//! carrying the value. A return ends it with StopAsyncIteration.
//! (CPython's Objects/genobject.c, "Asynchronous Generators".)

use std::cell::Cell;
use std::rc::Rc;

use crate::coroutine::{AwaitState, Awaiter};
use crate::error::{PyErr, PyResult};
use crate::generator::{gen_of, Generator, Resumed};
use crate::object::{BuiltinFn, Object};
use crate::value::Value;
use crate::Interpreter;

/// `agen.__anext__()` (`value` None) or `agen.asend(value)`.
pub fn asend(gen: &Value, value: Value) -> Value {
    Value::obj(Object::Awaiter(Awaiter::ASend {
        gen: gen.clone(),
        value,
        state: Cell::new(AwaitState::Init),
    }))
}

/// `agen.athrow(*args)`, or `agen.aclose()` when `args` is None.
fn athrow(gen: &Value, args: Option<Vec<Value>>) -> Value {
    Value::obj(Object::Awaiter(Awaiter::AThrow {
        gen: gen.clone(),
        args,
        state: Cell::new(AwaitState::Init),
    }))
}

/// The value a `yield` in an async generator produced, if `v` is one.
fn wrapped(v: &Value) -> Option<&Value> {
    match v.as_object() {
        Some(Object::Awaiter(Awaiter::Wrapped(x))) => Some(x),
        _ => None,
    }
}

impl Interpreter {
    /// Resume an async generator as CPython's `gen_send_ex` does: what it
    /// yields, or an error (StopAsyncIteration once it has returned).
    fn agen_step(&mut self, r: PyResult<Resumed>) -> PyResult<Value> {
        match r? {
            Resumed::Yielded(v) => Ok(v),
            Resumed::Returned(_) => {
                let t = self.types.exception("StopAsyncIteration");
                Err(PyErr(self.exception(&t, Vec::new())))
            }
        }
    }

    /// `async_gen_unwrap_value`: a wrapped value ends the awaitable
    /// (Returned); anything else the generator yielded passes through.
    fn agen_unwrap(&mut self, g: &Generator, r: PyResult<Value>) -> PyResult<Resumed> {
        match r {
            Err(e) => {
                if self.is_instance_of(&e.0, "StopAsyncIteration")
                    || self.is_instance_of(&e.0, "GeneratorExit")
                {
                    g.closed.set(true);
                }
                g.running_async.set(false);
                Err(e)
            }
            Ok(v) => match wrapped(&v) {
                Some(x) => {
                    g.running_async.set(false);
                    Ok(Resumed::Returned(x.clone()))
                }
                None => Ok(Resumed::Yielded(v)),
            },
        }
    }

    /// The async generator behind an `asend`/`athrow` awaitable that may
    /// still run: CPython's error once the awaitable has finished (`what`
    /// names its methods in the message).
    fn live_awaiter<'g>(
        &self,
        gen: &'g Value,
        state: &Cell<AwaitState>,
        what: &str,
    ) -> PyResult<&'g Generator> {
        let Some(g) = gen_of(gen) else {
            return Err(self.type_error("not an async generator"));
        };
        if state.get() == AwaitState::Closed {
            return Err(self.err(
                "RuntimeError",
                format!("cannot reuse already awaited {what}"),
            ));
        }
        Ok(g)
    }

    /// `send()` on an `asend` awaitable.
    pub(crate) fn asend_send(&mut self, aw: &Value, arg: Value) -> PyResult<Resumed> {
        let Some(Object::Awaiter(Awaiter::ASend { gen, value, state })) = aw.as_object() else {
            return Err(self.type_error("not an asend awaitable"));
        };
        let g = self.live_awaiter(gen, state, "__anext__()/asend()")?;
        let mut arg = arg;
        if state.get() == AwaitState::Init {
            if g.running_async.get() {
                return Err(self.err(
                    "RuntimeError",
                    "anext(): asynchronous generator is already running",
                ));
            }
            if arg.is_none() {
                arg = value.clone();
            }
            state.set(AwaitState::Iter);
        }
        g.running_async.set(true);
        let r = self.resume_generator(gen, arg, None);
        let r = self.agen_step(r);
        let r = self.agen_unwrap(g, r);
        if !matches!(r, Ok(Resumed::Yielded(_))) {
            state.set(AwaitState::Closed);
        }
        r
    }

    /// `throw()` on an `asend` awaitable.
    pub(crate) fn asend_throw(&mut self, aw: &Value, args: &[Value]) -> PyResult<Resumed> {
        let Some(Object::Awaiter(Awaiter::ASend { gen, state, .. })) = aw.as_object() else {
            return Err(self.type_error("not an asend awaitable"));
        };
        let g = self.live_awaiter(gen, state, "__anext__()/asend()")?;
        let r = self.thrown_exception(args, "throw");
        let r = r.and_then(|exc| self.throw_generator(gen, exc, true));
        let r = self.agen_step(r);
        let r = self.agen_unwrap(g, r);
        if !matches!(r, Ok(Resumed::Yielded(_))) {
            state.set(AwaitState::Closed);
        }
        r
    }

    /// `send()` on an `athrow` awaitable (`async_gen_athrow_send`).
    pub(crate) fn athrow_send(&mut self, aw: &Value, arg: Value) -> PyResult<Resumed> {
        let Some(Object::Awaiter(Awaiter::AThrow { gen, args, state })) = aw.as_object() else {
            return Err(self.type_error("not an athrow awaitable"));
        };
        let g = self.live_awaiter(gen, state, "aclose()/athrow()")?;
        let aclose = args.is_none();
        if g.is_finished() {
            state.set(AwaitState::Closed);
            return Ok(Resumed::Returned(Value::None));
        }
        let r = if state.get() == AwaitState::Init {
            if g.running_async.get() {
                state.set(AwaitState::Closed);
                let which = if aclose { "aclose" } else { "athrow" };
                return Err(self.err(
                    "RuntimeError",
                    format!("{which}(): asynchronous generator is already running"),
                ));
            }
            if g.closed.get() {
                state.set(AwaitState::Closed);
                let t = self.types.exception("StopAsyncIteration");
                return Err(PyErr(self.exception(&t, Vec::new())));
            }
            if !arg.is_none() {
                return Err(self.err(
                    "RuntimeError",
                    "can't send non-None value to a just-started coroutine",
                ));
            }
            state.set(AwaitState::Iter);
            g.running_async.set(true);
            match args {
                None => {
                    g.closed.set(true);
                    let t = self.types.exception("GeneratorExit");
                    let exit = PyErr(self.exception(&t, Vec::new()));
                    let r = self.throw_generator(gen, exit, false);
                    self.agen_step(r)
                }
                Some(args) => {
                    let r = self.thrown_exception(args, "athrow");
                    let r = r.and_then(|exc| self.throw_generator(gen, exc, false));
                    let r = self.agen_step(r);
                    return match self.agen_unwrap(g, r) {
                        Ok(Resumed::Yielded(v)) => Ok(Resumed::Yielded(v)),
                        done => self.athrow_done(g, state, aclose, done),
                    };
                }
            }
        } else {
            let r = self.resume_generator(gen, arg, None);
            let r = self.agen_step(r);
            if !aclose {
                return self.agen_unwrap(g, r);
            }
            r
        };
        // aclose() mode: the generator must not yield a value.
        match r {
            Ok(v) if wrapped(&v).is_some() => self.aclose_ignored(g, state),
            Ok(v) => Ok(Resumed::Yielded(v)),
            Err(e) => self.athrow_done(g, state, aclose, Err(e)),
        }
    }

    /// `throw()` on an `athrow` awaitable.
    pub(crate) fn athrow_throw(&mut self, aw: &Value, args: &[Value]) -> PyResult<Resumed> {
        let Some(Object::Awaiter(Awaiter::AThrow {
            gen,
            args: own,
            state,
        })) = aw.as_object()
        else {
            return Err(self.type_error("not an athrow awaitable"));
        };
        let g = self.live_awaiter(gen, state, "aclose()/athrow()")?;
        let r = self.thrown_exception(args, "throw");
        let r = r.and_then(|exc| self.throw_generator(gen, exc, true));
        let r = self.agen_step(r);
        if own.is_some() {
            return self.agen_unwrap(g, r);
        }
        match r {
            Ok(v) if wrapped(&v).is_some() => self.aclose_ignored(g, state),
            Ok(v) => Ok(Resumed::Yielded(v)),
            Err(e)
                if self.is_instance_of(&e.0, "StopAsyncIteration")
                    || self.is_instance_of(&e.0, "GeneratorExit") =>
            {
                Ok(Resumed::Returned(Value::None))
            }
            Err(e) => Err(e),
        }
    }

    /// An `athrow`/`aclose` awaitable has finished (`check_error`): an
    /// aclose() that ended the generator ends with StopIteration.
    fn athrow_done(
        &mut self,
        g: &Generator,
        state: &Cell<AwaitState>,
        aclose: bool,
        r: PyResult<Resumed>,
    ) -> PyResult<Resumed> {
        g.running_async.set(false);
        state.set(AwaitState::Closed);
        match r {
            Err(e)
                if aclose
                    && (self.is_instance_of(&e.0, "StopAsyncIteration")
                        || self.is_instance_of(&e.0, "GeneratorExit")) =>
            {
                Ok(Resumed::Returned(Value::None))
            }
            r => r,
        }
    }

    /// An async generator yielded a value while being closed.
    fn aclose_ignored(&mut self, g: &Generator, state: &Cell<AwaitState>) -> PyResult<Resumed> {
        g.running_async.set(false);
        state.set(AwaitState::Closed);
        Err(self.err("RuntimeError", "async generator ignored GeneratorExit"))
    }
}

type Kwargs = [(Rc<str>, Value)];

/// The methods of async generators.
pub const METHODS: &[(&str, BuiltinFn)] = &[
    ("__aiter__", aiter_method),
    ("__anext__", anext_method),
    ("asend", asend_method),
    ("athrow", athrow_method),
    ("aclose", aclose_method),
];

/// The async generator a method was called on.
fn this<'a>(interp: &Interpreter, args: &'a [Value], method: &str) -> PyResult<&'a Value> {
    crate::generator::this(interp, args, method, crate::generator::Kind::AsyncGenerator)
}

fn aiter_method(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(this(interp, args, "__aiter__")?.clone())
}

fn anext_method(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let gen = this(interp, args, "__anext__")?;
    Ok(asend(gen, Value::None))
}

fn asend_method(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let gen = this(interp, args, "asend")?;
    let [_, value] = args else {
        return Err(interp.type_error(format!(
            "async_generator.asend() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    };
    Ok(asend(gen, value.clone()))
}

fn athrow_method(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let gen = this(interp, args, "athrow")?;
    Ok(athrow(gen, Some(args[1..].to_vec())))
}

fn aclose_method(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let gen = this(interp, args, "aclose")?;
    Ok(athrow(gen, None))
}
