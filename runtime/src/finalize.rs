//! Finalizing generators, coroutines and async generators whose last
//! reference goes away while their frame could still run (CPython's
//! `_PyGen_Finalize`): a suspended one is closed, so its `finally` blocks
//! run; a coroutine that never started is reported as never awaited.
//!
//! Dropping an object cannot run Python code, so `Drop` moves the frame
//! into a new generator queued here, and the evaluation loop runs the
//! queue after the instruction that dropped it (`finalize_generators`),
//! which is where CPython would have run it. At exit the `__main__`
//! namespace is cleared in order, finalizing what it still holds.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use crate::error::PyErr;
use crate::generator::{Generator, Kind, State};
use crate::object::Object;
use crate::value::Value;
use crate::Interpreter;

thread_local! {
    static DOOMED: RefCell<VecDeque<Generator>> = const { RefCell::new(VecDeque::new()) };
    static PENDING: Cell<bool> = const { Cell::new(false) };
}

/// Are generators waiting to be finalized? (Checked by the evaluation
/// loop after each instruction.)
#[inline(always)]
pub fn pending() -> bool {
    PENDING.with(Cell::get)
}

impl Drop for Generator {
    fn drop(&mut self) {
        let needs = match self.state.get_mut() {
            State::Suspended(s) => s.started || self.kind == Kind::Coroutine,
            _ => false,
        };
        if !needs {
            return;
        }
        let state = std::mem::replace(self.state.get_mut(), State::Finished);
        let mut doomed = Some(Generator {
            code: self.code.clone(),
            kind: self.kind,
            name: RefCell::new(std::mem::replace(self.name.get_mut(), Value::None)),
            qualname: RefCell::new(std::mem::replace(self.qualname.get_mut(), Value::None)),
            state: RefCell::new(state),
            exc_state: RefCell::new(std::mem::replace(self.exc_state.get_mut(), Value::None)),
            running_async: Cell::new(self.running_async.get()),
            closed: Cell::new(self.closed.get()),
            spare: RefCell::new(None),
        });
        let _ = DOOMED.try_with(|q| {
            if let Ok(mut q) = q.try_borrow_mut() {
                q.extend(doomed.take());
                let _ = PENDING.try_with(|p| p.set(true));
            }
        });
        // The queue is gone (thread exit): drop the frame unfinalized.
        if let Some(g) = doomed {
            *g.state.borrow_mut() = State::Finished;
        }
    }
}

fn next_doomed() -> Option<Generator> {
    DOOMED
        .try_with(|q| q.try_borrow_mut().ok().and_then(|mut q| q.pop_front()))
        .ok()
        .flatten()
}

impl Interpreter {
    /// Finalize the generators that lost their last reference (see the
    /// module comment). The frame on top must have its `lasti` up to date:
    /// warnings and errors are reported there.
    pub fn finalize_generators(&mut self) {
        PENDING.with(|p| p.set(false));
        while let Some(g) = next_doomed() {
            let unawaited = g.kind == Kind::Coroutine
                && matches!(&*g.state.borrow(), State::Suspended(s) if !s.started);
            let gen = Value::obj(Object::Generator(Box::new(g)));
            if unawaited {
                self.warn_unawaited(&gen);
                if let Some(Object::Generator(g)) = gen.as_object() {
                    *g.state.borrow_mut() = State::Finished;
                }
            } else if let Err(e) = self.close_generator(&gen) {
                self.write_unraisable(e, &gen);
            }
            PENDING.with(|p| p.set(false));
        }
    }

    /// `RuntimeWarning: coroutine '...' was never awaited`, once per
    /// source location, as the warnings module prints it.
    fn warn_unawaited(&mut self, coro: &Value) {
        let qualname = match coro.as_object() {
            Some(Object::Generator(g)) => crate::format::str_value(&g.qualname.borrow()),
            _ => return,
        };
        let text = format!("coroutine '{qualname}' was never awaited");
        let location = self.frames.last().map(|f| {
            let line = f.code.line_of(f.lasti).map_or(1, i64::from);
            (f.code.co.filename.to_string(), line)
        });
        let key = match &location {
            Some((file, line)) => (file.clone(), *line, text.clone()),
            None => ("sys".to_string(), 1, text.clone()),
        };
        if !self.warned.insert(key) {
            return;
        }
        let _ = std::io::Write::flush(&mut self.out);
        match location {
            Some((file, line)) => {
                eprintln!("{file}:{line}: RuntimeWarning: {text}");
                if let Some(source) = crate::traceback::source_line(&file, line) {
                    eprintln!("  {}", source.trim());
                }
                eprintln!(
                    "RuntimeWarning: Enable tracemalloc to get the object allocation traceback"
                );
            }
            None => eprintln!("sys:1: RuntimeWarning: {text}"),
        }
    }

    /// An error no one can catch (raised while finalizing `obj`): printed
    /// as CPython's `PyErr_WriteUnraisable` prints it.
    pub fn write_unraisable(&mut self, err: PyErr, obj: &Value) {
        if let (Some(Object::Exception(e)), Some(frame)) = (err.0.as_object(), self.frames.last()) {
            let mut tb = e.traceback.borrow_mut();
            if tb.is_empty() {
                tb.push((frame.code.clone(), frame.lasti));
            }
        }
        let what = crate::format::repr(self, obj).unwrap_or_default();
        let text = crate::traceback::format_unchained(self, &err.0);
        let _ = std::io::Write::flush(&mut self.out);
        eprint!("Exception ignored in: {what}\n{text}");
    }

    /// At exit: clear the `__main__` namespace in order, finalizing the
    /// generators it holds, as CPython's interpreter shutdown does.
    pub fn finalize_main_module(&mut self, globals: &Value) {
        let Some(Object::Dict(d)) = globals.as_object() else {
            return;
        };
        let keys: Vec<Value> = d.borrow().iter().map(|(k, _)| k.clone()).collect();
        for k in keys {
            if crate::format::str_value(&k) == "__builtins__" {
                continue;
            }
            let _ = d.borrow_mut().insert(k, Value::None);
            if pending() {
                self.finalize_generators();
            }
        }
    }
}
