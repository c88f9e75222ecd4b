//! Generators: a generator owns its frame while it is suspended.
//!
//! RETURN_GENERATOR copies the new frame's slots (locals, cells, value
//! stack) out of the interpreter's stack into the generator object and
//! returns the generator to the caller. Resuming copies them back on top of
//! the stack, pushes the sent value and runs the frame in a nested
//! evaluation loop until YIELD_VALUE copies the slots out again or the
//! frame returns. (A chain of `yield from` therefore nests Rust calls, one
//! per generator in the chain; running generator frames inside the one
//! loop is the planned next step.)

use std::cell::RefCell;
use std::rc::Rc;

use crate::code::Code;
use crate::error::{PyErr, PyResult};
use crate::interp::{Frame, Interpreter};
use crate::object::{BuiltinFn, Object};
use crate::value::Value;

/// A suspended frame.
pub struct Saved {
    pub code: Rc<Code>,
    pub ip: usize,
    pub lasti: usize,
    pub globals: Rc<Object>,
    pub closure: Option<Value>,
    /// localsplus slots followed by the value stack.
    pub values: Vec<Value>,
    /// Set once the frame has run past its start (a send of non-None is
    /// then allowed).
    pub started: bool,
}

pub enum State {
    Suspended(Saved),
    Running,
    Finished,
}

pub struct Generator {
    pub code: Rc<Code>,
    pub name: Value,
    pub qualname: Value,
    pub state: RefCell<State>,
}

impl Generator {
    pub fn is_coroutine(&self) -> bool {
        self.code.co.flags & pyrite_compiler::code::flags::COROUTINE != 0
    }
}

/// How a resumed generator stopped.
pub enum Resumed {
    Yielded(Value),
    Returned(Value),
}

/// RETURN_GENERATOR: a generator owning `frame` (whose slots are `values`).
pub fn create(frame: &Frame, values: Vec<Value>) -> Value {
    Value::obj(Object::Generator(Generator {
        code: frame.code.clone(),
        name: frame.code.name.clone(),
        qualname: frame.code.qualname.clone(),
        state: RefCell::new(State::Suspended(Saved {
            code: frame.code.clone(),
            ip: frame.ip,
            lasti: frame.lasti,
            globals: frame.globals.clone(),
            closure: frame.closure.clone(),
            values,
            started: false,
        })),
    }))
}

fn gen_of(v: &Value) -> Option<&Generator> {
    match v.as_object() {
        Some(Object::Generator(g)) => Some(g),
        _ => None,
    }
}

impl Interpreter {
    /// Resume `gen` with `sent` (or by raising `throw` at its yield).
    pub fn resume_generator(
        &mut self,
        gen: &Value,
        sent: Value,
        throw: Option<PyErr>,
    ) -> PyResult<Resumed> {
        let Some(g) = gen_of(gen) else {
            return Err(self.type_error("not a generator"));
        };
        let kind = if g.is_coroutine() {
            "coroutine"
        } else {
            "generator"
        };
        // Take the state in its own statement: the borrow must end before
        // the arms below write the state back.
        let previous = std::mem::replace(&mut *g.state.borrow_mut(), State::Running);
        let saved = match previous {
            State::Suspended(s) => s,
            State::Running => {
                *g.state.borrow_mut() = State::Running;
                return Err(self.value_error(format!("{kind} already executing")));
            }
            State::Finished => {
                *g.state.borrow_mut() = State::Finished;
                if let Some(e) = throw {
                    return Err(e);
                }
                return Ok(Resumed::Returned(Value::None));
            }
        };
        if !saved.started && throw.is_none() && !sent.is_none() {
            *g.state.borrow_mut() = State::Suspended(saved);
            return Err(self.type_error(format!(
                "can't send non-None value to a just-started {kind}"
            )));
        }
        if let Err(e) = self.check_rust_reentry() {
            *g.state.borrow_mut() = State::Suspended(saved);
            return Err(e);
        }
        let base = self.stack.len();
        self.stack.extend(saved.values);
        self.frames.push(Frame {
            code: saved.code,
            ip: saved.ip,
            lasti: saved.lasti,
            base,
            globals: saved.globals,
            locals: None,
            kw_names: None,
            closure: saved.closure,
            generator: Some(gen.clone()),
            entry: true,
            ret_sp: base,
        });
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
        let yielded = std::mem::replace(&mut self.yielded, false);
        match result {
            Ok(v) if yielded => Ok(Resumed::Yielded(v)),
            Ok(v) => {
                *g.state.borrow_mut() = State::Finished;
                Ok(Resumed::Returned(v))
            }
            Err(e) => {
                *g.state.borrow_mut() = State::Finished;
                Err(self.stop_iteration_to_runtime_error(e, kind))
            }
        }
    }

    /// PEP 479: a StopIteration escaping a generator becomes RuntimeError.
    fn stop_iteration_to_runtime_error(&mut self, e: PyErr, kind: &str) -> PyErr {
        let stop = self.types.exception("StopIteration");
        if !self.type_of(&e.0).is_subtype(&stop) {
            return e;
        }
        let err = self.err("RuntimeError", format!("{kind} raised StopIteration"));
        if let Some(Object::Exception(x)) = err.0.as_object() {
            *x.cause.borrow_mut() = Some(e.0.clone());
            *x.context.borrow_mut() = Some(e.0);
            x.suppress_context.set(true);
        }
        err
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
}

pub fn next(interp: &mut Interpreter, gen: &Value) -> PyResult<Option<Value>> {
    interp.generator_next(gen)
}

type Kwargs = [(Rc<str>, Value)];

pub const METHODS: &[(&str, BuiltinFn)] = &[("send", send), ("throw", throw), ("close", close)];

fn send(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let [gen, value] = args else {
        return Err(interp.type_error(format!(
            "generator.send() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    };
    match interp.resume_generator(gen, value.clone(), None)? {
        Resumed::Yielded(v) => Ok(v),
        Resumed::Returned(v) => Err(interp.stop_iteration(v)),
    }
}

fn throw(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let Some((gen, rest)) = args.split_first() else {
        return Err(interp.type_error("throw expected at least 1 argument, got 0"));
    };
    let exc = match rest {
        [typ] | [typ, Value::None] | [typ, Value::None, _] => typ.clone(),
        [typ, val, ..] => {
            if matches!(val.as_object(), Some(Object::Exception(_))) {
                val.clone()
            } else {
                interp.call(typ, vec![val.clone()], Vec::new())?
            }
        }
        [] => return Err(interp.type_error("throw expected at least 1 argument, got 0")),
    };
    let exc = match exc.as_object() {
        Some(Object::Type(_)) => interp.call(&exc, Vec::new(), Vec::new())?,
        Some(Object::Exception(_)) => exc,
        _ => {
            return Err(interp.type_error(
                "exceptions must be classes or instances deriving from BaseException, not str",
            ))
        }
    };
    match interp.resume_generator(gen, Value::None, Some(PyErr(exc)))? {
        Resumed::Yielded(v) => Ok(v),
        Resumed::Returned(v) => Err(interp.stop_iteration(v)),
    }
}

fn close(interp: &mut Interpreter, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let Some(gen) = args.first() else {
        return Ok(Value::None);
    };
    let Some(g) = gen_of(gen) else {
        return Ok(Value::None);
    };
    // A generator that never started just finishes.
    let not_started = matches!(&*g.state.borrow(), State::Suspended(s) if !s.started);
    if not_started || matches!(&*g.state.borrow(), State::Finished) {
        *g.state.borrow_mut() = State::Finished;
        return Ok(Value::None);
    }
    let t = interp.types.exception("GeneratorExit");
    let exit = PyErr(interp.exception(&t, Vec::new()));
    match interp.resume_generator(gen, Value::None, Some(exit)) {
        Ok(Resumed::Yielded(_)) => {
            Err(interp.err("RuntimeError", "generator ignored GeneratorExit"))
        }
        Ok(Resumed::Returned(_)) => Ok(Value::None),
        Err(e) => {
            let exit = interp.types.exception("GeneratorExit");
            let stop = interp.types.exception("StopIteration");
            let t = interp.type_of(&e.0);
            if t.is_subtype(&exit) || t.is_subtype(&stop) {
                Ok(Value::None)
            } else {
                Err(e)
            }
        }
    }
}
