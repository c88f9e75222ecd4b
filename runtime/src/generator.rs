//! Generators, coroutines and async generators: one object type that owns
//! its frame while it is suspended (CPython's `gen_send_ex2`, `_gen_throw`
//! and `gen_close` in Objects/genobject.c).
//!
//! RETURN_GENERATOR copies the new frame's slots (locals, cells, value
//! stack) out of the interpreter's stack into the generator object and
//! returns the generator to the caller. Resuming copies them back on top of
//! the stack, pushes the sent value and runs the frame in a nested
//! evaluation loop until YIELD_VALUE copies the slots out again or the
//! frame returns. FOR_ITER and `yield from` (SEND) resume a generator as a
//! frame of the running loop instead (`enter_for_iter`, `enter_send`);
//! builtins that iterate (`sum`, `list`, ...), `next()`, `send()` and
//! `await` still nest a loop, one per generator or coroutine resumed.
//!
//! A generator suspended inside `yield from` or `await` delegates `throw()`
//! and `close()` to the iterator it is waiting on (the top of its saved
//! value stack, found as CPython's `_PyGen_yf` finds it).
//!
//! Coroutine-only behaviour (awaitables, `coroutine_wrapper`) lives in
//! `coroutine.rs`; the awaitables of async generators in `async_gen.rs`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use pyrite_compiler::code::flags;
use pyrite_compiler::opcode::Op;

use crate::code::Code;
use crate::error::{PyErr, PyResult};
use crate::interp::{Frame, Interpreter};
use crate::object::{BuiltinFn, Object};
use crate::value::Value;

/// A suspended frame.
pub struct Saved {
    /// The frame as it stopped: its code, position, globals and closure
    /// (`base`, `ret_sp`, `generator` and the flags are set again when it
    /// resumes). Moved out and back, so that suspending and resuming
    /// count no references. None only in a generator's `spare`.
    frame: Option<Frame>,
    /// localsplus slots followed by the value stack.
    pub values: Vec<Value>,
    /// Set once the frame has run past its start (a send of non-None is
    /// then allowed).
    pub started: bool,
}

impl Saved {
    /// The suspended frame (None only for a spare).
    pub fn frame(&self) -> Option<&Frame> {
        self.frame.as_ref()
    }

    /// The iterator this frame is delegating to with `yield from` or
    /// `await`: it is suspended at the YIELD_VALUE of a SEND loop (the
    /// RESUME after it has oparg 2 or 3) with the iterator on top of its
    /// stack.
    fn delegate(&self) -> Option<Value> {
        if !self.started {
            return None;
        }
        let frame = self.frame()?;
        let next = frame.code.insts.get(frame.ip)?;
        if next.op != Op::RESUME || next.arg < 2 {
            return None;
        }
        self.values.last().cloned()
    }

    /// Leave the SEND loop the frame is suspended in, as CPython does when
    /// the delegate's `throw()` ends: drop the delegate and continue after
    /// the loop (the instruction before that is the loop's backward jump,
    /// where an exception raised now will appear to come from).
    fn leave_send_loop(&mut self) {
        let Some(frame) = self.frame.as_mut() else {
            return;
        };
        let Some(send) = frame
            .lasti
            .checked_sub(1)
            .and_then(|i| frame.code.insts.get(i))
        else {
            return;
        };
        if send.op != Op::SEND {
            return;
        }
        self.values.pop();
        frame.ip = send.arg as usize;
        frame.lasti = frame.ip.saturating_sub(1);
    }
}

pub enum State {
    /// Boxed so that suspending and resuming move a pointer, not the
    /// frame's fields (copies that stalled on store forwarding); the box
    /// is kept in `Generator::spare` while the frame runs and reused.
    Suspended(Box<Saved>),
    Running,
    Finished,
}

/// Which of the three kinds of generator-like object (from the code
/// object's flags).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

impl Kind {
    pub fn of(code: &Code) -> Kind {
        if code.co.flags & flags::COROUTINE != 0 {
            Kind::Coroutine
        } else if code.co.flags & flags::ASYNC_GENERATOR != 0 {
            Kind::AsyncGenerator
        } else {
            Kind::Generator
        }
    }

    /// How error messages name this kind.
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Generator => "generator",
            Kind::Coroutine => "coroutine",
            Kind::AsyncGenerator => "async generator",
        }
    }

    /// The name of the kind's type.
    pub fn type_name(self) -> &'static str {
        match self {
            Kind::Generator => "generator",
            Kind::Coroutine => "coroutine",
            Kind::AsyncGenerator => "async_generator",
        }
    }

    /// The prefix of the kind's attributes (`gi_frame`, `cr_frame`, ...).
    fn prefix(self) -> &'static str {
        match self {
            Kind::Generator => "gi_",
            Kind::Coroutine => "cr_",
            Kind::AsyncGenerator => "ag_",
        }
    }
}

pub struct Generator {
    pub code: Rc<Code>,
    pub kind: Kind,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    pub state: RefCell<State>,
    /// The exception being handled inside the frame while it is suspended
    /// (CPython's `gi_exc_state`), None if none.
    pub exc_state: Cell<Value>,
    /// Async generators: an `asend`/`athrow` awaitable is running it
    /// (`ag_running_async`), and it has been closed (`ag_closed`).
    pub running_async: Cell<bool>,
    pub closed: Cell<bool>,
    /// While the frame runs, the saved frame it was resumed from, its
    /// values moved out: the next yield saves into it again, so a yield
    /// allocates nothing.
    pub spare: Cell<Option<Box<Saved>>>,
}

impl Generator {
    /// A generator made by a `@types.coroutine` function: it may be
    /// awaited.
    pub fn is_iterable_coroutine(&self) -> bool {
        self.kind == Kind::Generator && self.code.co.flags & flags::ITERABLE_COROUTINE != 0
    }

    pub fn is_finished(&self) -> bool {
        matches!(&*self.state.borrow(), State::Finished)
    }

    /// The iterator a suspended frame is delegating to (`gi_yieldfrom`,
    /// `cr_await`, `ag_await`).
    pub fn delegate(&self) -> Option<Value> {
        match &*self.state.borrow() {
            State::Suspended(s) => s.delegate(),
            _ => None,
        }
    }

    /// Take the suspended frame out, marking the generator as running
    /// (while a delegate runs on its behalf); `put_back` restores it.
    fn take_suspended(&self) -> Option<Box<Saved>> {
        let mut state = self.state.borrow_mut();
        match std::mem::replace(&mut *state, State::Running) {
            State::Suspended(s) => Some(s),
            other => {
                *state = other;
                None
            }
        }
    }

    fn put_back(&self, saved: Box<Saved>) {
        *self.state.borrow_mut() = State::Suspended(saved);
    }
}

/// How a resumed generator stopped.
pub enum Resumed {
    Yielded(Value),
    Returned(Value),
}

/// RETURN_GENERATOR: a generator owning `frame` (whose slots are `values`).
pub fn create(frame: &Frame, values: Vec<Value>) -> Value {
    Value::obj(Object::Generator(Box::new(Generator {
        code: Rc::clone(&frame.code),
        kind: Kind::of(&frame.code),
        name: RefCell::new(frame.code.name.clone()),
        qualname: RefCell::new(frame.code.qualname.clone()),
        state: RefCell::new(State::Suspended(Box::new(Saved {
            frame: Some({
                // The generator owns its frame's references (never borrowed).
                let mut own = Frame::new(
                    Rc::clone(&frame.code),
                    Rc::clone(&frame.globals),
                    Option::clone(&frame.closure),
                    0,
                    0,
                    false,
                );
                own.ip = frame.ip;
                own.lasti = frame.lasti;
                own
            }),
            values,
            started: false,
        }))),
        exc_state: Cell::new(Value::None),
        running_async: Cell::new(false),
        closed: Cell::new(false),
        spare: Cell::new(None),
    })))
}

pub fn gen_of(v: &Value) -> Option<&Generator> {
    match v.as_object() {
        Some(Object::Generator(g)) => Some(g),
        _ => None,
    }
}

/// A generator or coroutine (not an async generator): what `yield from`
/// and `await` resume directly rather than through `send`/`throw` methods.
fn plain_generator(v: &Value) -> bool {
    matches!(gen_of(v), Some(g) if g.kind != Kind::AsyncGenerator)
}

impl Interpreter {
    /// Resume `gen` with `sent` (or by raising `throw` at its yield), with
    /// no delegation: CPython's `gen_send_ex2`.
    pub fn resume_generator(
        &mut self,
        gen: &Value,
        sent: Value,
        throw: Option<PyErr>,
    ) -> PyResult<Resumed> {
        let Some(g) = gen_of(gen) else {
            return Err(self.type_error("not a generator"));
        };
        let kind = g.kind;
        // Take the state in its own statement: the borrow must end before
        // the arms below write the state back.
        let previous = std::mem::replace(&mut *g.state.borrow_mut(), State::Running);
        let saved = match previous {
            State::Suspended(s) => s,
            State::Running => {
                *g.state.borrow_mut() = State::Running;
                return Err(self.value_error(format!("{} already executing", kind.noun())));
            }
            State::Finished => {
                *g.state.borrow_mut() = State::Finished;
                if kind == Kind::Coroutine {
                    return Err(self.err("RuntimeError", "cannot reuse already awaited coroutine"));
                }
                if let Some(e) = throw {
                    return Err(e);
                }
                return Ok(Resumed::Returned(Value::None));
            }
        };
        if !saved.started && throw.is_none() && !sent.is_none() {
            g.put_back(saved);
            return Err(self.type_error(format!(
                "can't send non-None value to a just-started {}",
                kind.noun()
            )));
        }
        if let Err(e) = self.check_rust_reentry() {
            g.put_back(saved);
            return Err(e);
        }
        self.push_generator_frame(g, gen, saved, false);
        self.rust_depth += 1;
        self.yielded = false;
        let result = match throw {
            None => {
                self.stack.push(sent);
                self.eval()
            }
            Some(err) => match self.throw_into_top_frame(err) {
                Ok(()) => self.eval(),
                Err(e) => Err(e),
            },
        };
        self.rust_depth -= 1;
        let own = self.leave_exc_state();
        let yielded = std::mem::replace(&mut self.yielded, false);
        match result {
            Ok(v) if yielded => {
                if !own.is_none() {
                    g.exc_state.set(own);
                }
                Ok(Resumed::Yielded(v))
            }
            Ok(v) => {
                *g.state.borrow_mut() = State::Finished;
                g.spare.set(None);
                Ok(Resumed::Returned(v))
            }
            Err(e) => {
                *g.state.borrow_mut() = State::Finished;
                g.spare.set(None);
                Err(self.escaped_stop_iteration(e, kind))
            }
        }
    }

    /// FOR_ITER on a suspended generator: resume its frame as a frame of
    /// the running evaluation loop instead of in a nested one (CPython
    /// 3.12's FOR_ITER_GEN). False when the generator is not suspended
    /// (the general path then says why, or that it is exhausted).
    pub(crate) fn enter_for_iter(&mut self, gen: &Value) -> PyResult<bool> {
        let Some((g, saved)) = self.take_to_resume(gen, |_| true)? else {
            return Ok(false);
        };
        self.push_generator_frame(g, gen, saved, true);
        // The value "sent" to the generator.
        self.stack.push(Value::None);
        Ok(true)
    }

    /// SEND (`yield from`) to a suspended generator: as `enter_for_iter`,
    /// with the value on top of the stack as the value sent (it is popped).
    /// A yield then hands its value to the SEND's frame, which goes on to
    /// its own YIELD_VALUE; a return ends the SEND's loop. False (nothing
    /// popped) when the generator is not suspended, or a non-None value
    /// would start it: the general path says why.
    pub(crate) fn enter_send(&mut self, gen: &Value) -> PyResult<bool> {
        let sends_none = self.stack.last().is_some_and(Value::is_none);
        let Some((g, saved)) = self.take_to_resume(gen, |s| s.started || sends_none)? else {
            return Ok(false);
        };
        let sent = self.stack.pop().unwrap_or(Value::None);
        self.push_generator_frame(g, gen, saved, true);
        self.stack.push(sent);
        Ok(true)
    }

    /// The suspended frame of `gen`, taken out to run in this loop (the
    /// generator is running from then on), when `gen` is a plain
    /// generator, suspended at a point `resumable` accepts, and the frame
    /// stack has room; None leaves everything as it was.
    #[inline(always)]
    fn take_to_resume<'g>(
        &mut self,
        gen: &'g Value,
        resumable: impl Fn(&Saved) -> bool,
    ) -> PyResult<Option<(&'g Generator, Box<Saved>)>> {
        let Some(g) = gen_of(gen) else {
            return Ok(None);
        };
        if g.kind != Kind::Generator || self.frames.len() >= self.recursion_limit {
            return Ok(None);
        }
        self.check_interrupt()?;
        // Take the state in its own statement: the borrow must end before
        // the arm below writes it back.
        let previous = std::mem::replace(&mut *g.state.borrow_mut(), State::Running);
        match previous {
            State::Suspended(s) if resumable(&s) => Ok(Some((g, s))),
            other => {
                *g.state.borrow_mut() = other;
                Ok(None)
            }
        }
    }

    /// Put a suspended generator's frame back on the frame stack: its
    /// values onto the value stack, the saved frame into `spare` for the
    /// next yield. A frame resumed by FOR_ITER (`for_iter`) runs in the
    /// loop that resumed it; any other is the entry frame of a nested one.
    #[inline(always)]
    fn push_generator_frame(
        &mut self,
        g: &Generator,
        gen: &Value,
        saved: Box<Saved>,
        for_iter: bool,
    ) {
        let base = self.stack.len();
        let mut saved = saved;
        // Move the frame from the box straight into the frame stack and set
        // its fields there: changing them in a copy on the Rust stack first
        // made the copy's wide loads wait on the narrow stores (a failed
        // store forward, a third of this function's time).
        let Some(frame) = crate::interp::push_frame_from(&mut self.frames, &mut saved.frame) else {
            // Not reachable: a suspended generator keeps its frame.
            *g.state.borrow_mut() = State::Finished;
            return;
        };
        frame.base = base;
        frame.ret_sp = base;
        // A suspended frame keeps no generator (suspend_top took it): write
        // without reading the old value to drop it.
        debug_assert!(frame.generator.is_none());
        // SAFETY: writing over a valid `Option<Value>`; the old value (None)
        // needs no drop.
        unsafe { std::ptr::write(&mut frame.generator, Some(gen.clone())) };
        frame.entry = !for_iter;
        frame.for_iter = for_iter;
        crate::interp::move_tail(&mut saved.values, 0, &mut self.stack);
        g.spare.set(Some(saved));
        self.enter_exc_state(g);
    }

    /// A resumed generator frame sees its own handled exception (none at
    /// first); the caller's is saved, to be visible again when the frame
    /// stops (CPython's exc_info chain). Usually neither side is handling
    /// one: then nothing is saved, and only the tags are read (moving the
    /// whole 16-byte values back and forth stalled on failed store
    /// forwards). A saved entry records the depth of the resume that made
    /// it, so that leaving knows whether it has one to restore.
    #[inline]
    fn enter_exc_state(&mut self, g: &Generator) {
        self.resumed_depth += 1;
        // SAFETY: the cell's value is read in place, with no reference to
        // it kept past this expression.
        let own_is_none = unsafe { (*g.exc_state.as_ptr()).is_none() };
        if own_is_none && self.handled.is_none() {
            return;
        }
        let own = g.exc_state.replace(Value::None);
        let outer = std::mem::replace(&mut self.handled, own);
        self.handled_outer.push((self.resumed_depth, outer));
    }

    /// The reverse of `enter_exc_state` when the frame stops: gives back
    /// the exception it was handling (to keep while it is suspended).
    #[inline]
    fn leave_exc_state(&mut self) -> Value {
        let depth = self.resumed_depth;
        self.resumed_depth -= 1;
        let outer = match self.handled_outer.last() {
            Some(&(d, _)) if d == depth => self.handled_outer.pop().map(|(_, v)| v),
            _ => None,
        };
        match outer {
            Some(outer) => std::mem::replace(&mut self.handled, outer),
            None if self.handled.is_none() => Value::None,
            None => std::mem::replace(&mut self.handled, Value::None),
        }
    }

    /// YIELD_VALUE: the top frame (stopped before instruction `ip`) goes
    /// back into its generator with its slots, which are the top of the
    /// value stack from the frame's base; the box of the previous
    /// suspension is reused. Gives back the generator and whether FOR_ITER
    /// resumed the frame.
    pub(crate) fn suspend_top(&mut self, ip: usize) -> (Option<Value>, bool) {
        let Some(top) = self.frames.last() else {
            return (None, false);
        };
        let (base, ret_sp, for_iter) = (top.base, top.ret_sp, top.for_iter);
        let Some(g) = top.generator.as_ref().and_then(gen_of) else {
            let gen = self.frames.pop().and_then(|mut f| f.generator.take());
            self.stack.truncate(ret_sp);
            return (gen, for_iter);
        };
        let mut saved = g.spare.take().unwrap_or_else(|| {
            Box::new(Saved {
                frame: None,
                values: Vec::new(),
                started: true,
            })
        });
        saved.started = true;
        crate::interp::move_tail(&mut self.stack, base, &mut saved.values);
        self.stack.truncate(ret_sp);
        // Move the frame straight from the frame stack into the box and
        // change its fields there (see `push_generator_frame`).
        let frame = crate::interp::pop_frame_into(&mut self.frames, &mut saved.frame);
        let gen = frame.and_then(|f| {
            f.ip = ip;
            f.lasti = ip - 1;
            f.generator.take()
        });
        if let Some(g) = gen.as_ref().and_then(gen_of) {
            *g.state.borrow_mut() = State::Suspended(saved);
        }
        (gen, for_iter)
    }

    /// A FOR_ITER generator frame (already popped) left by a yield
    /// (`finished` false) or ended: restore the handled exception, and on
    /// the end mark the generator finished. The usual case, a yield with no
    /// exception being handled, is in line.
    #[inline]
    pub(crate) fn leave_for_iter(&mut self, gen: Option<&Value>, finished: bool) {
        let own = self.leave_exc_state();
        if finished || !own.is_none() {
            Self::end_or_keep_exception(gen, finished, own);
        }
    }

    /// The rest of `leave_for_iter`: the frame ended (the generator is
    /// finished), or it yielded while handling an exception (kept for
    /// its next resume).
    #[inline(never)]
    fn end_or_keep_exception(gen: Option<&Value>, finished: bool, own: Value) {
        let Some(g) = gen.and_then(gen_of) else {
            return;
        };
        if finished {
            *g.state.borrow_mut() = State::Finished;
            g.spare.set(None);
        } else if !own.is_none() {
            g.exc_state.set(own);
        }
    }

    /// PEP 479: a StopIteration escaping a generator (or a
    /// StopAsyncIteration escaping an async generator) becomes
    /// RuntimeError.
    pub(crate) fn escaped_stop_iteration(&mut self, e: PyErr, kind: Kind) -> PyErr {
        let t = self.type_of(&e.0);
        let what = if t.is_subtype(&self.types.exception("StopIteration")) {
            "StopIteration"
        } else if kind == Kind::AsyncGenerator
            && t.is_subtype(&self.types.exception("StopAsyncIteration"))
        {
            "StopAsyncIteration"
        } else {
            return e;
        };
        let err = self.err("RuntimeError", format!("{} raised {what}", kind.noun()));
        self.error_from_cause(err, e)
    }

    /// `err` raised from `cause` (CPython's `_PyErr_FormatFromCause`).
    pub fn error_from_cause(&self, err: PyErr, cause: PyErr) -> PyErr {
        if let Some(Object::Exception(x)) = err.0.as_object() {
            *x.cause.borrow_mut() = Some(cause.0.clone());
            *x.context.borrow_mut() = Some(cause.0);
            x.suppress_context.set(true);
        }
        err
    }

    /// Throw `exc` into `gen`, through the iterator it delegates to if it
    /// is suspended in `yield from`/`await`: CPython's `_gen_throw`.
    /// `close_on_genexit` closes the delegate instead of throwing a
    /// GeneratorExit into it (async generators pass false).
    pub fn throw_generator(
        &mut self,
        gen: &Value,
        exc: PyErr,
        close_on_genexit: bool,
    ) -> PyResult<Resumed> {
        self.throw_thrown(gen, Thrown::Exc(exc), close_on_genexit)
    }

    /// `throw_generator` for what `throw()` was given: the arguments go
    /// as they are to a delegate's `throw()` method (CPython checks them
    /// only where the exception is raised).
    pub fn throw_generator_args(
        &mut self,
        gen: &Value,
        args: &[Value],
        close_on_genexit: bool,
    ) -> PyResult<Resumed> {
        if !(1..=3).contains(&args.len()) {
            // The argument-count error comes first.
            let exc = self.thrown_exception(args, "throw")?;
            return self.throw_generator(gen, exc, close_on_genexit);
        }
        self.throw_thrown(gen, Thrown::Args(args), close_on_genexit)
    }

    fn thrown_err(&mut self, thrown: Thrown) -> PyResult<PyErr> {
        match thrown {
            Thrown::Exc(e) => Ok(e),
            Thrown::Args(args) => self.thrown_exception(args, "throw"),
        }
    }

    fn throw_thrown(
        &mut self,
        gen: &Value,
        thrown: Thrown,
        close_on_genexit: bool,
    ) -> PyResult<Resumed> {
        let Some(g) = gen_of(gen) else {
            return Err(self.type_error("not a generator"));
        };
        let Some(delegate) = g.delegate() else {
            let exc = self.thrown_err(thrown)?;
            return self.resume_generator(gen, Value::None, Some(exc));
        };
        let Some(mut saved) = g.take_suspended() else {
            let exc = self.thrown_err(thrown)?;
            return self.resume_generator(gen, Value::None, Some(exc));
        };
        let genexit = match &thrown {
            Thrown::Exc(exc) => self.is_instance_of(&exc.0, "GeneratorExit"),
            Thrown::Args(args) => {
                let ge = self.types.exception("GeneratorExit");
                match args.first().map(|t| (t, t.as_object())) {
                    Some((_, Some(Object::Type(t)))) => t.is_subtype(&ge),
                    Some((v, _)) => self.type_of(v).is_subtype(&ge),
                    None => false,
                }
            }
        };
        if genexit && close_on_genexit {
            let closed = self.close_delegate(&delegate);
            g.put_back(saved);
            let exc = match closed {
                Ok(()) => self.thrown_err(thrown)?,
                Err(e) => e,
            };
            return self.resume_generator(gen, Value::None, Some(exc));
        }
        let outcome = if plain_generator(&delegate) {
            Some(self.throw_thrown(&delegate, thrown.clone(), close_on_genexit))
        } else {
            match self.lookup_attr(&delegate, "throw") {
                Err(e) => {
                    g.put_back(saved);
                    return Err(e);
                }
                Ok(None) => None,
                Ok(Some(meth)) => {
                    let args = match &thrown {
                        Thrown::Exc(exc) => vec![exc.0.clone()],
                        Thrown::Args(args) => args.to_vec(),
                    };
                    Some(self.call(&meth, args, Vec::new()).map(Resumed::Yielded))
                }
            }
        };
        match outcome {
            // The delegate has no throw(): raise here.
            None => {
                g.put_back(saved);
                let exc = self.thrown_err(thrown)?;
                self.resume_generator(gen, Value::None, Some(exc))
            }
            Some(Ok(Resumed::Yielded(v))) => {
                g.put_back(saved);
                Ok(Resumed::Yielded(v))
            }
            // The delegate finished: its result (or error) goes on in the
            // frame after the SEND loop.
            Some(Ok(Resumed::Returned(v))) => {
                saved.leave_send_loop();
                g.put_back(saved);
                self.resume_generator(gen, v, None)
            }
            Some(Err(e)) => {
                saved.leave_send_loop();
                g.put_back(saved);
                match self.stop_iteration_value(&e) {
                    Some(v) => self.resume_generator(gen, v, None),
                    None => self.resume_generator(gen, Value::None, Some(e)),
                }
            }
        }
    }

    /// `gen.close()`: CPython's `gen_close`.
    pub fn close_generator(&mut self, gen: &Value) -> PyResult<()> {
        let Some(g) = gen_of(gen) else {
            return Ok(());
        };
        // A frame that never started, or has finished, has nothing to run.
        let idle = match &*g.state.borrow() {
            State::Suspended(s) => !s.started,
            State::Finished => true,
            State::Running => false,
        };
        if idle {
            *g.state.borrow_mut() = State::Finished;
            return Ok(());
        }
        let mut exc = None;
        if let Some(delegate) = g.delegate() {
            if let Some(saved) = g.take_suspended() {
                exc = self.close_delegate(&delegate).err();
                g.put_back(saved);
            }
        }
        let exc = match exc {
            Some(e) => e,
            None => {
                let t = self.types.exception("GeneratorExit");
                PyErr(self.exception(&t, Vec::new()))
            }
        };
        match self.resume_generator(gen, Value::None, Some(exc)) {
            Ok(Resumed::Yielded(_)) => Err(self.err(
                "RuntimeError",
                format!("{} ignored GeneratorExit", g.kind.noun()),
            )),
            Ok(Resumed::Returned(_)) => Ok(()),
            Err(e)
                if self.is_instance_of(&e.0, "GeneratorExit")
                    || self.is_instance_of(&e.0, "StopIteration") =>
            {
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// Close the iterator a generator delegates to (`gen_close_iter`).
    fn close_delegate(&mut self, delegate: &Value) -> PyResult<()> {
        if plain_generator(delegate) {
            return self.close_generator(delegate);
        }
        match self.lookup_attr(delegate, "close") {
            Ok(Some(meth)) => self.call(&meth, Vec::new(), Vec::new()).map(|_| ()),
            // CPython reports a failed lookup as unraisable and goes on.
            Ok(None) | Err(_) => Ok(()),
        }
    }

    /// `getattr(v, name)`, with None where that raises AttributeError.
    pub fn lookup_attr(&mut self, v: &Value, name: &str) -> PyResult<Option<Value>> {
        match self.get_attr(v, &Value::str(name)) {
            Ok(m) => Ok(Some(m)),
            Err(e) if self.is_instance_of(&e.0, "AttributeError") => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Is `v` an instance of the built-in exception type `name`?
    pub fn is_instance_of(&self, v: &Value, name: &str) -> bool {
        self.type_of(v).is_subtype(&self.types.exception(name))
    }

    /// The value a StopIteration carries, or None if `e` is another error.
    pub fn stop_iteration_value(&mut self, e: &PyErr) -> Option<Value> {
        if !self.is_instance_of(&e.0, "StopIteration") {
            return None;
        }
        Some(crate::builtins::errors::exception_attr(self, &e.0, "value").unwrap_or(Value::None))
    }

    /// `next(gen)`: the next value, or None once it returns.
    pub fn generator_next(&mut self, gen: &Value) -> PyResult<Option<Value>> {
        match self.resume_generator(gen, Value::None, None)? {
            Resumed::Yielded(v) => Ok(Some(v)),
            Resumed::Returned(_) => Ok(None),
        }
    }

    /// StopIteration carrying a generator's return value.
    pub fn stop_iteration(&self, value: Value) -> PyErr {
        let t = self.types.exception("StopIteration");
        let args = if value.is_none() {
            Vec::new()
        } else {
            vec![value]
        };
        PyErr(self.exception(&t, args))
    }

    /// A Resumed as a Python-level `send()` result: the yielded value, or
    /// StopIteration carrying the return value.
    pub fn sent_result(&self, r: Resumed) -> PyResult<Value> {
        match r {
            Resumed::Yielded(v) => Ok(v),
            Resumed::Returned(v) => Err(self.stop_iteration(v)),
        }
    }

    /// The exception `throw(typ[, val[, tb]])` raises (CPython's checks in
    /// `_gen_throw`); `method` names the method in argument-count errors.
    pub fn thrown_exception(&mut self, args: &[Value], method: &str) -> PyResult<PyErr> {
        let (typ, val, tb) = match args {
            [typ] => (typ, &Value::None, &Value::None),
            [typ, val] => (typ, val, &Value::None),
            [typ, val, tb] => (typ, val, tb),
            [] => {
                return Err(self.type_error(format!("{method} expected at least 1 argument, got 0")))
            }
            _ => {
                return Err(self.type_error(format!(
                    "{method} expected at most 3 arguments, got {}",
                    args.len()
                )))
            }
        };
        if !tb.is_none() {
            return Err(self.type_error("throw() third argument must be a traceback object"));
        }
        match typ.as_object() {
            Some(Object::Type(t)) if t.kind == crate::types::TypeKind::Exception => {
                if matches!(val.as_object(), Some(Object::Exception(_)))
                    && self.type_of(val).is_subtype(t)
                {
                    return Ok(PyErr(val.clone()));
                }
                let args = match val {
                    Value::None => Vec::new(),
                    Value::Obj(o) if matches!(&**o, Object::Tuple(_)) => {
                        self.collect_iterable(val)?
                    }
                    v => vec![v.clone()],
                };
                let e = self.call(typ, args, Vec::new())?;
                Ok(self.checked_new_exception(typ, e)?)
            }
            Some(Object::Exception(_)) => {
                if !val.is_none() {
                    return Err(self.type_error("instance exception may not have a separate value"));
                }
                Ok(PyErr(typ.clone()))
            }
            _ => Err(self.type_error(format!(
                "exceptions must be classes or instances deriving from BaseException, not {}",
                self.type_name(typ)
            ))),
        }
    }
}

/// What is thrown into a generator: an exception, or the arguments of
/// `throw()`, checked only where the exception is raised.
#[derive(Clone)]
enum Thrown<'a> {
    Exc(PyErr),
    Args(&'a [Value]),
}

pub fn next(interp: &mut Interpreter, gen: &Value) -> PyResult<Option<Value>> {
    interp.generator_next(gen)
}

type Kwargs = [(Rc<str>, Value)];

/// The methods of generators (those of coroutines are in coroutine.rs).
pub const METHODS: &[(&str, BuiltinFn)] = &[
    ("send", send),
    ("throw", throw),
    ("close", close),
    ("__iter__", iter),
    ("__next__", next_method),
];

/// The object a method of `kind`'s type was called on, which must be of
/// that kind.
pub fn this<'a>(
    interp: &Interpreter,
    args: &'a [Value],
    method: &str,
    kind: Kind,
) -> PyResult<&'a Value> {
    let owner = kind.type_name();
    match args.first() {
        Some(v) if gen_of(v).is_some_and(|g| g.kind == kind) => Ok(v),
        Some(v) => Err(interp.type_error(format!(
            "descriptor '{method}' for '{owner}' objects doesn't apply to a '{}' object",
            interp.type_name(v)
        ))),
        None => Err(interp.type_error(format!(
            "descriptor '{method}' of '{owner}' object needs an argument"
        ))),
    }
}

/// `send(value)` on a generator or coroutine.
pub fn send_as(interp: &mut Interpreter, args: &[Value], kind: Kind) -> PyResult<Value> {
    let gen = this(interp, args, "send", kind)?;
    let [_, value] = args else {
        return Err(interp.type_error(format!(
            "{}.send() takes exactly one argument ({} given)",
            kind.type_name(),
            args.len().saturating_sub(1)
        )));
    };
    let r = interp.resume_generator(gen, value.clone(), None)?;
    interp.sent_result(r)
}

/// `throw(...)` on a generator or coroutine.
pub fn throw_as(interp: &mut Interpreter, args: &[Value], kind: Kind) -> PyResult<Value> {
    let gen = this(interp, args, "throw", kind)?;
    let r = interp.throw_generator_args(gen, &args[1..], true)?;
    interp.sent_result(r)
}

/// `close()` on a generator or coroutine.
pub fn close_as(interp: &mut Interpreter, args: &[Value], kind: Kind) -> PyResult<Value> {
    let gen = this(interp, args, "close", kind)?;
    interp.close_generator(gen)?;
    Ok(Value::None)
}

fn send(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    send_as(interp, args, Kind::Generator)
}

fn throw(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    throw_as(interp, args, Kind::Generator)
}

fn close(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    close_as(interp, args, Kind::Generator)
}

fn iter(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(this(interp, args, "__iter__", Kind::Generator)?.clone())
}

fn next_method(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let gen = this(interp, args, "__next__", Kind::Generator)?;
    let r = interp.resume_generator(gen, Value::None, None)?;
    interp.sent_result(r)
}

/// The data attributes of generators, coroutines and async generators
/// (`__name__`, `gi_frame`, `cr_await`, `ag_running`, ...).
pub fn attr(gen: &Value, name: &str) -> Option<Value> {
    let g = gen_of(gen)?;
    match name {
        "__name__" => return Some(g.name.borrow().clone()),
        "__qualname__" => return Some(g.qualname.borrow().clone()),
        _ => {}
    }
    let field = name.strip_prefix(g.kind.prefix())?;
    let (running, suspended) = match &*g.state.borrow() {
        State::Running => (true, false),
        State::Suspended(s) => (false, s.started),
        State::Finished => (false, false),
    };
    Some(match (g.kind, field) {
        (_, "code") => Value::obj(Object::Code(g.code.clone())),
        (Kind::AsyncGenerator, "running") => Value::bool(g.running_async.get()),
        (_, "running") => Value::bool(running),
        (Kind::Generator | Kind::Coroutine, "suspended") => Value::bool(suspended),
        (Kind::Generator, "yieldfrom") | (Kind::Coroutine | Kind::AsyncGenerator, "await") => {
            g.delegate().unwrap_or(Value::None)
        }
        (_, "frame") if g.is_finished() => Value::None,
        (_, "frame") => frame_of(gen),
        (Kind::Coroutine, "origin") => Value::None,
        _ => return None,
    })
}

/// `gen.__name__ = ...` and `gen.__qualname__ = ...`; None for other
/// attributes.
pub fn set_attr(
    interp: &mut Interpreter,
    gen: &Value,
    name: &str,
    value: &Value,
) -> Option<PyResult<()>> {
    let g = gen_of(gen)?;
    let slot = match name {
        "__name__" => &g.name,
        "__qualname__" => &g.qualname,
        _ => return None,
    };
    if !matches!(value.as_object(), Some(Object::Str(_))) {
        return Some(Err(
            interp.type_error(format!("{name} must be set to a string object"))
        ));
    }
    *slot.borrow_mut() = value.clone();
    Some(Ok(()))
}

/// The frame of a generator, coroutine or async generator that has not
/// finished (`gi_frame`, `cr_frame`, `ag_frame`): a view of its saved
/// frame (or of the running one).
pub fn frame_of(gen: &Value) -> Value {
    Value::obj(Object::Frame(gen.clone()))
}

/// What a generator's frame object shows.
struct FrameView {
    code: Rc<Code>,
    /// The instruction it is at.
    lasti: usize,
    globals: Rc<Object>,
    /// Its localsplus slots.
    slots: Vec<Value>,
}

impl FrameView {
    /// The line the frame is at (its first line before it runs).
    fn line(&self) -> i64 {
        self.code
            .line_of(self.lasti)
            .map(i64::from)
            .unwrap_or(self.code.co.firstlineno as i64)
    }
}

impl Interpreter {
    fn frame_view(&self, gen: &Value) -> Option<FrameView> {
        let g = gen_of(gen)?;
        if let State::Suspended(s) = &*g.state.borrow() {
            let frame = s.frame()?;
            let n = frame.code.nlocalsplus.min(s.values.len());
            return Some(FrameView {
                code: Rc::clone(&frame.code),
                lasti: frame.lasti,
                globals: Rc::clone(&frame.globals),
                slots: s.values[..n].to_vec(),
            });
        }
        let frame = self
            .frames
            .iter()
            .rev()
            .find(|f| f.generator.as_ref().is_some_and(|x| x.is(gen)))?;
        let end = (frame.base + frame.code.nlocalsplus).min(self.stack.len());
        Some(FrameView {
            code: Rc::clone(&frame.code),
            lasti: frame.lasti,
            globals: Rc::clone(&frame.globals),
            slots: self.stack[frame.base.min(end)..end].to_vec(),
        })
    }

    /// `repr(frame)`.
    pub fn frame_repr(&self, frame: &Rc<Object>) -> String {
        let at = crate::format::address(frame);
        let Object::Frame(gen) = &**frame else {
            return format!("<frame at {at}>");
        };
        if let Some(Object::Traceback(tb)) = gen.as_object() {
            return crate::tbobject::frame_repr(tb, &at);
        }
        match self.frame_view(gen) {
            Some(view) => format!(
                "<frame at {at}, file '{}', line {}, code {}>",
                view.code.co.filename,
                view.line(),
                view.code.co.name
            ),
            None => format!("<frame at {at}>"),
        }
    }

    /// The attributes of frame objects.
    pub fn frame_attr(&mut self, gen: &Value, name: &str) -> Option<Value> {
        if let Some(Object::Traceback(tb)) = gen.as_object() {
            return crate::tbobject::frame_attr(tb, name);
        }
        let view = self.frame_view(gen)?;
        let code = &view.code;
        Some(match name {
            "f_code" => Value::obj(Object::Code(code.clone())),
            "f_lineno" => Value::Int(view.line()),
            "f_lasti" => Value::Int(code.offsets.get(view.lasti).map_or(-1, |&o| o as i64)),
            "f_globals" => Value::Obj(view.globals.clone()),
            "f_back" => Value::None,
            "f_locals" => {
                let mut d = crate::dict::Dict::new();
                for (i, v) in view.slots.iter().enumerate() {
                    let v = match v.as_object() {
                        Some(Object::Cell(c)) if code.is_cell[i] => match &*c.borrow() {
                            Some(v) => v.clone(),
                            None => continue,
                        },
                        _ => v.clone(),
                    };
                    if v.is_null() {
                        continue;
                    }
                    let _ = d.insert(Value::str(&code.co.localsplusnames[i]), v);
                }
                Value::obj(Object::Dict(RefCell::new(d)))
            }
            _ => return None,
        })
    }
}
