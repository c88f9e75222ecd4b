//! The evaluation loop.
//!
//! One dispatch loop runs every Python frame: a call to a Python function
//! pushes a frame and the loop continues in it; RETURN_VALUE pops it and
//! pushes the result on the caller's stack, which resumes at its saved
//! instruction. Rust recursion happens only when Rust code calls back into
//! Python (`Interpreter::call`), and that counts against the recursion
//! limit like a Python call.
//!
//! Errors are unwound through the code object's exception table: the value
//! stack is cut back to the handler's depth, the exception (and, for
//! cleanup handlers, the instruction index) is pushed, and execution jumps
//! to the handler. A frame without a handler is popped and the error
//! continues in its caller, gaining a traceback entry there.

use std::cell::RefCell;
use std::rc::Rc;

use pyrite_compiler::opcode::Op;

use crate::attrcache::{self, Found};
use crate::code::{Code, Inst};
use crate::dict::Dict;
use crate::error::{PyErr, PyResult};
use crate::interp::{Interpreter, OnReturn};
use crate::object::{Function, Object};
use crate::subscr;
use crate::value::Value;

/// CPython's NULL: the empty slot before a callable (PUSH_NULL, LOAD_GLOBAL
/// with the low bit) and an unbound local.
pub const NULL: Value = Value::Null;

/// What an instruction asks the loop to do next.
enum Flow {
    Next,
    /// A new frame was pushed (a Python call): continue in it.
    NewFrame,
    /// The current frame returned this value.
    Return(Value),
    /// The current (generator) frame yielded this value.
    Yield(Value),
    /// Continue, after finalizing the generators the instruction dropped
    /// (see finalize.rs; only the instructions that commonly drop values
    /// check, to keep the others free of it).
    Finalize,
}

/// Run an instruction's general code, written with `self.push`/`self.pop`
/// on `self.stack`, inside `step`, whose simple instructions move the
/// stack top in the local `sp` instead: the stack's length is set from
/// `sp` first, and `sp` read back from the stack after when the
/// instruction continues in the same frame (any other outcome, and an
/// error, leaves the loop, which reads the stack itself). The code's
/// `return`s return its outcome.
macro_rules! on_stack {
    ($self:ident, $sp:ident, $body:block) => {{
        // SAFETY: `sp` is the stack top (see `Interpreter::sync_len`).
        unsafe { $self.sync_len(*$sp) };
        #[allow(unreachable_code, clippy::needless_return, clippy::redundant_closure_call)]
        let flow: PyResult<Flow> = (|| {
            $body
            Ok(Flow::Next)
        })();
        if let Ok(Flow::Next) = flow {
            *$sp = $self.stack_top();
        }
        return flow;
    }};
}

/// Push onto the stack top `sp` (see `step`).
///
/// # Safety
/// The slot at `sp` is within the stack's allocation and free: `eval`
/// reserved the frame's verified maximum depth.
#[inline(always)]
unsafe fn sp_push(sp: &mut *mut Value, v: Value) {
    sp.write(v);
    *sp = sp.add(1);
}

/// Pop the stack top `sp` (see `step`).
///
/// # Safety
/// The stack holds a value below `sp` (verify.rs proved the depths).
#[inline(always)]
unsafe fn sp_pop(sp: &mut *mut Value) -> Value {
    *sp = sp.sub(1);
    sp.read()
}

impl Interpreter {
    /// Push onto the value stack. No capacity check: `eval` reserved the
    /// frame's verified maximum depth when it entered the frame (see
    /// verify.rs), and a checked push costs a call's worth of spills.
    #[inline(always)]
    fn push(&mut self, v: Value) {
        let len = self.stack.len();
        debug_assert!(len < self.stack.capacity(), "value stack overflow");
        // SAFETY: `len < capacity` (above), so the slot is allocated and
        // unused; it is initialised before `set_len` makes it part of the
        // stack.
        unsafe {
            self.stack.as_mut_ptr().add(len).write(v);
            self.stack.set_len(len + 1);
        }
    }

    /// Pop the value stack. No emptiness check: the stack never runs dry
    /// (verify.rs, `STACK_GUARD`).
    #[inline(always)]
    fn pop(&mut self) -> Value {
        let len = self.stack.len();
        debug_assert!(len > 0, "value stack underflow");
        // SAFETY: `len > 0`, so the slot `len - 1` holds a value; it is
        // moved out as the length drops below it, so it is dropped once.
        unsafe {
            self.stack.set_len(len - 1);
            self.stack.as_ptr().add(len - 1).read()
        }
    }

    fn top(&self) -> &Value {
        self.stack.last().unwrap_or(&Value::None)
    }

    /// The address one past the value stack's top (what `step` keeps in
    /// `sp`).
    #[inline(always)]
    fn stack_top(&mut self) -> *mut Value {
        // SAFETY: one past the last value is within (or at the end of)
        // the allocation.
        unsafe { self.stack.as_mut_ptr().add(self.stack.len()) }
    }

    /// Make `self.stack` end at `sp` again.
    ///
    /// # Safety
    /// `sp` points into the stack's allocation at or above its start, and
    /// every slot below it holds a value (it came from `stack_top` and
    /// moved by pushes and pops since).
    #[inline(always)]
    unsafe fn sync_len(&mut self, sp: *mut Value) {
        self.stack
            .set_len(sp.offset_from(self.stack.as_ptr()) as usize);
    }

    /// An instruction that ran on `sp` let go of a generator to finalize.
    #[cold]
    fn finalize_flow(&mut self, sp: *mut Value) -> PyResult<Flow> {
        // SAFETY: `sp` is `step`'s stack top (see `sync_len`).
        unsafe { self.sync_len(sp) };
        Ok(Flow::Finalize)
    }

    /// The value `n` slots below the top (`peek(1)` is the top).
    fn peek(&self, n: usize) -> &Value {
        &self.stack[self.stack.len() - n]
    }

    /// Run frames until the entry frame (the one on top when called)
    /// returns or raises.
    pub(crate) fn eval(&mut self) -> PyResult<Value> {
        loop {
            let fi = self.frames.len() - 1;
            // SAFETY: the frame at `fi` owns an `Rc` of its code and stays
            // on the frame stack while this frame's instructions run: only
            // this function (below, after leaving the inner loop) and
            // `unwind` pop frames, and a nested `eval` pops only the frames
            // above its own entry. Borrowing the code instead of cloning the
            // `Rc` saves a count up and down on every frame switch.
            let code: &Code = unsafe { &*Rc::as_ptr(&self.frames[fi].code) };
            let base = self.frames[fi].base;
            let mut ip = self.frames[fi].ip;
            // The frame's pushes are unchecked (see `push`): make room for
            // its deepest stack now.
            let need = base + code.frame_room;
            if need > self.stack.capacity() {
                self.stack.reserve(need - self.stack.len());
            }
            // The instruction array's address, read once per frame switch
            // rather than through `code` on every instruction.
            let insts = code.insts.as_ptr();
            // The value stack's top, kept in a local while the frame runs
            // (see `step`).
            let mut sp = self.stack_top();
            let outcome = loop {
                debug_assert!(ip < code.insts.len(), "instruction pointer past the end");
                // SAFETY: `ip` only ever holds an index verify.rs proved
                // in bounds: the first instruction, the one after an
                // instruction that falls through (no path runs off the
                // end), a jump or handler target, the instruction after a
                // superinstruction's partner, or a frame's saved position,
                // which was one of those.
                let inst = unsafe { *insts.add(ip) };
                ip += 1;
                let flow = self.step(code, base, fi, inst, &mut ip, &mut sp);
                // Written as a two-way test so that the common case is one
                // predictable branch, not a second jump table after the
                // opcode's.
                let Ok(Flow::Next) = flow else {
                    match flow {
                        Ok(Flow::Next) => {}
                        Ok(Flow::Finalize) => {
                            self.frames[fi].ip = ip;
                            self.frames[fi].lasti = ip - 1;
                            self.finalize_generators();
                        }
                        Ok(Flow::NewFrame) => {
                            self.frames[fi].ip = ip;
                            self.frames[fi].lasti = ip - 1;
                            break Ok(None);
                        }
                        Ok(Flow::Return(v)) => break Ok(Some(v)),
                        Ok(Flow::Yield(v)) => {
                            let (gen, for_iter) = self.suspend_top(ip);
                            if for_iter {
                                // The loop below gets the value.
                                self.leave_for_iter(gen.as_ref(), false);
                                self.stack.push(v);
                                break Ok(None);
                            }
                            // Other generator frames run as entry frames
                            // of resume_generator.
                            self.yielded = true;
                            return Ok(v);
                        }
                        Err(e) => {
                            self.frames[fi].lasti = ip - 1;
                            // A bare `raise` re-raises without a new traceback entry.
                            let reraise = matches!(inst.op, Op::RERAISE | Op::END_ASYNC_FOR)
                                || (inst.op == Op::RAISE_VARARGS && inst.arg == 0);
                            break Err(self.note_raise(e, reraise));
                        }
                    }
                    sp = self.stack_top();
                    continue;
                };
            };
            match outcome {
                Ok(None) => continue,
                Ok(Some(value)) => {
                    // An ordinary call's return, without moving the frame
                    // out of the frame stack first.
                    let frame = self.frames.last().expect("frame");
                    if frame.on_return == OnReturn::Push && !frame.entry && !frame.for_iter {
                        let ret_sp = frame.ret_sp;
                        crate::interp::drop_top_frame(&mut self.frames);
                        self.stack.truncate(ret_sp);
                        self.stack.push(value);
                        if crate::finalize::pending() {
                            self.finalize_generators();
                        }
                        continue;
                    }
                    let frame = self.frames.pop().expect("frame");
                    if let OnReturn::BinaryOp(op) = frame.on_return {
                        if matches!(value.as_object(), Some(Object::NotImplemented)) {
                            self.binary_op_not_implemented(op, frame.ret_sp)?;
                            continue;
                        }
                    }
                    self.stack.truncate(frame.ret_sp);
                    if frame.entry {
                        return Ok(value);
                    }
                    if frame.for_iter {
                        // The generator is exhausted: FOR_ITER's loop ends,
                        // or SEND's with the value returned in place of the
                        // generator.
                        self.leave_for_iter(frame.generator.as_ref(), true);
                        self.stack.pop();
                        if let Some(caller) = self.frames.last_mut() {
                            let at = caller.code.insts[caller.lasti];
                            caller.ip = at.arg as usize;
                            if at.op == Op::SEND {
                                self.stack.push(value);
                            }
                        }
                        continue;
                    }
                    if frame.on_return != OnReturn::Init {
                        self.stack.push(value);
                    } else if !value.is_none() {
                        // The instance is in place as the call's result;
                        // `__init__` may not return anything else.
                        let msg = format!(
                            "__init__() should return None, not '{}'",
                            self.type_name(&value)
                        );
                        let e = self.type_error(msg);
                        let e = self.note_raise(e, false);
                        self.unwind(e)?;
                        continue;
                    }
                    if crate::finalize::pending() {
                        self.finalize_generators();
                    }
                }
                Err(e) => self.unwind(e)?,
            }
        }
    }

    /// Record the current frame in a newly raised exception's traceback
    /// (not for a re-raise) and chain it to the exception being handled.
    pub(crate) fn note_raise(&mut self, err: PyErr, reraise: bool) -> PyErr {
        if reraise {
            return err;
        }
        let frame = self.frames.last().expect("frame");
        if let Value::Obj(o) = &err.0 {
            if let Object::Exception(e) = &**o {
                e.traceback
                    .borrow_mut()
                    .push((Rc::clone(&frame.code), frame.lasti));
                let handled = self.current_exception();
                if !handled.is_none() && !handled.is(&err.0) {
                    let mut ctx = e.context.borrow_mut();
                    if ctx.is_none() {
                        *ctx = Some(handled);
                    }
                }
            }
        }
        err
    }

    /// Find a handler for `err`, popping frames that have none. Returns
    /// Err when the entry frame is popped without a handler.
    pub(crate) fn unwind(&mut self, err: PyErr) -> PyResult<()> {
        let mut err = err;
        loop {
            let frame = self.frames.last_mut().expect("frame");
            if let Some(h) = frame.code.handler_for(frame.lasti) {
                let floor = frame.base + frame.code.nlocalsplus + h.depth;
                let lasti = frame.lasti;
                frame.ip = h.target;
                // Only a malformed code object has fewer values than its
                // handler's depth; padding keeps verify.rs's depths true.
                if self.stack.len() < floor {
                    self.stack.resize(floor, NULL);
                }
                self.stack.truncate(floor);
                if h.lasti {
                    self.stack.push(Value::Int(lasti as i64));
                }
                self.stack.push(err.0);
                return Ok(());
            }
            let frame = self.frames.pop().expect("frame");
            if let Some(Object::Exception(e)) = err.0.as_object() {
                let from = frame.ret_sp.min(self.stack.len());
                let gens = self
                    .stack
                    .drain(from..)
                    .filter(|v| matches!(v.as_object(), Some(Object::Generator(_))));
                e.frame_generators.borrow_mut().extend(gens);
            }
            self.stack.truncate(frame.ret_sp);
            if frame.for_iter {
                self.leave_for_iter(frame.generator.as_ref(), true);
                err = self.escaped_stop_iteration(err, crate::generator::Kind::Generator);
            }
            if frame.entry {
                return Err(err);
            }
            // The error continues at the caller's CALL instruction.
            err = self.note_raise(err, false);
        }
    }

    /// Localsplus slot `i` of the frame at `base`, to write (see `local`).
    #[inline(always)]
    fn local_mut(&mut self, base: usize, i: u32) -> &mut Value {
        let at = base + i as usize;
        debug_assert!(at < self.stack.len(), "local slot beyond the stack");
        // SAFETY: as in `local`.
        unsafe { self.stack.get_unchecked_mut(at) }
    }

    /// Localsplus slot `i` of the frame at `base`.
    #[inline(always)]
    fn local(&self, base: usize, i: u32) -> &Value {
        let at = base + i as usize;
        debug_assert!(at < self.stack.len(), "local slot beyond the stack");
        // SAFETY: verify.rs checked that every instruction's slot `i` is
        // below `nlocalsplus`, and at instruction boundaries the stack holds
        // at least the frame's localsplus slots.
        unsafe { self.stack.get_unchecked(at) }
    }

    /// Execute one instruction: the common opcodes inline, the rest in
    /// `step_rest`, which stays out of line so that the hot loop keeps
    /// few values in registers and a small stack frame.
    ///
    /// The value stack's top is `sp`, a local of the loop, not
    /// `self.stack`'s length: a push or pop then moves a register instead
    /// of loading and storing the length in memory, where every next
    /// instruction's access waited on the previous store (the local int
    /// loop of the benchmarks ran a fifth fewer instructions, and faster
    /// still). Between instructions that only move values (locals,
    /// constants, int and float arithmetic and comparisons, jumps, range
    /// and list loops, cached attribute and global loads) `self.stack`'s
    /// length is stale. Everything that may look at the stack otherwise
    /// (calls, anything that can run Python code or raise) runs inside
    /// `on_stack!`, which writes the length back first. On `Flow::Next`,
    /// `sp` is up to date; on any other outcome (and on an error), the
    /// stack is, and the loop reads `sp` from it again.
    ///
    /// The `unsafe` stack-top operations below (`sp_push`, `sp_pop`,
    /// reads at `sp.sub(n)`) rely on what verify.rs proved of the frame:
    /// every instruction's stack depth, within the room `eval` reserved.
    #[inline(always)]
    fn step(
        &mut self,
        code: &Code,
        base: usize,
        fi: usize,
        inst: Inst,
        ip: &mut usize,
        sp: &mut *mut Value,
    ) -> PyResult<Flow> {
        let arg = inst.arg;
        match inst.op {
            Op::NOP | Op::RESUME | Op::PRECALL | Op::CACHE | Op::EXTENDED_ARG => {}
            Op::POP_TOP => {
                drop(unsafe { sp_pop(sp) });
                if crate::finalize::pending() {
                    return self.finalize_flow(*sp);
                }
            }
            Op::PUSH_NULL => unsafe { sp_push(sp, NULL) },
            Op::COPY => unsafe {
                let v = (*sp.sub(arg as usize)).clone();
                sp_push(sp, v);
            },
            Op::SWAP => unsafe { std::ptr::swap(sp.sub(1), sp.sub(arg as usize)) },
            Op::LOAD_CONST => unsafe { sp_push(sp, code.constant(arg).clone()) },
            Op::LOAD_FAST => {
                let v = self.local(base, arg).clone();
                if v.is_null() {
                    on_stack!(self, sp, {
                        let v = self.load_fast(code, base, arg)?;
                        self.push(v);
                    });
                }
                unsafe { sp_push(sp, v) };
            }
            Op::STORE_FAST => {
                let v = unsafe { sp_pop(sp) };
                *self.local_mut(base, arg) = v;
                if crate::finalize::pending() {
                    return self.finalize_flow(*sp);
                }
            }
            Op::LOAD_GLOBAL => {
                // The hit path in line: one or two keys-version checks.
                let hit = code.name_caches.get(inst.cache as usize).and_then(|c| {
                    c.get()
                        .load_global(&self.frames[fi].globals, &self.builtins)
                });
                let Some(v) = hit else {
                    on_stack!(self, sp, {
                        let name = code.name(arg >> 1);
                        let v = match self.cached_name(code, fi, inst.cache, name, false) {
                            Some(v) => v,
                            None => self.load_global(fi, name)?,
                        };
                        if arg & 1 != 0 {
                            self.push(NULL);
                        }
                        self.push(v);
                    });
                };
                if arg & 1 != 0 {
                    unsafe { sp_push(sp, NULL) };
                }
                unsafe { sp_push(sp, v) };
            }
            Op::CALL => on_stack!(self, sp, { return self.call_from_stack(arg as usize) }),
            Op::RETURN_VALUE => {
                let v = unsafe { sp_pop(sp) };
                unsafe { self.sync_len(*sp) };
                return Ok(Flow::Return(v));
            }
            Op::BINARY_OP => {
                let fast = match unsafe { (&*sp.sub(2), &*sp.sub(1)) } {
                    (Value::Int(x), Value::Int(y)) => int_fast_path(arg, *x, *y),
                    (Value::Float(x), Value::Float(y)) => float_fast_path(arg, x.get(), y.get()),
                    (Value::Float(x), Value::Int(y)) => float_fast_path(arg, x.get(), *y as f64),
                    (Value::Int(x), Value::Float(y)) => float_fast_path(arg, *x as f64, y.get()),
                    _ => None,
                };
                let Some(r) = fast else {
                    on_stack!(self, sp, {
                        // Not two ints or floats (or an int result past i64).
                        let b = self.pop();
                        let a = self.pop();
                        let r = if arg == INPLACE_ADD && !crate::class::is_instance(&a) {
                            match self.inplace_str_add(code, base, *ip, a, &b) {
                                Ok(r) => r,
                                Err(a) => crate::ops::binary_op(self, arg, &a, &b)?,
                            }
                        } else {
                            let f = crate::class::forward_binary_method(self, arg, &a, &b);
                            if let Some(func) = f.as_ref().and_then(|f| loop_function(f, 2)) {
                                return self.binary_op_in_place(func, arg, a, b);
                            }
                            crate::ops::binary_op(self, arg, &a, &b)?
                        };
                        self.push(r);
                    });
                };
                // Both operands are ints or floats: nothing to drop.
                unsafe {
                    *sp = sp.sub(1);
                    sp.sub(1).write(r);
                }
            }
            Op::COMPARE_OP => {
                let Some(truth) = fast_compare(arg, unsafe { &*sp.sub(2) }, unsafe { &*sp.sub(1) })
                else {
                    on_stack!(self, sp, {
                        let b = self.pop();
                        let a = self.pop();
                        let r = match fast_compare(arg, &a, &b) {
                            Some(truth) => Value::bool(truth),
                            None => crate::ops::compare(self, arg, &a, &b)?,
                        };
                        self.push(r);
                    });
                };
                // Ints and floats: nothing to drop.
                unsafe {
                    *sp = sp.sub(1);
                    sp.sub(1).write(Value::bool(truth));
                }
            }
            // Superinstructions (see quicken.rs): `*ip` is the partner.
            Op::LOAD_FAST__LOAD_FAST => {
                let v = self.local(base, arg).clone();
                let w = self.local(base, code.insts[*ip].arg).clone();
                if v.is_null() || w.is_null() {
                    drop((v, w));
                    on_stack!(self, sp, {
                        let v = self.load_fast(code, base, arg)?;
                        self.push(v);
                        let w = self.local(base, code.insts[*ip].arg).clone();
                        if !w.is_null() {
                            self.push(w);
                            *ip += 1;
                        }
                    });
                }
                unsafe {
                    sp_push(sp, v);
                    sp_push(sp, w);
                }
                *ip += 1;
            }
            Op::LOAD_FAST__LOAD_CONST => {
                let v = self.local(base, arg).clone();
                if v.is_null() {
                    on_stack!(self, sp, {
                        let v = self.load_fast(code, base, arg)?;
                        self.push(v);
                        let c = code.constant(code.insts[*ip].arg).clone();
                        self.push(c);
                        *ip += 1;
                    });
                }
                unsafe {
                    sp_push(sp, v);
                    sp_push(sp, code.constant(code.insts[*ip].arg).clone());
                }
                *ip += 1;
            }
            Op::STORE_FAST__LOAD_FAST => {
                let v = unsafe { sp_pop(sp) };
                *self.local_mut(base, arg) = v;
                let w = self.local(base, code.insts[*ip].arg).clone();
                if !w.is_null() {
                    unsafe { sp_push(sp, w) };
                    *ip += 1;
                }
                if crate::finalize::pending() {
                    return self.finalize_flow(*sp);
                }
            }
            Op::LOAD_FAST__LOAD_ATTR | Op::LOAD_FAST__LOAD_METHOD => {
                // `self.x` / `self.m`: the common cases in line, the rest
                // (and any error) on the stack below.
                let partner = code.insts[*ip];
                let name = code.name(partner.arg);
                let owner = self.local(base, arg);
                if inst.op == Op::LOAD_FAST__LOAD_ATTR {
                    if let Some(v) =
                        attrcache::load_instance_value(code, partner.cache, owner, name)
                    {
                        *ip += 1;
                        unsafe { sp_push(sp, v) };
                        return Ok(Flow::Next);
                    }
                } else if let Some(Found::Method(func)) =
                    attrcache::load(code, partner.cache, owner, name)
                {
                    let owner = owner.clone();
                    *ip += 1;
                    unsafe {
                        sp_push(sp, func);
                        sp_push(sp, owner);
                    }
                    return Ok(Flow::Next);
                }
                on_stack!(self, sp, {
                    // The rest: the partner's work done here with the cache's
                    // answer, without pushing the local first. An unbound
                    // local fails at the LOAD_FAST; any other error at the
                    // partner, as `ip` then points past it.
                    let found = attrcache::load(code, partner.cache, self.local(base, arg), name);
                    let owner = self.load_fast(code, base, arg)?;
                    *ip += 1;
                    if inst.op == Op::LOAD_FAST__LOAD_ATTR {
                        return self.load_attr_found(found, owner, name);
                    }
                    return self.load_method_found(code, partner, found, owner);
                });
            }
            Op::COMPARE_AND_BRANCH => {
                let Some(truth) = fast_compare(arg, unsafe { &*sp.sub(2) }, unsafe { &*sp.sub(1) })
                else {
                    on_stack!(self, sp, {
                        // Other types: compare here, branch in the partner.
                        let b = self.pop();
                        let a = self.pop();
                        let r = crate::ops::compare(self, arg, &a, &b)?;
                        self.push(r);
                    });
                };
                // Ints and floats: nothing to drop.
                unsafe { *sp = sp.sub(2) };
                let jump = code.insts[*ip];
                *ip += 1;
                let if_true = matches!(
                    jump.op,
                    Op::POP_JUMP_FORWARD_IF_TRUE | Op::POP_JUMP_BACKWARD_IF_TRUE
                );
                if truth == if_true {
                    *ip = jump.arg as usize;
                }
            }
            Op::JUMP_FORWARD | Op::JUMP_BACKWARD_NO_INTERRUPT => *ip = arg as usize,
            Op::JUMP_BACKWARD => {
                if crate::interp::INTERRUPTED.load(std::sync::atomic::Ordering::Relaxed) {
                    on_stack!(self, sp, {
                        self.check_interrupt()?;
                        *ip = arg as usize;
                    });
                }
                *ip = arg as usize;
            }
            Op::POP_JUMP_FORWARD_IF_FALSE | Op::POP_JUMP_BACKWARD_IF_FALSE => {
                let Value::Bool(b) = (unsafe { &*sp.sub(1) }) else {
                    on_stack!(self, sp, {
                        let v = self.pop();
                        let truth = self.truth(&v)?;
                        if !truth {
                            *ip = arg as usize;
                        }
                    });
                };
                if !b.get() {
                    *ip = arg as usize;
                }
                unsafe { *sp = sp.sub(1) };
            }
            // `a and b`, `a or b`.
            Op::JUMP_IF_FALSE_OR_POP | Op::JUMP_IF_TRUE_OR_POP => on_stack!(self, sp, {
                let v = self.top().clone();
                if self.truth(&v)? == (inst.op == Op::JUMP_IF_TRUE_OR_POP) {
                    *ip = arg as usize;
                } else {
                    self.pop();
                }
                return Ok(self.after_release());
            }),
            // `x is None` / `is not None` tests (richards' linked lists):
            // common enough to stay out of `step_rest`.
            Op::POP_JUMP_FORWARD_IF_NONE | Op::POP_JUMP_BACKWARD_IF_NONE => {
                if unsafe { sp_pop(sp) }.is_none() {
                    *ip = arg as usize;
                }
                if crate::finalize::pending() {
                    return self.finalize_flow(*sp);
                }
            }
            Op::POP_JUMP_FORWARD_IF_NOT_NONE | Op::POP_JUMP_BACKWARD_IF_NOT_NONE => {
                if !unsafe { sp_pop(sp) }.is_none() {
                    *ip = arg as usize;
                }
                if crate::finalize::pending() {
                    return self.finalize_flow(*sp);
                }
            }
            Op::POP_JUMP_FORWARD_IF_TRUE | Op::POP_JUMP_BACKWARD_IF_TRUE => {
                let Value::Bool(b) = (unsafe { &*sp.sub(1) }) else {
                    on_stack!(self, sp, {
                        let v = self.pop();
                        let truth = self.truth(&v)?;
                        if truth {
                            *ip = arg as usize;
                        }
                    });
                };
                if b.get() {
                    *ip = arg as usize;
                }
                unsafe { *sp = sp.sub(1) };
            }
            Op::FOR_ITER => {
                // Ranges, lists and tuples step inline; everything else
                // (and their ends) goes through the general protocol.
                let Some(v) = next_builtin_seq(unsafe { &*sp.sub(1) }) else {
                    on_stack!(self, sp, {
                        let it = self.top().clone();
                        if matches!(it.as_object(), Some(Object::Generator(_)))
                            && self.enter_for_iter(&it)?
                        {
                            return Ok(Flow::NewFrame);
                        }
                        match self.next(&it)? {
                            Some(v) => self.push(v),
                            None => {
                                self.pop();
                                *ip = arg as usize;
                            }
                        }
                    });
                };
                unsafe { sp_push(sp, v) };
            }
            Op::LOAD_ATTR => {
                let owner = unsafe { &mut *sp.sub(1) };
                let Some(v) =
                    attrcache::load_instance_value(code, inst.cache, owner, code.name(arg))
                else {
                    on_stack!(self, sp, {
                        let owner = self.pop();
                        let name = code.name(arg);
                        let found = attrcache::load(code, inst.cache, &owner, name);
                        return self.load_attr_found(found, owner, name);
                    });
                };
                drop(std::mem::replace(owner, v));
                // A value may have been let go of: finalize as step_rest does.
                if crate::finalize::pending() {
                    return self.finalize_flow(*sp);
                }
            }
            Op::STORE_ATTR => on_stack!(self, sp, {
                let owner = self.pop();
                let v = self.pop();
                let name = code.name(arg);
                if let Some(v) = attrcache::store(code, inst.cache, &owner, name, v) {
                    self.set_attr(&owner, name, v)?;
                }
                // A value may have been let go of: finalize as step_rest does.
                return Ok(self.after_release());
            }),
            Op::LOAD_METHOD => {
                let found =
                    attrcache::load(code, inst.cache, unsafe { &*sp.sub(1) }, code.name(arg));
                // A class's method, the common case, in line.
                let Some(Found::Method(func)) = found else {
                    on_stack!(self, sp, {
                        let owner = self.pop();
                        return self.load_method_found(code, inst, found, owner);
                    });
                };
                unsafe {
                    let owner = sp_pop(sp);
                    sp_push(sp, func);
                    sp_push(sp, owner);
                }
            }
            Op::BINARY_SUBSCR => {
                let Some(r) = subscr::get(unsafe { &*sp.sub(2) }, unsafe { &*sp.sub(1) }) else {
                    on_stack!(self, sp, {
                        let key = self.pop();
                        let container = self.pop();
                        let r = crate::ops::getitem(self, &container, &key)?;
                        self.push(r);
                        // A value may have been let go of: finalize as step_rest does.
                        return Ok(self.after_release());
                    });
                };
                let key = unsafe { sp_pop(sp) };
                let container = unsafe { std::mem::replace(&mut *sp.sub(1), r) };
                drop((key, container));
                // A value may have been let go of: finalize as step_rest does.
                if crate::finalize::pending() {
                    return self.finalize_flow(*sp);
                }
            }
            Op::STORE_SUBSCR => {
                let key = unsafe { sp_pop(sp) };
                let container = unsafe { sp_pop(sp) };
                let v = unsafe { sp_pop(sp) };
                if let Some(v) = subscr::set(&container, &key, v) {
                    on_stack!(self, sp, {
                        crate::ops::setitem(self, &container, &key, v)?;
                        return Ok(self.after_release());
                    });
                }
                drop((key, container));
                // A value may have been let go of: finalize as step_rest does.
                if crate::finalize::pending() {
                    return self.finalize_flow(*sp);
                }
            }
            Op::LOAD_DEREF => {
                let v = match self.local(base, arg).as_object() {
                    Some(Object::Cell(c)) => c.borrow().clone(),
                    _ => None,
                };
                let Some(v) = v else {
                    on_stack!(self, sp, {
                        let v = self.deref(code, base, arg)?;
                        self.push(v);
                    });
                };
                unsafe { sp_push(sp, v) };
            }
            Op::STORE_DEREF => {
                let v = unsafe { sp_pop(sp) };
                if let Some(Object::Cell(c)) = self.local(base, arg).as_object() {
                    *c.borrow_mut() = Some(v);
                }
                // A value may have been let go of: finalize as step_rest does.
                if crate::finalize::pending() {
                    return self.finalize_flow(*sp);
                }
            }
            Op::IS_OP => {
                let b = unsafe { sp_pop(sp) };
                let a = unsafe { sp_pop(sp) };
                unsafe { sp_push(sp, Value::bool(a.is(&b) != (arg == 1))) };
                drop((a, b));
                // A value may have been let go of: finalize as step_rest does.
                if crate::finalize::pending() {
                    return self.finalize_flow(*sp);
                }
            }
            Op::LOAD_NAME => {
                let frame = &self.frames[fi];
                let hit = code.name_caches.get(inst.cache as usize).and_then(|c| {
                    c.get()
                        .load_name(frame.locals.as_deref(), &frame.globals, &self.builtins)
                });
                let Some(v) = hit else {
                    on_stack!(self, sp, {
                        let name = code.name(arg);
                        let v = match self.cached_name(code, fi, inst.cache, name, true) {
                            Some(v) => v,
                            None => self.load_name(fi, name)?,
                        };
                        self.push(v);
                    });
                };
                unsafe { sp_push(sp, v) };
            }
            Op::STORE_NAME => {
                let name = code.name(arg);
                let v = unsafe { sp_pop(sp) };
                let frame = &self.frames[fi];
                let ns = frame.locals.as_ref().unwrap_or(&frame.globals);
                if let Some(slot) = code.name_caches.get(inst.cache as usize) {
                    let mut cache = slot.get();
                    let v = cache.store(ns, name, v);
                    slot.set(cache);
                    if let Some(v) = v {
                        dict_set(ns, name.clone(), v);
                    }
                } else {
                    dict_set(ns, name.clone(), v);
                }
                // A value may have been let go of: finalize as step_rest does.
                if crate::finalize::pending() {
                    return self.finalize_flow(*sp);
                }
            }
            Op::UNPACK_SEQUENCE => {
                // A tuple of the right length, the common case, in line.
                let n = arg as usize;
                let items = match unsafe { &*sp.sub(1) }.as_object() {
                    Some(Object::Tuple(t)) if t.len() == n => Some(t),
                    _ => None,
                };
                let Some(items) = items else {
                    on_stack!(self, sp, {
                        let seq = self.pop();
                        let items = self.collect_iterable(&seq)?;
                        if items.len() != arg as usize {
                            return Err(self.unpack_error(arg as usize, items.len()));
                        }
                        for v in items.into_iter().rev() {
                            self.push(v);
                        }
                        // A value may have been let go of: finalize as step_rest does.
                        return Ok(self.after_release());
                    });
                };
                let seq = unsafe { sp.sub(1).read() };
                unsafe { *sp = sp.sub(1) };
                for v in items.iter().rev() {
                    unsafe { sp_push(sp, v.clone()) };
                }
                drop(seq);
                // A value may have been let go of: finalize as step_rest does.
                if crate::finalize::pending() {
                    return self.finalize_flow(*sp);
                }
            }
            Op::BUILD_TUPLE => on_stack!(self, sp, {
                let at = self.stack.len() - arg as usize;
                let t = crate::tuple::Tuple::value_from_tail(&mut self.stack, at);
                self.push(t);
            }),
            Op::CONTAINS_OP => on_stack!(self, sp, {
                let container = self.pop();
                let item = self.pop();
                let r = crate::ops::contains(self, &container, &item)?;
                self.push(Value::bool(r != (arg == 1)));
                // A value may have been let go of: finalize as step_rest does.
                return Ok(self.after_release());
            }),
            // These two touch no stack slot above the locals.
            Op::KW_NAMES => self.kw_names = Some(code.constant(arg).clone()),
            Op::COPY_FREE_VARS => {
                let n = arg as usize;
                let first = base + code.nlocalsplus - n;
                if let Some(Object::Tuple(cells)) =
                    self.frames[fi].closure.as_ref().and_then(|c| c.as_object())
                {
                    for (i, cell) in cells.iter().take(n).enumerate() {
                        self.stack[first + i] = cell.clone();
                    }
                }
            }
            // The eval loop suspends the frame (see `Interpreter::suspend`).
            Op::YIELD_VALUE => {
                let v = unsafe { sp_pop(sp) };
                unsafe { self.sync_len(*sp) };
                return Ok(Flow::Yield(v));
            }
            // The instruction is read again there, rather than passed: passing
            // it made the loop assemble it into one register for every
            // instruction.
            _ => on_stack!(self, sp, { return self.step_rest(code, base, fi, ip) }),
        }
        Ok(Flow::Next)
    }

    /// The less common opcodes (see `step`).
    #[inline(never)]
    fn step_rest(&mut self, code: &Code, base: usize, fi: usize, ip: &mut usize) -> PyResult<Flow> {
        let inst = code.insts[*ip - 1];
        let arg = inst.arg;
        match inst.op {
            Op::DELETE_FAST => {
                if self.local(base, arg).is_null() {
                    return Err(self.unbound_local(code, arg));
                }
                self.stack[base + arg as usize] = NULL;
            }
            Op::DELETE_NAME => {
                let name = code.names[arg as usize].clone();
                let ns = self.frames[fi]
                    .locals
                    .clone()
                    .unwrap_or_else(|| Rc::clone(&self.frames[fi].globals));
                if !dict_del(&ns, &name) {
                    return Err(self.name_error(&name));
                }
            }
            Op::STORE_GLOBAL => {
                let name = code.names[arg as usize].clone();
                let v = self.pop();
                let g = self.frames[fi].globals.clone();
                dict_set(&g, name, v);
            }
            Op::DELETE_GLOBAL => {
                let name = code.names[arg as usize].clone();
                let g = self.frames[fi].globals.clone();
                if !dict_del(&g, &name) {
                    return Err(self.name_error(&name));
                }
            }
            Op::CALL_FUNCTION_EX => {
                // `f(*t)` with a tuple or list and no `**`: the items go on
                // the stack as for CALL, which has the in-loop fast paths.
                if arg & 1 == 0 {
                    let seq = self.pop();
                    let argc = match seq.as_object() {
                        Some(Object::Tuple(t)) => {
                            self.stack.extend_from_slice(t);
                            Some(t.len())
                        }
                        Some(Object::List(l)) => {
                            let l = l.borrow();
                            self.stack.extend_from_slice(&l);
                            Some(l.len())
                        }
                        _ => None,
                    };
                    match argc {
                        Some(argc) => return self.call_from_stack(argc),
                        None => self.push(seq),
                    }
                }
                let kwargs = if arg & 1 != 0 { Some(self.pop()) } else { None };
                let args = self.pop();
                let func = self.pop();
                let _null = self.pop();
                if !self.is_iterable(&args) {
                    return Err(self.type_error(format!(
                        "{} argument after * must be an iterable, not {}",
                        self.function_str(&func),
                        self.type_name(&args)
                    )));
                }
                let args = self.collect_iterable(&args)?;
                let kwargs = match kwargs {
                    Some(k) if !matches!(k.as_object(), Some(Object::Dict(_))) => {
                        return Err(self.type_error(format!(
                            "{} argument after ** must be a mapping, not {}",
                            self.function_str(&func),
                            self.type_name(&k)
                        )))
                    }
                    Some(k) => self.kwargs_from_dict(&k)?,
                    None => Vec::new(),
                };
                return self.call_value(func, args, kwargs);
            }
            Op::MAKE_FUNCTION => {
                let code_v = self.pop();
                let closure = if arg & 0x08 != 0 {
                    Some(self.pop())
                } else {
                    None
                };
                let annotations = if arg & 0x04 != 0 {
                    Some(self.pop())
                } else {
                    None
                };
                let kwdefaults = if arg & 0x02 != 0 {
                    Some(self.pop())
                } else {
                    None
                };
                let defaults = if arg & 0x01 != 0 {
                    Some(self.pop())
                } else {
                    None
                };
                let Some(Object::Code(fcode)) = code_v.as_object() else {
                    return Err(self.err("SystemError", "MAKE_FUNCTION without a code object"));
                };
                let globals = Rc::clone(&self.frames[fi].globals);
                let module = module_name(&globals);
                let doc = match fcode.co.consts.first() {
                    Some(pyrite_compiler::Constant::Str(s))
                        if fcode.co.flags & pyrite_compiler::code::flags::OPTIMIZED != 0 =>
                    {
                        Value::str(s)
                    }
                    _ => Value::None,
                };
                let f = Function {
                    name: RefCell::new(fcode.name.clone()),
                    qualname: RefCell::new(fcode.qualname.clone()),
                    code: fcode.clone(),
                    globals,
                    defaults: RefCell::new(defaults),
                    kwdefaults: RefCell::new(kwdefaults),
                    closure,
                    annotations,
                    doc,
                    module,
                    dict: RefCell::new(None),
                };
                self.push(Value::obj(Object::Function(Box::new(f))));
            }
            Op::UNARY_NEGATIVE | Op::UNARY_POSITIVE | Op::UNARY_INVERT => {
                let a = self.pop();
                let f = crate::class::plain_special_method(&a, crate::ops::unary_dunder(inst.op));
                if let Some(func) = f.as_ref().and_then(|f| loop_function(f, 1)) {
                    return self.method_frame(func, a);
                }
                let r = crate::ops::unary_op(self, inst.op, &a)?;
                self.push(r);
            }
            Op::UNARY_NOT => {
                let a = self.pop();
                let t = self.is_true(&a)?;
                self.push(Value::bool(!t));
            }
            Op::GET_ITER => {
                let v = self.pop();
                let it = self.get_iter(&v)?;
                self.push(it);
            }
            Op::BUILD_LIST => {
                let at = self.stack.len() - arg as usize;
                let items = crate::interp::take_tail(&mut self.stack, at);
                self.push(Value::obj(Object::List(RefCell::new(items))));
            }
            Op::BUILD_MAP => {
                let at = self.stack.len() - 2 * arg as usize;
                let items = crate::interp::take_tail(&mut self.stack, at);
                let mut d = Dict::new();
                for pair in items.chunks(2) {
                    self.dict_insert(&mut d, pair[0].clone(), pair[1].clone())?;
                }
                self.push(Value::obj(Object::Dict(RefCell::new(d))));
            }
            Op::BUILD_CONST_KEY_MAP => {
                let keys = self.pop();
                let at = self.stack.len() - arg as usize;
                let values = crate::interp::take_tail(&mut self.stack, at);
                let mut d = Dict::new();
                if let Some(Object::Tuple(keys)) = keys.as_object() {
                    for (k, v) in keys.iter().zip(values) {
                        self.dict_insert(&mut d, k.clone(), v)?;
                    }
                }
                self.push(Value::obj(Object::Dict(RefCell::new(d))));
            }
            Op::BUILD_STRING => {
                let at = self.stack.len() - arg as usize;
                let mut s = String::new();
                for v in self.stack.drain(at..) {
                    if let Some(Object::Str(p)) = v.as_object() {
                        s.push_str(p.as_str());
                    }
                }
                self.push(Value::obj(Object::Str(s.into())));
            }
            Op::BUILD_SLICE => {
                let step = if arg == 3 { self.pop() } else { Value::None };
                let stop = self.pop();
                let start = self.pop();
                self.push(Value::obj(Object::Slice(start, stop, step)));
            }
            Op::LIST_APPEND => {
                let v = self.pop();
                if let Some(Object::List(l)) = self.peek(arg as usize).as_object() {
                    l.borrow_mut().push(v);
                }
            }
            Op::LIST_EXTEND => {
                let iterable = self.pop();
                if !self.is_iterable(&iterable) {
                    return Err(self.type_error(format!(
                        "Value after * must be an iterable, not {}",
                        self.type_name(&iterable)
                    )));
                }
                let items = self.collect_iterable(&iterable)?;
                if let Some(Object::List(l)) = self.peek(arg as usize).as_object() {
                    l.borrow_mut().extend(items);
                }
            }
            Op::BUILD_SET => {
                let at = self.stack.len() - arg as usize;
                let items = crate::interp::take_tail(&mut self.stack, at);
                let d = crate::methods::set::dict_of(self, items)?;
                self.push(Value::obj(Object::Set(RefCell::new(d))));
            }
            Op::SET_ADD => {
                let v = self.pop();
                let target = self.peek(arg as usize).clone();
                if let Some(Object::Set(d)) = target.as_object() {
                    self.dict_store(d, v, Value::None)?;
                }
            }
            Op::SET_UPDATE => {
                let iterable = self.pop();
                // Updating from a set copies its table layout (set_merge).
                let items = match crate::methods::set::copy_items(&iterable) {
                    Some(items) => items,
                    None => self.collect_iterable(&iterable)?,
                };
                let target = self.peek(arg as usize).clone();
                if let Some(Object::Set(d)) = target.as_object() {
                    for v in items {
                        self.dict_store(d, v, Value::None)?;
                    }
                }
            }
            Op::LIST_TO_TUPLE => {
                let l = self.pop();
                let items = match l.as_object() {
                    Some(Object::List(l)) => l.borrow().clone(),
                    _ => Vec::new(),
                };
                self.push(Value::obj(Object::Tuple(items.into())));
            }
            Op::MAP_ADD => {
                let v = self.pop();
                let k = self.pop();
                let target = self.peek(arg as usize).clone();
                if let Some(Object::Dict(d)) = target.as_object() {
                    self.dict_store(d, k, v)?;
                }
            }
            Op::DICT_MERGE => {
                let other = self.pop();
                let target = self.peek(arg as usize).clone();
                let func = self.peek(arg as usize + 2).clone();
                self.dict_merge_kwargs(&target, &other, &func)?;
            }
            Op::DICT_UPDATE => {
                let other = self.pop();
                let target = self.peek(arg as usize).clone();
                let pairs = match self.mapping_pairs(&other) {
                    Ok(Some(p)) => p,
                    Ok(None) => {
                        return Err(self.type_error(format!(
                            "'{}' object is not a mapping",
                            self.type_name(&other)
                        )))
                    }
                    Err(e) => return Err(e),
                };
                if let Some(Object::Dict(d)) = target.as_object() {
                    for (k, v) in pairs {
                        self.dict_store(d, k, v)?;
                    }
                }
            }
            Op::DELETE_SUBSCR => {
                let key = self.pop();
                let container = self.pop();
                crate::ops::delitem(self, &container, &key)?;
            }
            Op::UNPACK_EX => {
                let before = (arg & 0xff) as usize;
                let after = (arg >> 8) as usize;
                let seq = self.pop();
                let items = self.collect_iterable(&seq)?;
                if items.len() < before + after {
                    return Err(self.value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        items.len()
                    )));
                }
                let mid_end = items.len() - after;
                for v in items[mid_end..].iter().rev() {
                    self.push(v.clone());
                }
                let middle = items[before..mid_end].to_vec();
                self.push(Value::obj(Object::List(RefCell::new(middle))));
                for v in items[..before].iter().rev() {
                    self.push(v.clone());
                }
            }
            Op::FORMAT_VALUE => {
                let spec = if arg & 0x04 != 0 {
                    Some(self.pop())
                } else {
                    None
                };
                let v = self.pop();
                let v = match arg & 0x03 {
                    1 => Value::str(&crate::format::str_of(self, &v)?),
                    2 => Value::str(&crate::format::repr(self, &v)?),
                    3 => Value::str(&crate::format::ascii(self, &v)?),
                    _ => v,
                };
                let spec = match &spec {
                    Some(s) => match s.as_object() {
                        Some(Object::Str(s)) => s.as_str().to_string(),
                        _ => String::new(),
                    },
                    None => String::new(),
                };
                let out = crate::format::format(self, &v, &spec)?;
                self.push(Value::str(&out));
            }
            Op::RAISE_VARARGS => {
                return Err(match arg {
                    0 => {
                        let handled = self.current_exception();
                        if handled.is_none() {
                            self.err("RuntimeError", "No active exception to reraise")
                        } else {
                            return Err(self.mark_reraise(handled));
                        }
                    }
                    1 => {
                        let exc = self.pop();
                        self.make_exception(exc)?
                    }
                    _ => {
                        let cause = self.pop();
                        let exc = self.pop();
                        let err = self.make_exception(exc)?;
                        self.set_cause(&err, cause)?;
                        err
                    }
                });
            }
            Op::LOAD_ASSERTION_ERROR => {
                let t = self.types.exception("AssertionError");
                self.push(Value::obj(Object::Type(t)));
            }
            Op::PUSH_EXC_INFO => {
                let exc = self.pop();
                let prev = std::mem::replace(&mut self.handled, exc.clone());
                self.push(prev);
                self.push(exc);
            }
            Op::POP_EXCEPT => {
                self.handled = self.pop();
            }
            Op::CHECK_EXC_MATCH => {
                let typ = self.pop();
                let exc = self.top().clone();
                let r = self.exception_matches(&exc, &typ)?;
                self.push(Value::bool(r));
            }
            Op::CHECK_EG_MATCH => {
                let typ = self.pop();
                let exc = self.top().clone();
                let (rest, matched) = crate::exc_group::eg_match(self, &exc, &typ)?;
                if !matched.is_none() {
                    // [exc] becomes [rest, match]; the match is handled.
                    self.pop();
                    self.push(rest);
                    self.handled = matched.clone();
                }
                self.push(matched);
            }
            Op::PREP_RERAISE_STAR => {
                let excs = self.pop();
                let orig = self.pop();
                let v = crate::exc_group::prep_reraise_star(self, &orig, &excs)?;
                self.push(v);
            }
            Op::RERAISE => {
                let exc = self.pop();
                if arg != 0 {
                    if let Value::Int(lasti) = self.peek(arg as usize) {
                        self.frames[fi].lasti = *lasti as usize;
                    }
                }
                return Err(PyErr(exc));
            }
            Op::BEFORE_WITH => {
                let mgr = self.pop();
                let exit = self.get_attr(&mgr, &Value::str("__exit__"))?;
                let enter = self.get_attr(&mgr, &Value::str("__enter__"))?;
                self.push(exit);
                let r = self.call(&enter, Vec::new(), Vec::new())?;
                self.push(r);
            }
            Op::WITH_EXCEPT_START => {
                // Stack: exit, lasti, prev_exc, exc.
                let exc = self.peek(1).clone();
                let exit = self.peek(4).clone();
                let typ = Value::obj(Object::Type(self.type_of(&exc)));
                let r = self.call(&exit, vec![typ, exc, Value::None], Vec::new())?;
                self.push(r);
            }
            Op::IMPORT_NAME => {
                let name = code.names[arg as usize].clone();
                let fromlist = self.pop();
                let level = self.pop();
                let globals = Rc::clone(&self.frames[fi].globals);
                let m = crate::modules::import_name(self, &name, &fromlist, &level, &globals)?;
                self.push(m);
            }
            Op::IMPORT_FROM => {
                let name = code.names[arg as usize].clone();
                let m = self.top().clone();
                let v = crate::modules::import_from(self, &m, &name)?;
                self.push(v);
            }
            Op::MAKE_CELL => {
                let slot = base + arg as usize;
                let v = std::mem::replace(&mut self.stack[slot], NULL);
                let content = if v.is_null() { None } else { Some(v) };
                self.stack[slot] = Value::obj(Object::Cell(RefCell::new(content)));
            }
            Op::LOAD_CLOSURE => {
                let v = self.local(base, arg).clone();
                self.push(v);
            }
            Op::LOAD_CLASSDEREF => {
                // A class body reads its own namespace first.
                let name = Value::str(&code.co.localsplusnames[arg as usize]);
                let found = self.frames[fi]
                    .locals
                    .as_ref()
                    .and_then(|l| dict_get(l, &name));
                let v = match found {
                    Some(v) => v,
                    None => self.deref(code, base, arg)?,
                };
                self.push(v);
            }
            Op::DELETE_DEREF => {
                self.deref(code, base, arg)?;
                if let Some(Object::Cell(c)) = self.local(base, arg).as_object() {
                    *c.borrow_mut() = None;
                }
            }
            Op::RETURN_GENERATOR => {
                let values = crate::interp::take_tail(&mut self.stack, base);
                self.frames[fi].ip = *ip;
                let gen = crate::generator::create(&self.frames[fi], values);
                return Ok(Flow::Return(gen));
            }
            Op::GET_YIELD_FROM_ITER => {
                use crate::generator::Kind;
                use pyrite_compiler::code::flags;
                let v = self.pop();
                let it = match v.as_object() {
                    Some(Object::Generator(g)) if g.kind == Kind::Generator => v,
                    Some(Object::Generator(g)) if g.kind == Kind::Coroutine => {
                        if code.co.flags & (flags::COROUTINE | flags::ITERABLE_COROUTINE) == 0 {
                            return Err(self.type_error(
                                "cannot 'yield from' a coroutine object in a non-coroutine generator",
                            ));
                        }
                        v
                    }
                    _ => self.get_iter(&v)?,
                };
                self.push(it);
            }
            Op::SEND => {
                // A generator runs as a frame of this loop, as under FOR_ITER.
                let receiver = self.peek(2);
                if matches!(receiver.as_object(), Some(Object::Generator(_)))
                    && self.enter_send(&receiver.clone())?
                {
                    return Ok(Flow::NewFrame);
                }
                let value = self.pop();
                let receiver = self.top().clone();
                match self.iter_send(&receiver, value)? {
                    crate::generator::Resumed::Yielded(v) => self.push(v),
                    crate::generator::Resumed::Returned(v) => {
                        self.pop();
                        self.push(v);
                        *ip = arg as usize;
                    }
                }
            }
            Op::GET_AWAITABLE => {
                let v = self.pop();
                let it = self.get_awaitable(&v, arg)?;
                self.push(it);
            }
            Op::GET_AITER => {
                let v = self.pop();
                let it = self.get_aiter(&v)?;
                self.push(it);
            }
            Op::GET_ANEXT => {
                let aiter = self.top().clone();
                let awaitable = self.get_anext(&aiter)?;
                self.push(awaitable);
            }
            Op::END_ASYNC_FOR => {
                let exc = self.pop();
                if !self.is_instance_of(&exc, "StopAsyncIteration") {
                    // Re-raised as it is (see `eval`).
                    return Err(PyErr(exc));
                }
                self.pop();
            }
            Op::BEFORE_ASYNC_WITH => {
                let mgr = self.pop();
                let (exit, entered) = self.before_async_with(&mgr)?;
                self.push(exit);
                self.push(entered);
            }
            Op::ASYNC_GEN_WRAP => {
                let v = self.pop();
                self.push(Value::obj(Object::Awaiter(
                    crate::coroutine::Awaiter::Wrapped(v),
                )));
            }
            Op::DELETE_ATTR => {
                let owner = self.pop();
                let name = code.names[arg as usize].clone();
                crate::class::del_attr(self, &owner, &name)?;
            }
            Op::LOAD_BUILD_CLASS => {
                let f = Value::obj(Object::Builtin(crate::object::Builtin {
                    name: "__build_class__",
                    func: crate::class::build_class,
                    bound: None,
                }));
                self.push(f);
            }
            Op::GET_LEN => {
                let v = self.top().clone();
                let n = crate::builtins::containers::length(self, &v)?;
                self.push(Value::Int(n as i64));
            }
            Op::MATCH_MAPPING => {
                let is = matches!(self.top().as_object(), Some(Object::Dict(_)));
                self.push(Value::bool(is));
            }
            Op::MATCH_SEQUENCE => {
                let is = matches!(
                    self.top().as_object(),
                    Some(
                        Object::List(_) | Object::Tuple(_) | Object::Range(_) | Object::BigRange(_)
                    )
                );
                self.push(Value::bool(is));
            }
            Op::MATCH_KEYS => {
                let keys = self.peek(1).clone();
                let subject = self.peek(2).clone();
                let r = self.match_keys(&subject, &keys)?;
                self.push(r);
            }
            Op::MATCH_CLASS => {
                let names = self.pop();
                let cls = self.pop();
                let subject = self.pop();
                let r = self.match_class(&subject, &cls, arg as usize, &names)?;
                self.push(r);
            }
            Op::IMPORT_STAR => {
                let module = self.pop();
                self.import_star(fi, &module)?;
            }
            Op::SETUP_ANNOTATIONS => {
                let ns = self.frames[fi]
                    .locals
                    .clone()
                    .unwrap_or_else(|| Rc::clone(&self.frames[fi].globals));
                if dict_get_str(&ns, "__annotations__").is_none() {
                    dict_set(
                        &ns,
                        Value::str("__annotations__"),
                        Value::obj(Object::Dict(RefCell::new(Dict::new()))),
                    );
                }
            }
            Op::PRINT_EXPR => {
                let v = self.pop();
                if !v.is_none() {
                    let s = crate::format::repr(self, &v)?;
                    crate::builtins::write_out(self, &s);
                    crate::builtins::write_out(self, "\n");
                }
            }
            op => {
                return Err(self.err(
                    "SystemError",
                    format!("pyrite: opcode {} is not supported yet", op.name()),
                ))
            }
        }
        Ok(self.after_release())
    }

    /// The flow after an instruction that may have dropped the last
    /// reference to a suspended generator: finalize it before going on,
    /// as CPython does when the reference count reaches zero.
    #[inline(always)]
    fn after_release(&self) -> Flow {
        if crate::finalize::pending() {
            Flow::Finalize
        } else {
            Flow::Next
        }
    }

    /// The content of the cell in slot `i`, or CPython's error for an
    /// empty one.
    #[inline]
    fn deref(&self, code: &Code, base: usize, i: u32) -> PyResult<Value> {
        if let Some(Object::Cell(c)) = self.local(base, i).as_object() {
            if let Some(v) = c.borrow().as_ref() {
                return Ok(v.clone());
            }
        }
        Err(self.empty_cell(code, i))
    }

    /// The NameError or UnboundLocalError for reading the empty cell `i`.
    #[cold]
    fn empty_cell(&self, code: &Code, i: u32) -> PyErr {
        let name = code
            .co
            .localsplusnames
            .get(i as usize)
            .cloned()
            .unwrap_or_default();
        let kind = code
            .co
            .localspluskinds
            .get(i as usize)
            .copied()
            .unwrap_or(0);
        if kind & pyrite_compiler::code::kinds::FREE != 0 {
            self.err(
                "NameError",
                format!(
                    "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
                ),
            )
        } else {
            self.err(
                "UnboundLocalError",
                format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        }
    }

    /// MATCH_KEYS: the values of `keys` in `subject`, or None if one is
    /// missing.
    fn match_keys(&mut self, subject: &Value, keys: &Value) -> PyResult<Value> {
        let (Some(Object::Dict(d)), Some(Object::Tuple(keys))) =
            (subject.as_object(), keys.as_object())
        else {
            return Ok(Value::None);
        };
        let mut values = Vec::with_capacity(keys.len());
        for k in keys.iter() {
            match self.dict_lookup(d, k)? {
                Some(v) => values.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(Value::obj(Object::Tuple(values.into())))
    }

    /// MATCH_CLASS for built-in classes: `int(x)`-style patterns match the
    /// subject itself positionally; keyword patterns read attributes.
    fn match_class(
        &mut self,
        subject: &Value,
        cls: &Value,
        npos: usize,
        names: &Value,
    ) -> PyResult<Value> {
        let Some(Object::Type(t)) = cls.as_object() else {
            return Err(self.type_error("called match pattern must be a type"));
        };
        if !self.type_of(subject).is_subtype(t) {
            return Ok(Value::None);
        }
        use crate::types::TypeKind as K;
        let self_matching = matches!(
            t.kind,
            K::Bool
                | K::ByteArray
                | K::Bytes
                | K::Dict
                | K::Float
                | K::FrozenSet
                | K::Int
                | K::List
                | K::Set
                | K::Str
                | K::Tuple
        );
        let mut attrs = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        let match_args = if t.is_class {
            t.lookup_special("__match_args__")
        } else {
            None
        };
        if let (true, Some(ma)) = (npos > 0, match_args) {
            let Some(Object::Tuple(ma)) = ma.as_object() else {
                return Err(self.type_error(format!(
                    "{}.__match_args__ must be a tuple (got {})",
                    t.name,
                    self.type_name(&ma)
                )));
            };
            if npos > ma.len() {
                let s = if ma.len() == 1 { "" } else { "s" };
                return Err(self.type_error(format!(
                    "{}() accepts {} positional sub-pattern{s} ({npos} given)",
                    t.name,
                    ma.len()
                )));
            }
            for n in ma[..npos].iter() {
                if !matches!(n.as_object(), Some(Object::Str(_))) {
                    return Err(self.type_error(format!(
                        "__match_args__ elements must be strings (got {})",
                        self.type_name(n)
                    )));
                }
                if !self.match_attribute(subject, n, &t.name, &mut seen, &mut attrs)? {
                    return Ok(Value::None);
                }
            }
        } else if npos > 0 {
            if !self_matching || npos > 1 {
                return Err(self.type_error(format!(
                    "{}() accepts 1 positional sub-pattern ({npos} given)",
                    t.name
                )));
            }
            attrs.push(subject.clone());
        }
        if let Some(Object::Tuple(names)) = names.as_object() {
            for n in names.iter() {
                if !self.match_attribute(subject, n, &t.name, &mut seen, &mut attrs)? {
                    return Ok(Value::None);
                }
            }
        }
        Ok(Value::obj(Object::Tuple(attrs.into())))
    }

    /// One attribute of a class pattern (positional through
    /// `__match_args__`, or by keyword): pushed onto `attrs`; Ok(false)
    /// when the subject lacks it (no match); a name already matched is
    /// CPython's TypeError.
    fn match_attribute(
        &mut self,
        subject: &Value,
        name: &Value,
        class_name: &str,
        seen: &mut Vec<String>,
        attrs: &mut Vec<Value>,
    ) -> PyResult<bool> {
        let text = crate::format::str_value(name);
        if seen.contains(&text) {
            return Err(self.type_error(format!(
                "{class_name}() got multiple sub-patterns for attribute '{text}'"
            )));
        }
        seen.push(text);
        match self.get_attr(subject, name) {
            Ok(v) => {
                attrs.push(v);
                Ok(true)
            }
            Err(e) if crate::attr::is_attribute_error(self, &e) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// `from m import *`: the public names of `module` into the current
    /// namespace (its `__all__` if it has one).
    fn import_star(&mut self, fi: usize, module: &Value) -> PyResult<()> {
        let Some(Object::Module(m)) = module.as_object() else {
            return Ok(());
        };
        let ns = self.frames[fi]
            .locals
            .clone()
            .unwrap_or_else(|| Rc::clone(&self.frames[fi].globals));
        let pairs = crate::dict::pairs_of(&m.dict);
        let all = dict_get_str(&m.dict, "__all__");
        match all {
            Some(names) => {
                for n in self.collect_iterable(&names)? {
                    let v = self.get_attr(module, &n)?;
                    dict_set(&ns, n, v);
                }
            }
            None => {
                for (k, v) in pairs {
                    if !crate::format::str_value(&k).starts_with('_') {
                        dict_set(&ns, k, v);
                    }
                }
            }
        }
        Ok(())
    }

    /// Can `v` be iterated (without iterating it)?
    fn is_iterable(&mut self, v: &Value) -> bool {
        match v.as_object() {
            Some(
                Object::List(_)
                | Object::Tuple(_)
                | Object::Str(_)
                | Object::Dict(_)
                | Object::Set(_)
                | Object::FrozenSet(_)
                | Object::Range(_)
                | Object::Bytes(_)
                | Object::ByteArray(_)
                | Object::Iter(_)
                | Object::DictView(..),
            ) => true,
            _ => self.get_iter(v).is_ok(),
        }
    }

    /// How CPython names a callable in call errors: `print()`,
    /// `__main__.f()`.
    fn function_str(&self, func: &Value) -> String {
        match func.as_object() {
            Some(Object::Function(f)) => {
                let module = crate::format::str_value(&f.module);
                let qual = crate::format::str_value(&f.qualname.borrow());
                if module.is_empty() {
                    format!("{qual}()")
                } else {
                    format!("{module}.{qual}()")
                }
            }
            Some(Object::Builtin(b)) => format!("{}()", b.name),
            Some(Object::Type(t)) => format!("{}()", t.name),
            _ => format!("{} object", self.type_name(func)),
        }
    }

    /// Raise `err` in the frame on top (a generator resumed by `throw`).
    /// Its context is the exception the generator itself was handling when
    /// it yielded, if any (CPython's `_PyErr_ChainStackItem`).
    pub(crate) fn throw_into_top_frame(&mut self, err: PyErr) -> PyResult<()> {
        let frame = self.frames.last().expect("frame");
        if let Some(Object::Exception(e)) = err.0.as_object() {
            e.traceback
                .borrow_mut()
                .push((Rc::clone(&frame.code), frame.lasti));
            if !self.handled.is_none() && !self.handled.is(&err.0) {
                let mut ctx = e.context.borrow_mut();
                if ctx.is_none() {
                    *ctx = Some(self.handled.clone());
                }
            }
        }
        self.unwind(err)
    }

    /// Raise KeyboardInterrupt if Ctrl-C was pressed since the last check.
    #[inline(always)]
    pub(crate) fn check_interrupt(&self) -> PyResult<()> {
        use std::sync::atomic::Ordering;
        if crate::interp::INTERRUPTED.load(Ordering::Relaxed) {
            crate::interp::INTERRUPTED.store(false, Ordering::Relaxed);
            let t = self.types.exception("KeyboardInterrupt");
            return Err(PyErr(self.exception(&t, Vec::new())));
        }
        Ok(())
    }

    fn unbound_local(&self, code: &Code, i: u32) -> PyErr {
        let name = code
            .co
            .localsplusnames
            .get(i as usize)
            .cloned()
            .unwrap_or_default();
        self.err(
            "UnboundLocalError",
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }

    pub fn name_error(&self, name: &Value) -> PyErr {
        self.err(
            "NameError",
            format!("name '{}' is not defined", crate::format::str_value(name)),
        )
    }

    fn unpack_error(&self, expected: usize, got: usize) -> PyErr {
        if got > expected {
            self.value_error(format!("too many values to unpack (expected {expected})"))
        } else {
            self.value_error(format!(
                "not enough values to unpack (expected {expected}, got {got})"
            ))
        }
    }

    /// The unbound built-in method `code.names[name]` of `owner`'s type, if
    /// `owner` is an instance of a built-in type that has it (cached per
    /// instruction by type).
    fn builtin_method(&self, code: &Code, cache: u16, name: u32, owner: &Value) -> Option<Value> {
        use crate::types::TypeKind as K;
        let kind = match owner.as_object()? {
            Object::Str(_) => K::Str,
            Object::List(_) => K::List,
            Object::Dict(_) => K::Dict,
            Object::Tuple(_) => K::Tuple,
            Object::Set(_) => K::Set,
            Object::Bytes(_) => K::Bytes,
            Object::ByteArray(_) => K::ByteArray,
            _ => return None,
        };
        let mut caches = code.attr_caches.borrow_mut();
        let entry = caches.get_mut(cache as usize)?;
        if entry.builtin_kind == Some(kind) {
            return entry.builtin_method.clone();
        }
        let attr = crate::format::str_value(&code.names[name as usize]);
        let method = crate::builtins::method(kind, &attr).map(|(name, func)| {
            Value::obj(Object::Builtin(crate::object::Builtin {
                name,
                func,
                bound: None,
            }))
        });
        entry.builtin_kind = Some(kind);
        entry.builtin_method = method.clone();
        method
    }

    /// LOAD_GLOBAL (`with_locals` false) or LOAD_NAME after its cache
    /// missed: look the name up and refill the instruction's cache; None
    /// if the name is missing or a namespace is not a dict (the general
    /// path then decides).
    fn cached_name(
        &self,
        code: &Code,
        fi: usize,
        slot: u16,
        name: &Value,
        with_locals: bool,
    ) -> Option<Value> {
        let frame = &self.frames[fi];
        let locals = if with_locals {
            frame.locals.as_ref()
        } else {
            None
        };
        let slot = code.name_caches.get(slot as usize)?;
        let mut cache = slot.get();
        // The hit paths (`load_global`, `load_name`) ran in line before:
        // this is a miss, so look the name up afresh.
        let chain = [locals, Some(&frame.globals), Some(&self.builtins)];
        let v = cache.fill(&chain, name);
        slot.set(cache);
        v
    }

    fn load_name(&mut self, fi: usize, name: &Value) -> PyResult<Value> {
        if let Some(locals) = &self.frames[fi].locals {
            if let Some(v) = dict_get(locals, name) {
                return Ok(v);
            }
        }
        self.load_global(fi, name)
    }

    fn load_global(&mut self, fi: usize, name: &Value) -> PyResult<Value> {
        if let Some(v) = dict_get(&self.frames[fi].globals, name) {
            return Ok(v);
        }
        if let Some(v) = dict_get(&self.builtins, name) {
            return Ok(v);
        }
        Err(self.name_error(name))
    }

    /// CALL (and CALL_FUNCTION_EX once it has spread its arguments):
    /// [NULL or method, callable or self, args...] with the pending
    /// KW_NAMES.
    #[inline(always)]
    fn call_from_stack(&mut self, argc: usize) -> PyResult<Flow> {
        match self.call_in_line(argc) {
            Some(flow) => flow,
            None => self.call_instruction(argc),
        }
    }

    /// CALL's commonest cases, kept in the loop: a Python function given
    /// exactly its positional parameters, which starts its frame on the
    /// arguments in place, and a built-in function without keywords. None
    /// for every other call (`call_instruction`, whose large Rust frame
    /// these cases should not pay for).
    #[inline(always)]
    fn call_in_line(&mut self, argc: usize) -> Option<PyResult<Flow>> {
        if self.kw_names.is_some() {
            return None;
        }
        let len = self.stack.len();
        let below = len - argc - 2;
        // [NULL, callable, args...] or [method, self, args...].
        let callable = below + usize::from(self.stack[below].is_null());
        let nargs = len - callable - 1;
        // Look before cloning: the other calls should not pay for it.
        match self.stack[callable].as_object() {
            Some(Object::Function(f)) if simple_positional(f, nargs) => {}
            Some(Object::Builtin(b)) => {
                let (func, bound) = (b.func, b.bound.clone());
                return Some(self.call_builtin_from_stack(func, bound, callable + 1, below));
            }
            _ => return None,
        }
        let Some(Object::Function(f)) = self.stack[callable].as_object() else {
            return None;
        };
        // SAFETY: the stack slot keeps the function alive while the frame
        // runs (see `fast_call`); the reference is detached from the borrow
        // of the stack only so that the stack can be pushed to.
        let f: &Function = unsafe { &*(&**f as *const Function) };
        Some(self.fast_call(f, callable + 1, below, true))
    }

    /// The calls `call_in_line` leaves: keywords, defaults, classes,
    /// everything else.
    fn call_instruction(&mut self, argc: usize) -> PyResult<Flow> {
        let kwnames = self.kw_names.take();
        let len = self.stack.len();
        let is_method = !self.stack[len - argc - 2].is_null();
        let (func, first_arg) = if is_method {
            (self.stack[len - argc - 2].clone(), len - argc - 1)
        } else {
            (self.stack[len - argc - 1].clone(), len - argc)
        };
        if let Some(Object::Function(f)) = func.as_object() {
            if let Some(flow) = self.bind_in_place(f, first_arg, len - argc - 2, kwnames.as_ref()) {
                return flow;
            }
        }
        if kwnames.is_none() && !is_method {
            if let Some(Object::Type(cls)) = func.as_object() {
                if let Some(flow) = self.construct_in_place(cls, first_arg, len - argc - 2) {
                    return flow;
                }
            }
        }
        let nkw = match &kwnames {
            Some(Value::Obj(o)) => match &**o {
                Object::Tuple(t) => t.len(),
                _ => 0,
            },
            _ => 0,
        };
        let mut args = crate::interp::take_tail(&mut self.stack, first_arg);
        self.stack.truncate(len - argc - 2);
        let mut kwargs = Vec::with_capacity(nkw);
        if nkw > 0 {
            let kwvals = args.split_off(args.len() - nkw);
            if let Some(Object::Tuple(names)) = kwnames.as_ref().and_then(|k| k.as_object()) {
                for (n, v) in names.iter().zip(kwvals) {
                    kwargs.push((Rc::from(crate::format::str_value(n).as_str()), v));
                }
            }
        }
        self.call_value(func, args, kwargs)
    }

    /// Call a Python function whose arguments are exactly its positional
    /// parameters, in place: the arguments already on the stack become the
    /// new frame's first locals, so the call allocates nothing.
    ///
    /// `on_stack`: `f` is the callable of a CALL, on the value stack
    /// between `ret_sp` and `first_arg`, where it stays until the frame is
    /// popped; the frame then borrows its code, globals and closure (see
    /// `Frame`).
    #[inline(always)]
    fn fast_call(
        &mut self,
        f: &Function,
        first_arg: usize,
        ret_sp: usize,
        on_stack: bool,
    ) -> PyResult<Flow> {
        if self.frames.len() >= self.recursion_limit {
            return Err(self.err("RecursionError", "maximum recursion depth exceeded"));
        }
        self.check_interrupt()?;
        debug_assert!(!on_stack || self.callable_on_stack(f, ret_sp, first_arg));
        let code = &f.code;
        pad_locals(&mut self.stack, first_arg + code.nlocalsplus);
        // SAFETY: with `on_stack`, the caller's stack slot keeps `f` alive
        // for the frame's lifetime (no instruction of the callee reaches
        // below its own slots, and the slot is dropped only as the frame
        // is popped).
        unsafe {
            crate::interp::push_call_frame(&mut self.frames, f, first_arg, ret_sp, false, on_stack)
        };
        Ok(Flow::NewFrame)
    }

    /// Is the function `f` one of the values in `stack[from..to]`?
    fn callable_on_stack(&self, f: &Function, from: usize, to: usize) -> bool {
        self.stack[from..to].iter().any(|v| match v.as_object() {
            Some(Object::Function(g)) => std::ptr::eq(&**g, f),
            _ => false,
        })
    }

    /// LOAD_FAST's read: the local, or CPython's UnboundLocalError.
    #[inline(always)]
    fn load_fast(&self, code: &Code, base: usize, arg: u32) -> PyResult<Value> {
        let v = self.local(base, arg).clone();
        if v.is_null() {
            return Err(self.unbound_local(code, arg));
        }
        Ok(v)
    }

    /// The truth of a value, with bools (what comparisons give) in line.
    #[inline(always)]
    fn truth(&mut self, v: &Value) -> PyResult<bool> {
        match v {
            Value::Bool(b) => Ok(b.get()),
            _ => self.is_true(v),
        }
    }

    /// `s += t` on strs where the next instruction stores the result back
    /// into the local `s` came from, as CPython 3.11's
    /// BINARY_OP_INPLACE_ADD_UNICODE does: the local lets go of its
    /// reference first, so if nothing else holds the string it grows in
    /// place (amortised O(1), where a new string each time is O(n)).
    /// Gives `a` back when this does not apply.
    fn inplace_str_add(
        &mut self,
        code: &Code,
        base: usize,
        next: usize,
        a: Value,
        b: &Value,
    ) -> Result<Value, Value> {
        let Some(Object::Str(t)) = b.as_object() else {
            return Err(a);
        };
        let Value::Obj(mut s) = a else {
            return Err(a);
        };
        let store = code.insts.get(next);
        let local = match store {
            Some(i) if matches!(i.op, Op::STORE_FAST | Op::STORE_FAST__LOAD_FAST) => {
                base + i.arg as usize
            }
            _ => return Err(Value::Obj(s)),
        };
        if !matches!(&*s, Object::Str(_)) {
            return Err(Value::Obj(s));
        }
        if matches!(&self.stack[local], Value::Obj(o) if Rc::ptr_eq(o, &s)) {
            self.stack[local] = NULL;
        }
        match Rc::get_mut(&mut s) {
            Some(Object::Str(p)) => {
                p.push_str(t);
                Ok(Value::Obj(s))
            }
            _ => match &*s {
                Object::Str(p) => Ok(Value::obj(Object::Str(p.concat(t)))),
                _ => Err(Value::Obj(s)),
            },
        }
    }

    /// `cls(args...)` for a class whose calls only create an instance and
    /// run a Python `__init__` taking exactly these positional arguments:
    /// the instance replaces the NULL below the class (it is the call's
    /// result) and the class (it is `self`), and `__init__` runs as an
    /// ordinary frame of this loop, with no Rust recursion. None when the
    /// general path (`typecall::type_call`) must do it.
    fn construct_in_place(
        &mut self,
        cls: &Rc<crate::types::TypeObject>,
        first_arg: usize,
        ret_sp: usize,
    ) -> Option<PyResult<Flow>> {
        if !crate::typecall::makes_plain_instances(cls) {
            return None;
        }
        let init = cls.lookup_special("__init__")?;
        let Some(Object::Function(f)) = init.as_object() else {
            return None;
        };
        if !simple_positional(f, self.stack.len() - first_arg + 1) {
            return None;
        }
        let obj = crate::object::Instance::new_value(cls);
        self.stack[ret_sp] = obj.clone();
        self.stack[first_arg - 1] = obj;
        let flow = self.fast_call(f, first_arg - 1, ret_sp + 1, false);
        if flow.is_ok() {
            if let Some(frame) = self.frames.last_mut() {
                frame.on_return = OnReturn::Init;
            }
        }
        Some(flow)
    }

    /// LOAD_ATTR's work once its cache has answered `found` about `owner`
    /// (also for LOAD_FAST__LOAD_ATTR, which asks the cache itself).
    #[inline]
    fn load_attr_found(
        &mut self,
        found: Option<Found>,
        owner: Value,
        name: &Value,
    ) -> PyResult<Flow> {
        let v = match found {
            Some(Found::Value(v)) => v,
            Some(Found::Method(func)) => Value::obj(Object::Method { func, this: owner }),
            Some(Found::Getter(fget)) => match loop_function(&fget, 1) {
                Some(f) => return self.method_frame(f, owner),
                None => self.get_attr(&owner, name)?,
            },
            None => self.get_attr(&owner, name)?,
        };
        self.push(v);
        // A value may have been let go of: finalize as step_rest does.
        Ok(self.after_release())
    }

    /// LOAD_METHOD `inst`'s work once its cache has answered `found` about
    /// `owner` (also for LOAD_FAST__LOAD_METHOD). A method of a class, or
    /// of a built-in type (which the cache never answers for), is pushed
    /// unbound with the object as its first argument, as CPython does, so
    /// CALL needs no bound-method object; anything else is pushed after a
    /// NULL.
    #[inline]
    fn load_method_found(
        &mut self,
        code: &Code,
        inst: Inst,
        found: Option<Found>,
        owner: Value,
    ) -> PyResult<Flow> {
        let v = match found {
            Some(Found::Method(func)) => {
                self.push(func);
                self.push(owner);
                return Ok(self.after_release());
            }
            Some(Found::Value(v)) => v,
            Some(Found::Getter(_)) => self.get_attr(&owner, code.name(inst.arg))?,
            None => {
                if let Some(method) = self.builtin_method(code, inst.cache, inst.arg, &owner) {
                    self.push(method);
                    self.push(owner);
                    return Ok(self.after_release());
                }
                self.get_attr(&owner, code.name(inst.arg))?
            }
        };
        self.push(NULL);
        self.push(v);
        Ok(self.after_release())
    }

    /// Run `f(this)` as a frame of this loop, its result pushed as the
    /// current instruction's (a property getter, a unary operator's
    /// special method); `f` has been checked by [`loop_function`].
    fn method_frame(&mut self, f: &Function, this: Value) -> PyResult<Flow> {
        let at = self.stack.len();
        self.stack.push(this);
        let flow = self.fast_call(f, at, at, false);
        if flow.is_err() {
            self.stack.truncate(at);
        }
        flow
    }

    /// BINARY_OP through a class's Python special method (`a.__add__(b)`,
    /// see `class::forward_binary_method`), run as a frame of this loop.
    /// The operands stay on the stack below the frame for
    /// [`Interpreter::binary_op_not_implemented`].
    fn binary_op_in_place(&mut self, f: &Function, op: u32, a: Value, b: Value) -> PyResult<Flow> {
        let operands = self.stack.len();
        self.stack.push(a.clone());
        self.stack.push(b.clone());
        self.stack.push(a);
        self.stack.push(b);
        let flow = self.fast_call(f, operands + 2, operands, false);
        match &flow {
            Ok(_) => {
                if let Some(frame) = self.frames.last_mut() {
                    frame.on_return = OnReturn::BinaryOp(op as u8);
                }
            }
            Err(_) => self.stack.truncate(operands),
        }
        flow
    }

    /// The special method of a [`Interpreter::binary_op_in_place`] frame
    /// returned NotImplemented: try the rest (the reflected method, then
    /// the built-in operation) in the caller, whose operands are at
    /// `at` and `at + 1`, and push the result or raise there.
    fn binary_op_not_implemented(&mut self, op: u8, at: usize) -> PyResult<()> {
        self.stack.truncate(at + 2);
        let b = self.stack.pop().expect("operand");
        let a = self.stack.pop().expect("operand");
        match crate::ops::binary_op_after_forward(self, op as u32, &a, &b) {
            Ok(v) => {
                self.stack.push(v);
                Ok(())
            }
            Err(e) => {
                let e = self.note_raise(e, false);
                self.unwind(e)
            }
        }
    }

    /// Call a built-in with the positional arguments on the stack, through
    /// a reused buffer (no allocation once it has grown).
    fn call_builtin_from_stack(
        &mut self,
        func: crate::object::BuiltinFn,
        bound: Option<Value>,
        first_arg: usize,
        ret_sp: usize,
    ) -> PyResult<Flow> {
        // Up to four plain arguments move into an array on the Rust stack
        // (the usual case: len(x), isinstance(a, T), round(x, 2)); others
        // go through the reused buffer.
        let n = self.stack.len() - first_arg;
        let r = if bound.is_none() && n <= 4 {
            // Moved bitwise, and dropped once after the call (only the `n`
            // that were moved): replacing each with NULL on the stack made
            // the truncation below look at them again.
            let mut args = std::mem::ManuallyDrop::new([NULL, NULL, NULL, NULL]);
            // SAFETY: the `n` values at `first_arg..` are the top of the
            // stack; they are copied over NULLs (which need no drop) and the
            // stack forgets them before `truncate` drops what is below.
            unsafe {
                std::ptr::copy_nonoverlapping(
                    self.stack.as_ptr().add(first_arg),
                    args.as_mut_ptr(),
                    n,
                );
                self.stack.set_len(first_arg);
            }
            self.stack.truncate(ret_sp);
            let r = func(self, &args[..n], &[]);
            // SAFETY: `args[..n]` hold the moved values, dropped once here;
            // the rest are NULLs.
            unsafe { std::ptr::drop_in_place(&mut args[..n]) };
            r
        } else {
            let mut args = std::mem::take(&mut self.arg_buffer);
            args.clear();
            args.extend(bound);
            crate::interp::move_tail(&mut self.stack, first_arg, &mut args);
            self.stack.truncate(ret_sp);
            let r = func(self, &args, &[]);
            args.clear();
            self.arg_buffer = args;
            r
        };
        self.push(r?);
        Ok(self.after_release())
    }

    /// Call a Python function with keywords and/or defaults without
    /// allocating, when the arguments bind without error and the function
    /// takes no *args/**kwargs: positional arguments stay where they are,
    /// keyword values move to their parameters' slots, defaults fill the
    /// rest. Returns None (nothing changed) for every other call, which the
    /// general path binds, raising CPython's errors.
    fn bind_in_place(
        &mut self,
        f: &Function,
        first_arg: usize,
        ret_sp: usize,
        kwnames: Option<&Value>,
    ) -> Option<PyResult<Flow>> {
        use pyrite_compiler::code::flags;
        const MAX_KW: usize = 16;
        let co = &f.code.co;
        if co.flags & flags::VARKEYWORDS != 0 {
            return None;
        }
        let has_varargs = co.flags & flags::VARARGS != 0;
        let names: &[Value] = match kwnames.and_then(|k| k.as_object()) {
            Some(Object::Tuple(t)) => t,
            None => &[],
            _ => return None,
        };
        let (argcount, kwonly) = (co.argcount as usize, co.kwonlyargcount as usize);
        let total = argcount + kwonly;
        let nargs = self.stack.len() - first_arg;
        let npos = nargs.checked_sub(names.len())?;
        if (npos > argcount && !has_varargs) || names.len() > MAX_KW || total > 64 {
            return None;
        }
        // Positional arguments past the parameters go to `*args`.
        let nfixed = npos.min(argcount);
        // Plan: which parameter each keyword fills; give up on any error.
        let mut filled: u64 = if nfixed == 64 {
            u64::MAX
        } else {
            (1u64 << nfixed) - 1
        };
        // Parameter numbers are below 64 (checked above): a byte each keeps
        // the array two stores to clear.
        let mut targets = [0u8; MAX_KW];
        let varnames = &f.code.varnames;
        for (j, n) in names.iter().enumerate() {
            let Some(Object::Str(s)) = n.as_object() else {
                return None;
            };
            // Names are interned: pointers usually decide.
            let params = co.posonlyargcount as usize..total;
            let p = params.clone().find(|&p| varnames[p].is(n)).or_else(|| {
                params
                    .clone()
                    .find(|&p| &*co.localsplusnames[p] == s.as_str())
            })?;
            if filled & (1 << p) != 0 {
                return None;
            }
            filled |= 1 << p;
            targets[j] = p as u8;
        }
        let defaults_ref = f.defaults.borrow();
        let defaults: &[Value] = match defaults_ref.as_ref().and_then(|d| d.as_object()) {
            // Assigned defaults may outnumber the parameters: the last count.
            Some(Object::Tuple(t)) => &t[t.len().saturating_sub(argcount)..],
            _ => &[],
        };
        let first_default = argcount - defaults.len();
        if (0..first_default).any(|p| filled & (1 << p) == 0) {
            return None;
        }
        // The defaults of the keyword-only parameters left unfilled, looked
        // up once (by the interned name first).
        const MAX_KWONLY: usize = 8;
        if kwonly > MAX_KWONLY {
            return None;
        }
        let mut kwonly_defaults: [Option<Value>; MAX_KWONLY] = Default::default();
        if (argcount..total).any(|p| filled & (1 << p) == 0) {
            let kwdefaults_ref = f.kwdefaults.borrow();
            let Some(Object::Dict(d)) = kwdefaults_ref.as_ref().and_then(|d| d.as_object()) else {
                return None;
            };
            let d = d.borrow();
            for p in (argcount..total).filter(|&p| filled & (1 << p) == 0) {
                let v = d.get_name(&varnames[p], &co.localsplusnames[p])?;
                kwonly_defaults[p - argcount] = Some(v.clone());
            }
        }
        // Bind.
        if self.frames.len() >= self.recursion_limit {
            return Some(Err(
                self.err("RecursionError", "maximum recursion depth exceeded")
            ));
        }
        if let Err(e) = self.check_interrupt() {
            return Some(Err(e));
        }
        // The keyword values move aside, into an array on the Rust stack,
        // while the slots are laid out, then into their parameters. (A
        // reused Vec buffer cost a take, a reserve and a drain per call.)
        let nkw = names.len();
        let mut kwvals = [const { std::mem::MaybeUninit::<Value>::uninit() }; MAX_KW];
        let kw_at = first_arg + npos;
        // SAFETY: the `nkw` values at `kw_at..` are the top of the stack
        // (`npos` counts the positional ones below them). They are moved
        // bitwise into `kwvals` and the stack forgets them (`set_len`), so
        // each is owned once; every one is read back out below.
        unsafe {
            std::ptr::copy_nonoverlapping(
                self.stack.as_ptr().add(kw_at),
                kwvals.as_mut_ptr().cast::<Value>(),
                nkw,
            );
            self.stack.set_len(kw_at);
        }
        let star = has_varargs
            .then(|| crate::tuple::Tuple::value_from_tail(&mut self.stack, first_arg + nfixed));
        pad_locals(&mut self.stack, first_arg + f.code.nlocalsplus);
        if let Some(star) = star {
            self.stack[first_arg + total] = star;
        }
        for (j, &target) in targets.iter().enumerate().take(nkw) {
            // SAFETY: `kwvals[j]` for `j < nkw` was initialised above and
            // is read once.
            self.stack[first_arg + target as usize] = unsafe { kwvals[j].assume_init_read() };
        }
        for p in nfixed.max(first_default)..argcount {
            if filled & (1 << p) == 0 {
                self.stack[first_arg + p] = defaults[p - first_default].clone();
            }
        }
        for p in argcount..total {
            if let Some(v) = kwonly_defaults[p - argcount].take() {
                self.stack[first_arg + p] = v;
            }
        }
        // Every entry is None now: skip the drop's check of all eight.
        std::mem::forget(kwonly_defaults);
        // SAFETY: `f` is CALL's callable, on the stack between `ret_sp`
        // and `first_arg` until the frame is popped (see `fast_call`).
        debug_assert!(self.callable_on_stack(f, ret_sp, first_arg));
        unsafe {
            crate::interp::push_call_frame(&mut self.frames, f, first_arg, ret_sp, false, true)
        };
        Some(Ok(Flow::NewFrame))
    }

    /// Call `func` from the evaluation loop: a Python function gets a new
    /// frame (no Rust recursion); anything else is called directly and its
    /// result pushed.
    fn call_value(
        &mut self,
        func: Value,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Flow> {
        if let Some(Object::Method { func, this }) = func.as_object() {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(this.clone());
            full.extend(args);
            return self.call_value(func.clone(), full, kwargs);
        }
        if let Some(Object::Function(f)) = func.as_object() {
            if self.frames.len() >= self.recursion_limit {
                return Err(self.err("RecursionError", "maximum recursion depth exceeded"));
            }
            self.push_function_frame(f, args, kwargs, false)?;
            return Ok(Flow::NewFrame);
        }
        let r = self.call(&func, args, kwargs)?;
        self.push(r);
        Ok(Flow::Next)
    }

    /// Run a class body with `ns` as its namespace; returns what it
    /// returns (the `__class__` cell, or None).
    pub(crate) fn run_class_body(&mut self, f: &Function, ns: Rc<Object>) -> PyResult<Value> {
        self.check_rust_reentry()?;
        self.push_function_frame(f, Vec::new(), Vec::new(), true)?;
        if let Some(frame) = self.frames.last_mut() {
            frame.locals = Some(ns);
        }
        self.eval_nested()
    }

    /// Bind arguments and push a frame for `f`.
    pub(crate) fn push_function_frame(
        &mut self,
        f: &Function,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
        entry: bool,
    ) -> PyResult<()> {
        let base = self.stack.len();
        // Exactly the positional parameters: the arguments are the first
        // locals as they stand.
        if kwargs.is_empty() && simple_positional(f, args.len()) {
            let mut args = args;
            self.stack.append(&mut args);
            pad_locals(&mut self.stack, base + f.code.nlocalsplus);
            // SAFETY: an owned frame (not borrowed) has no requirement.
            unsafe {
                crate::interp::push_call_frame(&mut self.frames, f, base, base, entry, false)
            };
            return Ok(());
        }
        let locals = crate::call::bind_arguments(self, f, args, kwargs)?;
        for v in locals {
            self.stack.push(v.unwrap_or(NULL));
        }
        // SAFETY: an owned frame (not borrowed) has no requirement.
        unsafe { crate::interp::push_call_frame(&mut self.frames, f, base, base, entry, false) };
        Ok(())
    }

    /// Run the entry frame just pushed in a nested evaluation loop (a call
    /// from Rust code into Python), counted against the Rust nesting bound.
    fn eval_nested(&mut self) -> PyResult<Value> {
        self.rust_depth += 1;
        let r = self.eval();
        self.rust_depth -= 1;
        r
    }

    /// Call the Python function `f` as a method of `this` from Rust code
    /// (special methods, mostly): `f(this, *args)` in a nested evaluation
    /// loop. When the arguments are exactly its positional parameters they
    /// are copied straight into the new frame's locals, without the
    /// argument vectors of [`Interpreter::call`].
    pub fn call_method(&mut self, f: &Function, this: &Value, args: &[Value]) -> PyResult<Value> {
        self.check_rust_reentry()?;
        if simple_positional(f, args.len() + 1) {
            let base = self.stack.len();
            self.stack.push(this.clone());
            self.stack.extend_from_slice(args);
            pad_locals(&mut self.stack, base + f.code.nlocalsplus);
            // SAFETY: the frame is this nested loop's entry frame, popped
            // (returning or raising) before `eval_nested` returns, so `f`,
            // which the caller lends for this whole call, outlives it: the
            // frame can borrow the function's code, globals and closure.
            unsafe { crate::interp::push_call_frame(&mut self.frames, f, base, base, true, true) };
        } else {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(this.clone());
            full.extend_from_slice(args);
            self.push_function_frame(f, full, Vec::new(), true)?;
        }
        self.eval_nested()
    }

    /// Call any callable from Rust code; Python functions run in a nested
    /// evaluation loop, which counts against the recursion limit.
    pub fn call(
        &mut self,
        func: &Value,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        match func.as_object() {
            Some(Object::Function(f)) => {
                self.check_rust_reentry()?;
                self.push_function_frame(f, args, kwargs, true)?;
                self.eval_nested()
            }
            Some(Object::MethodDescriptor(d)) => {
                let mut args = args;
                if let Some(first) = args.first_mut() {
                    if crate::class::base_value(first).is_some() {
                        let r = d.receiver(first).clone();
                        *first = r;
                    }
                }
                (d.func)(self, &args, &kwargs)
            }
            Some(Object::Builtin(b)) => {
                if let Some(bound) = &b.bound {
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(bound.clone());
                    full.extend(args);
                    (b.func)(self, &full, &kwargs)
                } else {
                    (b.func)(self, &args, &kwargs)
                }
            }
            Some(Object::Type(t)) if t.is_class => {
                crate::class::instantiate(self, &t.clone(), args, kwargs)
            }
            Some(Object::Type(t)) if t.kind == crate::types::TypeKind::Descriptor => {
                crate::class::construct_descriptor(self, &t.clone(), &args, &kwargs)
                    .unwrap_or_else(|| Err(self.type_error("bad descriptor type")))
            }
            Some(Object::Type(t)) => crate::builtins::call_type(self, &t.clone(), args, kwargs),
            Some(Object::Method { func, this }) => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(this.clone());
                full.extend(args);
                self.call(&func.clone(), full, kwargs)
            }
            Some(Object::WeakRef(w)) => crate::modules::weakref::call(self, w, &args, &kwargs),
            // An instance is called through its class's __call__.
            Some(Object::Instance(i)) => match i.typ.lookup_special("__call__") {
                Some(call) => {
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(func.clone());
                    full.extend(args);
                    self.call(&call, full, kwargs)
                }
                None => Err(self.not_callable(func)),
            },
            _ => Err(self.not_callable(func)),
        }
    }

    fn not_callable(&self, func: &Value) -> PyErr {
        self.type_error(format!("'{}' object is not callable", self.type_name(func)))
    }

    /// Turn the operand of `raise` into an exception instance.
    fn make_exception(&mut self, v: Value) -> PyResult<PyErr> {
        match v.as_object() {
            Some(Object::Exception(_)) => Ok(PyErr(v)),
            Some(Object::Type(t)) if t.kind == crate::types::TypeKind::Exception => {
                let e = self.call(&v, Vec::new(), Vec::new())?;
                if matches!(e.as_object(), Some(Object::Exception(_))) {
                    return Ok(PyErr(e));
                }
                // `raise` names the type by its repr (throw() by its name).
                let cls = crate::format::repr(self, &v)?;
                let typ = self.type_of(&e);
                let typ = crate::format::repr(self, &Value::obj(Object::Type(typ)))?;
                Ok(self.type_error(format!(
                    "calling {cls} should have returned an instance of BaseException, not {typ}"
                )))
            }
            _ => Ok(self.type_error("exceptions must derive from BaseException")),
        }
    }

    /// The exception the exception class `cls` returned when called, or
    /// CPython's TypeError if its `__new__` returned something else.
    pub(crate) fn checked_new_exception(&mut self, cls: &Value, e: Value) -> PyResult<PyErr> {
        if matches!(e.as_object(), Some(Object::Exception(_))) {
            return Ok(PyErr(e));
        }
        let cls = crate::format::repr(self, cls)?;
        Ok(self.type_error(format!(
            "calling {cls} should have returned an instance of BaseException, not {}",
            self.type_name(&e)
        )))
    }

    fn set_cause(&mut self, err: &PyErr, cause: Value) -> PyResult<()> {
        let cause = match cause.as_object() {
            None if cause.is_none() => None,
            Some(Object::Exception(_)) => Some(cause),
            Some(Object::Type(t)) if t.kind == crate::types::TypeKind::Exception => {
                Some(self.call(&cause, Vec::new(), Vec::new())?)
            }
            _ => return Err(self.type_error("exception causes must derive from BaseException")),
        };
        if let Some(Object::Exception(e)) = err.0.as_object() {
            *e.cause.borrow_mut() = cause;
            e.suppress_context.set(true);
        }
        Ok(())
    }

    /// A bare `raise`: the handled exception goes on with its traceback.
    fn mark_reraise(&self, exc: Value) -> PyErr {
        PyErr(exc)
    }

    /// `isinstance(exc, typ)` for except clauses (typ may be a tuple).
    pub fn exception_matches(&self, exc: &Value, typ: &Value) -> PyResult<bool> {
        match typ.as_object() {
            Some(Object::Type(t)) => {
                if t.kind != crate::types::TypeKind::Exception {
                    return Err(self.type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    ));
                }
                Ok(self.type_of(exc).is_subtype(t))
            }
            Some(Object::Tuple(items)) => {
                // Every entry must be an exception class, even after a match.
                let valid = items.iter().all(|t| {
                    matches!(t.as_object(), Some(Object::Type(t)) if t.kind == crate::types::TypeKind::Exception)
                });
                if !valid {
                    return Err(self.type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    ));
                }
                for t in items.iter() {
                    if self.exception_matches(exc, t)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    fn kwargs_from_dict(&mut self, d: &Value) -> PyResult<Vec<(Rc<str>, Value)>> {
        let pairs = self.kwargs_or_pairs(d)?;
        let mut out = Vec::with_capacity(pairs.len());
        for (k, v) in pairs {
            match k.as_object() {
                Some(Object::Str(s)) => out.push((Rc::from(s.as_str()), v)),
                _ => return Err(self.type_error("keywords must be strings")),
            }
        }
        Ok(out)
    }

    /// DICT_MERGE for `f(**a, **b)`: copy the mapping `other` into the
    /// call's keyword dict, rejecting a key given twice.
    fn dict_merge_kwargs(&mut self, target: &Value, other: &Value, func: &Value) -> PyResult<()> {
        let Some(Object::Dict(d)) = target.as_object() else {
            return Ok(());
        };
        let pairs = match self.mapping_pairs(other) {
            Ok(Some(p)) => p,
            Ok(None) => {
                return Err(self.type_error(format!(
                    "{} argument after ** must be a mapping, not {}",
                    self.function_str(func),
                    self.type_name(other)
                )))
            }
            Err(e) if self.is_instance_of(&e.0, "AttributeError") => {
                return Err(self.type_error(format!(
                    "{} argument after ** must be a mapping, not {}",
                    self.function_str(func),
                    self.type_name(other)
                )))
            }
            Err(e) => return Err(e),
        };
        for (k, v) in pairs {
            if self.key_in(d, &k)? {
                let key = crate::format::str_of(self, &k)?;
                return Err(self.type_error(format!(
                    "{} got multiple values for keyword argument '{}'",
                    self.function_str(func),
                    key
                )));
            }
            self.dict_store(d, k, v)?;
        }
        Ok(())
    }

    /// The items of a mapping: a dict's entries, or `keys()` and
    /// `__getitem__` for any other object (None if it has no `keys`).
    fn mapping_pairs(&mut self, m: &Value) -> PyResult<Option<Vec<(Value, Value)>>> {
        if matches!(m.as_object(), Some(Object::Dict(_)))
            || crate::class::base_value(m)
                .is_some_and(|b| matches!(b.as_object(), Some(Object::Dict(_))))
        {
            return self.kwargs_or_pairs(m).map(Some);
        }
        let Some(keys) = self.lookup_attr(m, "keys")? else {
            return Ok(None);
        };
        let keys = self.call(&keys, Vec::new(), Vec::new())?;
        let keys = self.collect_iterable(&keys)?;
        let mut out = Vec::with_capacity(keys.len());
        for k in keys {
            let v = crate::ops::getitem(self, m, &k)?;
            out.push((k, v));
        }
        Ok(Some(out))
    }

    fn kwargs_or_pairs(&mut self, d: &Value) -> PyResult<Vec<(Value, Value)>> {
        if let Some(b) = crate::class::base_value(d) {
            if matches!(b.as_object(), Some(Object::Dict(_))) {
                let b = b.clone();
                return self.kwargs_or_pairs(&b);
            }
        }
        match d.as_object() {
            Some(Object::Dict(d)) => Ok(d
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()),
            _ => Err(self.type_error(format!("'{}' object is not a mapping", self.type_name(d)))),
        }
    }
}

/// The next item of a range, list or tuple iterator that has one (None for
/// every other iterator, and at the end, which the general path handles).
#[inline(always)]
fn next_builtin_seq(it: &Value) -> Option<Value> {
    let Some(Object::Iter(state)) = it.as_object() else {
        return None;
    };
    let mut st = state.try_borrow_mut().ok()?;
    match &mut *st {
        crate::object::Iter::Range { next, stop, step } => {
            let more = if *step > 0 {
                *next < *stop
            } else {
                *next > *stop
            };
            if !more {
                return None;
            }
            let v = *next;
            // Past i64's end the range is over.
            *next = next.checked_add(*step).unwrap_or(*stop);
            Some(Value::Int(v))
        }
        crate::object::Iter::List { list, index } => {
            let Object::List(l) = &**list else {
                return None;
            };
            let v = l.try_borrow().ok()?.get(*index).cloned()?;
            *index += 1;
            Some(v)
        }
        crate::object::Iter::Tuple { tuple, index } => {
            let Object::Tuple(t) = &**tuple else {
                return None;
            };
            let v = t.get(*index).cloned()?;
            *index += 1;
            Some(v)
        }
        _ => None,
    }
}

/// Small-int arithmetic that cannot overflow or raise; None sends the
/// operation to the general path (big ints, errors, other operators).
#[inline(always)]
fn int_fast_path(op: u32, x: i64, y: i64) -> Option<Value> {
    use pyrite_compiler::opcode::nb;
    let r = match op {
        nb::ADD | 13 => x.checked_add(y)?,
        10 | 23 => x.checked_sub(y)?,
        nb::MULTIPLY | 18 => x.checked_mul(y)?,
        nb::AND | 14 => x & y,
        nb::OR | 20 => x | y,
        nb::XOR | 25 => x ^ y,
        // Python's floor semantics equal Rust's for a positive divisor
        // with euclidean operations.
        nb::REMAINDER | 19 if y > 0 => x.rem_euclid(y),
        nb::FLOOR_DIVIDE | 15 if y > 0 => x.div_euclid(y),
        nb::RSHIFT | 22 if (0..64).contains(&y) => x >> y,
        nb::LSHIFT | 16 if (0..63).contains(&y) && (x << y) >> y == x => x << y,
        _ => return None,
    };
    Some(Value::Int(r))
}

/// Float arithmetic that cannot raise (no division, modulo or power,
/// whose zero and overflow cases have Python-specific errors). Mixed
/// int/float operands arrive converted; an int beyond 2**53 cannot be
/// converted exactly here, so those take the general path.
#[inline(always)]
fn float_fast_path(op: u32, x: f64, y: f64) -> Option<Value> {
    use pyrite_compiler::opcode::nb;
    const EXACT: f64 = 9007199254740992.0; // 2**53
    if !(x.abs() <= EXACT || x.fract() != 0.0 || x.is_nan() || x.is_infinite())
        || !(y.abs() <= EXACT || y.fract() != 0.0 || y.is_nan() || y.is_infinite())
    {
        return None;
    }
    let r = match op {
        nb::ADD | 13 => x + y,
        10 | 23 => x - y,
        nb::MULTIPLY | 18 => x * y,
        nb::TRUE_DIVIDE | 24 if y != 0.0 => x / y,
        _ => return None,
    };
    Some(Value::float(r))
}

/// BINARY_OP's argument for `+=`.
const INPLACE_ADD: u32 = pyrite_compiler::opcode::nb::ADD + pyrite_compiler::opcode::nb::INPLACE;

/// COMPARE_OP's argument applied to two ints or two floats (None for
/// anything else, which the general comparison handles).
#[inline(always)]
fn fast_compare(arg: u32, a: &Value, b: &Value) -> Option<bool> {
    fn holds<T: PartialOrd>(arg: u32, x: T, y: T) -> bool {
        match arg {
            0 => x < y,
            1 => x <= y,
            2 => x == y,
            3 => x != y,
            4 => x > y,
            _ => x >= y,
        }
    }
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(holds(arg, x, y)),
        (Value::Float(x), Value::Float(y)) => Some(holds(arg, x.get(), y.get())),
        _ => None,
    }
}

/// Fill a new frame's locals past its arguments with NULL (unbound) up
/// to `end`: usually a few slots, written in line rather than through
/// `Vec::resize`'s out-of-line loop.
#[inline(always)]
fn pad_locals(stack: &mut Vec<Value>, end: usize) {
    let len = stack.len();
    if len < end {
        stack.reserve(end - len);
        // SAFETY: `reserve` made room for `end - len` more values; each
        // slot is written before `set_len` takes it in. (A `push` per slot
        // was an out-of-line call each.)
        unsafe {
            let p = stack.as_mut_ptr();
            for i in len..end {
                p.add(i).write(NULL);
            }
            stack.set_len(end);
        }
    }
}

/// `f` when the loop may run it as its own frame with `nargs` positional
/// arguments: a Python function taking exactly those (other signatures
/// are bound, or refused, by the general path).
fn loop_function(f: &Value, nargs: usize) -> Option<&Function> {
    match f.as_object() {
        Some(Object::Function(func)) if simple_positional(func, nargs) => Some(func),
        _ => None,
    }
}

/// Can a call with `nargs` positional arguments and no keywords bind them
/// directly to `f`'s first locals?
fn simple_positional(f: &Function, nargs: usize) -> bool {
    f.code.plain_arity as usize == nargs
}

// ----- namespace dict helpers ----------------------------------------------

pub fn dict_get(ns: &Rc<Object>, key: &Value) -> Option<Value> {
    match &**ns {
        Object::Dict(d) => d.borrow().get(key).ok().flatten().cloned(),
        _ => None,
    }
}

/// `globals["__name__"]`, a new function's `__module__`. A genexpr or
/// lambda in a loop makes a function on every pass, so the key's hash is
/// computed once, not per lookup.
fn module_name(globals: &Rc<Object>) -> Value {
    static NAME_HASH: std::sync::LazyLock<i64> =
        std::sync::LazyLock::new(|| pyrite_compiler::pyhash::hash_str("__name__"));
    match &**globals {
        Object::Dict(d) => d
            .borrow()
            .get_str_hashed("__name__", &mut Some(*NAME_HASH))
            .cloned()
            .unwrap_or(Value::None),
        _ => Value::None,
    }
}

pub fn dict_get_str(ns: &Rc<Object>, key: &str) -> Option<Value> {
    match &**ns {
        Object::Dict(d) => d.borrow().get_str(key).cloned(),
        _ => None,
    }
}

pub fn dict_set(ns: &Rc<Object>, key: Value, v: Value) {
    if let Object::Dict(d) = &**ns {
        let _ = d.borrow_mut().insert(key, v);
    }
}

pub fn dict_del(ns: &Rc<Object>, key: &Value) -> bool {
    match &**ns {
        Object::Dict(d) => matches!(d.borrow_mut().remove(key), Ok(Some(_))),
        _ => false,
    }
}
