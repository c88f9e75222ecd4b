//! Finalizing objects whose last reference goes away:
//!
//! * generators, coroutines and async generators whose frame could still
//!   run (CPython's `_PyGen_Finalize`): a suspended one is closed, so its
//!   `finally` blocks run; a coroutine that never started is reported as
//!   never awaited;
//! * instances of classes that define `__del__` (PEP 442: called at most
//!   once per object, errors reported as unraisable);
//! * the callbacks of weak references to a dying instance
//!   (`crate::modules::weakref`), most recently made first.
//!
//! Dropping an object cannot run Python code, so `Drop` moves the state
//! into a new object queued here (a generator gets the frame, an instance
//! a fresh `Instance` with the class, dict, slots and base, marked as
//! finalized), and the evaluation loop runs the queue after the
//! instruction that dropped it (`finalize_generators`), which is where
//! CPython would have run it. At exit the `__main__` namespace is cleared
//! in order, finalizing what it still holds.

use std::cell::{Cell, RefCell};
use std::collections::{HashSet, VecDeque};

use crate::error::PyErr;
use crate::generator::{Generator, Kind, State};
use crate::object::{Instance, Object};
use crate::types::Hooks;
use crate::value::Value;
use crate::Interpreter;

/// Work for the evaluation loop.
enum Doomed {
    /// A generator to close (or report as never awaited).
    Generator(Generator),
    /// An instance whose `__del__` is to run (already marked finalized).
    Del(Value),
    /// `callback(weakref)` for a weak reference whose referent died.
    Callback(Value, Value),
}

thread_local! {
    static DOOMED: RefCell<VecDeque<Doomed>> = const { RefCell::new(VecDeque::new()) };
    static PENDING: Cell<bool> = const { Cell::new(false) };
    /// The instances whose `__del__` has run or is queued (by address of
    /// their `Instance`): a resurrected one does not run it again.
    static FINALIZED: RefCell<HashSet<usize>> = RefCell::new(HashSet::new());
}

/// Are objects waiting to be finalized? (Checked by the evaluation loop
/// after the instructions that commonly drop values.)
#[inline(always)]
pub fn pending() -> bool {
    PENDING.with(Cell::get)
}

/// Queue work for the evaluation loop; gives it back when the queue is
/// gone (thread exit).
#[must_use]
fn enqueue(d: Doomed) -> Option<Doomed> {
    let mut d = Some(d);
    let _ = DOOMED.try_with(|q| {
        if let Ok(mut q) = q.try_borrow_mut() {
            q.extend(d.take());
            let _ = PENDING.try_with(|p| p.set(true));
        }
    });
    d
}

/// Queue `callback(weakref)` (see `crate::modules::weakref`).
pub(crate) fn enqueue_callback(callback: Value, weakref: Value) {
    let _ = enqueue(Doomed::Callback(callback, weakref));
}

impl Drop for Instance {
    #[inline]
    fn drop(&mut self) {
        let hooks = self.typ.hooks.get();
        if hooks.on_drop() {
            instance_dying(self, hooks);
        }
    }
}

/// An instance of a class with `__del__` or weak references is dying:
/// queue its `__del__` (on a fresh instance that takes over its contents)
/// and then its weak references' callbacks, in CPython's order.
#[cold]
#[inline(never)]
fn instance_dying(inst: &mut Instance, hooks: Hooks) {
    let key = inst as *const Instance as usize;
    if hooks.has(Hooks::DEL) {
        let finalized = FINALIZED
            .try_with(|f| f.try_borrow_mut().map(|mut f| f.remove(&key)))
            .ok()
            .and_then(Result::ok);
        // `None`: the thread is exiting; let the instance go.
        if finalized == Some(false) {
            let fresh = Instance {
                typ: inst.typ.clone(),
                dict: inst.dict.take(),
                slots: RefCell::new(std::mem::take(inst.slots.get_mut())),
                base: inst.base.take(),
            };
            let v = Value::obj(Object::Instance(fresh));
            if let Some(Object::Instance(i)) = v.as_object() {
                let fresh_key = i as *const Instance as usize;
                let _ = FINALIZED.try_with(|f| {
                    if let Ok(mut f) = f.try_borrow_mut() {
                        f.insert(fresh_key);
                    }
                });
            }
            // Unqueued, the fresh instance is dropped as finalized.
            let _ = enqueue(Doomed::Del(v));
        }
    }
    if hooks.has(Hooks::WEAKREF) {
        crate::modules::weakref::referent_died(key);
    }
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
        let doomed = Generator {
            code: self.code.clone(),
            kind: self.kind,
            name: RefCell::new(std::mem::replace(self.name.get_mut(), Value::None)),
            qualname: RefCell::new(std::mem::replace(self.qualname.get_mut(), Value::None)),
            state: RefCell::new(state),
            exc_state: Cell::new(self.exc_state.replace(Value::None)),
            running_async: Cell::new(self.running_async.get()),
            closed: Cell::new(self.closed.get()),
            spare: Cell::new(None),
        };
        // The queue is gone (thread exit): drop the frame unfinalized.
        if let Some(Doomed::Generator(g)) = enqueue(Doomed::Generator(doomed)) {
            *g.state.borrow_mut() = State::Finished;
        }
    }
}

fn next_doomed() -> Option<Doomed> {
    DOOMED
        .try_with(|q| q.try_borrow_mut().ok().and_then(|mut q| q.pop_front()))
        .ok()
        .flatten()
}

impl Interpreter {
    /// Finalize the objects that lost their last reference (see the
    /// module comment). The frame on top must have its `lasti` up to date:
    /// warnings and errors are reported there.
    pub fn finalize_generators(&mut self) {
        PENDING.with(|p| p.set(false));
        while let Some(d) = next_doomed() {
            match d {
                Doomed::Generator(g) => self.finalize_generator(g),
                Doomed::Del(inst) => {
                    let del = match inst.as_object() {
                        Some(Object::Instance(i)) => i.typ.lookup_special("__del__"),
                        _ => None,
                    };
                    if let Some(del) = del {
                        if let Err(e) = self.call(&del, vec![inst.clone()], Vec::new()) {
                            self.write_unraisable(e, &del);
                        }
                    }
                }
                Doomed::Callback(callback, weakref) => {
                    if let Err(e) = self.call(&callback, vec![weakref], Vec::new()) {
                        self.write_unraisable(e, &callback);
                    }
                }
            }
            PENDING.with(|p| p.set(false));
        }
    }

    /// Close a dropped generator, or report a coroutine never awaited.
    fn finalize_generator(&mut self, g: Generator) {
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
                tb.push((std::rc::Rc::clone(&frame.code), frame.lasti));
            }
        }
        let what = crate::format::repr(self, obj).unwrap_or_default();
        let text = crate::traceback::format_unchained(self, &err.0);
        let _ = std::io::Write::flush(&mut self.out);
        eprint!("Exception ignored in: {what}\n{text}");
    }

    /// At exit: clear the `__main__` namespace in order, finalizing the
    /// generators and instances it holds, as CPython's interpreter
    /// shutdown does. Lists, tuples, dicts and sets go in a second pass:
    /// CPython's shutdown frees what they hold after the namespace's
    /// other values.
    pub fn finalize_main_module(&mut self, globals: &Value) {
        let Some(Object::Dict(d)) = globals.as_object() else {
            return;
        };
        let keys: Vec<(Value, bool)> = d
            .borrow()
            .iter()
            .map(|(k, v)| {
                let container = matches!(
                    v.as_object(),
                    Some(
                        Object::List(_)
                            | Object::Tuple(_)
                            | Object::Dict(_)
                            | Object::Set(_)
                            | Object::FrozenSet(_)
                    )
                );
                (k.clone(), container)
            })
            .collect();
        for pass in [false, true] {
            for (k, container) in &keys {
                if *container != pass || crate::format::str_value(k) == "__builtins__" {
                    continue;
                }
                let _ = d.borrow_mut().insert(k.clone(), Value::None);
                if pending() {
                    self.finalize_generators();
                }
            }
        }
    }
}
