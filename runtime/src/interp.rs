//! The interpreter: its value stack, call stack and built-in state.

use std::cell::RefCell;
use std::io::Write;
use std::mem::ManuallyDrop;
use std::rc::Rc;

use pyrite_compiler::CodeObject;

use crate::code::Code;
use crate::dict::Dict;
use crate::error::{PyErr, PyResult};
use crate::object::{Exception, Module, Object};
use crate::types::{TypeObject, Types};
use crate::value::Value;

/// One activation of a code object.
///
/// A frame owns a reference to its code, globals and closure, except a
/// *borrowed* one: a call made by CALL whose function object stays on the
/// caller's value stack, below the frame's slots, until the frame is gone.
/// That function keeps the three alive (a function's code, globals and
/// closure never change), so the frame copies the pointers without
/// counting them up on the call and down on the return.
pub struct Frame {
    pub code: ManuallyDrop<Rc<Code>>,
    /// Index of the next instruction.
    pub ip: usize,
    /// Index of the instruction being executed (for tracebacks).
    pub lasti: usize,
    /// Where this frame's localsplus slots start in `Interpreter::stack`;
    /// its value stack follows them.
    pub base: usize,
    pub globals: ManuallyDrop<Rc<Object>>,
    /// The namespace of module and class bodies (LOAD_NAME/STORE_NAME).
    pub locals: Option<Rc<Object>>,
    /// The function's closure (a tuple of cells), for COPY_FREE_VARS.
    pub closure: ManuallyDrop<Option<Value>>,
    /// The generator this frame belongs to, once RETURN_GENERATOR made it.
    pub generator: Option<Value>,
    /// When this frame returns, the evaluation loop returns to its Rust
    /// caller (a call from Rust code into Python) instead of continuing
    /// in the frame below.
    pub entry: bool,
    /// What the caller's loop does with this frame's return value.
    pub on_return: OnReturn,
    /// A generator frame resumed by FOR_ITER or SEND in this loop (not by
    /// a Rust caller): a yield hands the value to the frame below, a
    /// return ends its loop (see `generator::enter_for_iter`).
    pub for_iter: bool,
    /// The caller's stack height to restore when this frame is popped
    /// (below the callable and the arguments a fast call left in place).
    pub ret_sp: usize,
    /// `code`, `globals` and `closure` are not counted references of this
    /// frame: the function on the caller's stack holds them (see above).
    pub borrowed: bool,
}

impl Drop for Frame {
    fn drop(&mut self) {
        if !self.borrowed {
            // SAFETY: an owned frame holds one counted reference in each
            // field, dropped here once; the fields are not used again.
            unsafe {
                ManuallyDrop::drop(&mut self.code);
                ManuallyDrop::drop(&mut self.globals);
                ManuallyDrop::drop(&mut self.closure);
            }
        }
    }
}

/// How a frame's return value reaches its caller in the evaluation loop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnReturn {
    /// Pushed onto the caller's stack (an ordinary call).
    Push,
    /// An `__init__` frame started by a class call: the value must be
    /// None, and the caller's result (the new instance) is already on its
    /// stack.
    Init,
    /// A binary operator's special method (BINARY_OP argument `op`) run
    /// in the loop: the operands stay on the caller's stack below the
    /// frame, so that NotImplemented can go on to the reflected method.
    BinaryOp(u8),
}

impl Frame {
    /// A frame about to run `code` from its start, its localsplus slots
    /// at `base`; the caller's stack goes back to `ret_sp` on return.
    pub fn new(
        code: Rc<Code>,
        globals: Rc<Object>,
        closure: Option<Value>,
        base: usize,
        ret_sp: usize,
        entry: bool,
    ) -> Frame {
        Frame {
            code: ManuallyDrop::new(code),
            ip: 0,
            lasti: 0,
            base,
            globals: ManuallyDrop::new(globals),
            locals: None,
            closure: ManuallyDrop::new(closure),
            generator: None,
            entry,
            on_return: OnReturn::Push,
            for_iter: false,
            ret_sp,
            borrowed: false,
        }
    }
}

/// Move the frame in `from` onto the frame stack, leaving None, and give
/// it back to be adjusted in place (see [`push_call_frame`] for why not
/// through a copy on the Rust stack). None if `from` holds no frame.
#[inline(always)]
pub fn push_frame_from<'a>(
    frames: &'a mut Vec<Frame>,
    from: &mut Option<Frame>,
) -> Option<&'a mut Frame> {
    let src = from.as_ref()?;
    frames.reserve(1);
    let len = frames.len();
    // SAFETY: `reserve(1)` leaves room at index `len`. The frame is copied
    // bitwise into it and `from` is overwritten with None without dropping
    // the frame it held, so the frame is owned once, by the vector.
    unsafe {
        let dst = frames.as_mut_ptr().add(len);
        std::ptr::copy_nonoverlapping(src as *const Frame, dst, 1);
        std::ptr::write(from as *mut Option<Frame>, None);
        frames.set_len(len + 1);
        Some(&mut *dst)
    }
}

/// Pop and drop the top frame. A frame run by CALL usually owns nothing
/// (it borrows its code, globals and closure, and has no locals dict or
/// generator): then it is forgotten in line, without a call to its drop
/// glue, which was an out-of-line call on every return.
#[inline(always)]
pub fn drop_top_frame(frames: &mut Vec<Frame>) {
    let Some(top) = frames.last() else {
        return;
    };
    let len = frames.len();
    if top.borrowed && top.locals.is_none() && top.generator.is_none() {
        // SAFETY: the frame holds no counted reference (its three shared
        // fields are borrowed, the optional ones are None), so dropping it
        // would do nothing; shortening the vector forgets it.
        unsafe { frames.set_len(len - 1) };
    } else {
        frames.truncate(len - 1);
    }
}

/// Move the top frame of the frame stack into `to` (which must be None:
/// a frame there would be forgotten, not dropped) and give it back to be
/// adjusted in place; the reverse of [`push_frame_from`].
#[inline(always)]
pub fn pop_frame_into<'a>(
    frames: &mut Vec<Frame>,
    to: &'a mut Option<Frame>,
) -> Option<&'a mut Frame> {
    debug_assert!(
        to.is_none(),
        "pop_frame_into: the destination holds a frame"
    );
    let len = frames.len().checked_sub(1)?;
    // SAFETY: the frame at `len` is initialised; `set_len` forgets it
    // before `to` takes it over by a bitwise move, so it is owned once.
    unsafe {
        frames.set_len(len);
        std::ptr::write(to, Some(std::ptr::read(frames.as_ptr().add(len))));
    }
    to.as_mut()
}

/// `v[at..]` moved out into a vector of its own (exactly sized), as one
/// memory copy: what `v.drain(at..).collect()` does one value at a time,
/// through a drain iterator handed over by value.
#[inline]
pub fn take_tail<T>(v: &mut Vec<T>, at: usize) -> Vec<T> {
    let mut out = Vec::new();
    move_tail(v, at, &mut out);
    out
}

/// Move `from[at..]` onto the end of `to`, as one memory copy (a
/// generator's frame values between the value stack and their saved
/// buffer). `to.extend(from.drain(at..))` moves them one by one through
/// the drain iterator, which cost a sixth of a generator pipeline.
pub fn move_tail<T>(from: &mut Vec<T>, at: usize, to: &mut Vec<T>) {
    let Some(n) = from.len().checked_sub(at) else {
        return;
    };
    to.reserve(n);
    // SAFETY: `at..at + n` is in bounds of `from`, and `to` has room for
    // `n` more elements after `reserve`. The elements are moved bitwise:
    // `from` forgets them (its length drops to `at`) before `to` owns them
    // (its length grows by `n`), so each is dropped exactly once.
    unsafe {
        let (src, dst) = (from.as_ptr().add(at), to.as_mut_ptr().add(to.len()));
        if n <= 8 {
            // A generator frame holds a few values: an inline loop beats a
            // call to memcpy.
            for i in 0..n {
                dst.add(i).write(src.add(i).read());
            }
        } else {
            std::ptr::copy_nonoverlapping(src, dst, n);
        }
        from.set_len(at);
        to.set_len(to.len() + n);
    }
}

/// Push a new frame for a call of `f`, written field by field straight
/// into the frame stack's memory. Built as a whole `Frame` on the Rust
/// stack first (whenever the constructor is not inlined), the 96-byte
/// frame is stored with narrow writes and then copied with 16-byte loads,
/// which stall on the failed store forward: that copy was a sixth of a
/// call with keyword arguments.
///
/// # Safety
/// With `borrowed`, the function object `f` must stay alive until the
/// frame is popped (it is on the caller's value stack below the frame).
#[inline(always)]
pub unsafe fn push_call_frame(
    frames: &mut Vec<Frame>,
    f: &crate::object::Function,
    base: usize,
    ret_sp: usize,
    entry: bool,
    borrowed: bool,
) {
    frames.reserve(1);
    let len = frames.len();
    // SAFETY: `reserve(1)` leaves room for an element at index `len`;
    // every field is initialised before `set_len` makes it part of the
    // vector. A borrowed frame's copies of `f`'s references are not
    // counted, and its `Drop` does not drop them.
    unsafe {
        let dst = frames.as_mut_ptr().add(len);
        let (code, globals, closure) = if borrowed {
            (
                std::ptr::read(&f.code),
                std::ptr::read(&f.globals),
                std::ptr::read(&f.closure),
            )
        } else {
            (f.code.clone(), f.globals.clone(), f.closure.clone())
        };
        std::ptr::addr_of_mut!((*dst).code).write(ManuallyDrop::new(code));
        std::ptr::addr_of_mut!((*dst).ip).write(0);
        std::ptr::addr_of_mut!((*dst).lasti).write(0);
        std::ptr::addr_of_mut!((*dst).base).write(base);
        std::ptr::addr_of_mut!((*dst).globals).write(ManuallyDrop::new(globals));
        std::ptr::addr_of_mut!((*dst).locals).write(None);
        std::ptr::addr_of_mut!((*dst).closure).write(ManuallyDrop::new(closure));
        std::ptr::addr_of_mut!((*dst).generator).write(None);
        std::ptr::addr_of_mut!((*dst).entry).write(entry);
        std::ptr::addr_of_mut!((*dst).on_return).write(OnReturn::Push);
        std::ptr::addr_of_mut!((*dst).for_iter).write(false);
        std::ptr::addr_of_mut!((*dst).ret_sp).write(ret_sp);
        std::ptr::addr_of_mut!((*dst).borrowed).write(borrowed);
        frames.set_len(len + 1);
    }
}

/// Names every field of `Frame` without `..`, so that a new field fails to
/// compile here until `push_call_frame` writes it too (and, if it can own
/// something, `drop_top_frame` checks it before forgetting a frame).
#[allow(dead_code)]
fn push_call_frame_writes_every_field(f: &Frame) {
    let Frame {
        code: _,
        ip: _,
        lasti: _,
        base: _,
        globals: _,
        locals: _,
        closure: _,
        generator: _,
        entry: _,
        on_return: _,
        for_iter: _,
        ret_sp: _,
        borrowed: _,
    } = f;
}

pub struct Interpreter {
    /// Locals, cells and value stacks of every frame, contiguous.
    pub stack: Vec<Value>,
    pub frames: Vec<Frame>,
    pub types: Types,
    pub builtins: Rc<Object>,
    /// The exception being handled by the running frames (`sys.exc_info()`
    /// when not None); a resumed generator sees its own.
    pub handled: Value,
    /// The callers' `handled` values saved by resumed generator frames
    /// (CPython's chain of exc_info items), innermost last, each with the
    /// `resumed_depth` of the resume that saved it; a resume saves one only
    /// when an exception is being handled on either side.
    pub handled_outer: Vec<(usize, Value)>,
    /// How many generator frames are resumed (running) at the moment.
    pub resumed_depth: usize,
    pub recursion_limit: usize,
    /// Calls from Rust back into Python currently active (nested
    /// evaluation loops); bounded by [`MAX_RUST_DEPTH`].
    pub rust_depth: usize,
    /// Levels of Rust recursion through nested containers (repr and
    /// comparison of lists in lists...), counted with the Python frames
    /// against the recursion limit (see [`Interpreter::nested`]).
    pub nested_depth: usize,
    pub out: std::io::BufWriter<std::io::Stdout>,
    pub argv: Vec<String>,
    /// `sys.modules` (a dict), created by the first import.
    pub modules: Option<Rc<Object>>,
    /// Set when the evaluation loop returned because a generator frame
    /// yielded (rather than returned).
    pub yielded: bool,
    /// Keyword names set by KW_NAMES for the CALL that follows it (always
    /// the next instruction but PRECALL, so one slot serves every frame).
    pub kw_names: Option<Value>,
    /// Reused for the arguments of built-in calls (see
    /// `call_builtin_from_stack`).
    pub arg_buffer: Vec<Value>,
    /// Warnings already shown: (file, line, text), as the warnings
    /// module's "default" action shows each once per location.
    pub warned: std::collections::HashSet<(String, i64, String)>,
    /// Once `sys` is imported: its dict and the `sys.stdout` it started
    /// with, so that `print` notices when a program replaces `sys.stdout`
    /// (`contextlib.redirect_stdout`) and writes to the new one.
    pub sys_stdout: Option<(Rc<Object>, Value)>,
}

/// The exit status of running a program, as python3 reports it.
pub type ExitStatus = i32;

/// Set when the program ended with an uncaught KeyboardInterrupt: the
/// process should then end by SIGINT, as CPython's does.
pub static DIE_OF_SIGINT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Set by the SIGINT handler; the evaluation loop turns it into
/// KeyboardInterrupt at the next backward jump or call.
pub static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// A plain signal handler: storing to an atomic is async-signal-safe, and
/// unlike a handler thread (the `ctrlc` crate's) it costs nothing at
/// start-up. SA_RESTART, as before: a read from stdin goes on, and the
/// interrupt is seen at the next backward jump or call.
#[cfg(unix)]
fn install_sigint_handler() {
    extern "C" fn on_sigint(_: libc::c_int) {
        INTERRUPTED.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: a zeroed sigaction is a valid "no flags, empty mask"
        // value; the handler only stores to an atomic.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t;
            action.sa_flags = libc::SA_RESTART;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(libc::SIGINT, &action, std::ptr::null_mut());
        }
    });
}

#[cfg(not(unix))]
fn install_sigint_handler() {}

impl Interpreter {
    pub fn new(argv: Vec<String>) -> Interpreter {
        install_sigint_handler();
        let types = Types::new();
        let mut interp = Interpreter {
            stack: Vec::with_capacity(1024),
            frames: Vec::with_capacity(64),
            types,
            builtins: Rc::new(Object::Dict(RefCell::new(Dict::new()))),
            handled: Value::None,
            handled_outer: Vec::new(),
            resumed_depth: 0,
            recursion_limit: 1000,
            rust_depth: 0,
            nested_depth: 0,
            out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
            argv,
            modules: None,
            yielded: false,
            kw_names: None,
            arg_buffer: Vec::with_capacity(16),
            warned: std::collections::HashSet::new(),
            sys_stdout: None,
        };
        // Values no frame owns, so that the loop's unchecked pops never
        // find the stack empty (see verify.rs).
        interp.stack.resize(crate::verify::STACK_GUARD, Value::None);
        crate::builtins::install(&mut interp);
        crate::methods::object::install(&interp);
        let sup = Value::obj(Object::Builtin(crate::object::Builtin {
            name: "super",
            func: crate::class::super_builtin,
            bound: None,
        }));
        crate::eval::dict_set(&interp.builtins, Value::str("super"), sup);
        for t in [
            interp.types.staticmethod.clone(),
            interp.types.classmethod.clone(),
            interp.types.property.clone(),
        ] {
            let name = Value::str(&t.name);
            crate::eval::dict_set(&interp.builtins, name, Value::obj(Object::Type(t)));
        }
        interp
    }

    // ----- exceptions ---------------------------------------------------------

    /// A new exception of type `typ` with `args`.
    pub fn exception(&self, typ: &Rc<TypeObject>, args: Vec<Value>) -> Value {
        Value::obj(Object::Exception(Box::new(Exception {
            typ: typ.clone(),
            args: RefCell::new(Value::obj(Object::Tuple(args.into()))),
            traceback: RefCell::new(Vec::new()),
            context: RefCell::new(None),
            cause: RefCell::new(None),
            suppress_context: std::cell::Cell::new(false),
            attrs: RefCell::new(Vec::new()),
            frame_generators: RefCell::new(Vec::new()),
        })))
    }

    /// The exception being handled (`sys.exc_info()[1]`): the innermost
    /// one of the running frames and the generators' callers, or None.
    pub fn current_exception(&self) -> Value {
        if !self.handled.is_none() {
            return self.handled.clone();
        }
        self.handled_outer
            .iter()
            .rev()
            .map(|(_, v)| v)
            .find(|v| !v.is_none())
            .cloned()
            .unwrap_or(Value::None)
    }

    /// An error of the built-in exception type `name` with one message.
    pub fn err(&self, name: &str, msg: impl Into<String>) -> PyErr {
        let typ = self.types.exception(name);
        PyErr(self.exception(&typ, vec![Value::str(&msg.into())]))
    }

    pub fn type_error(&self, msg: impl Into<String>) -> PyErr {
        self.err("TypeError", msg)
    }

    pub fn value_error(&self, msg: impl Into<String>) -> PyErr {
        self.err("ValueError", msg)
    }

    // ----- types ---------------------------------------------------------------

    /// `type(v)`.
    pub fn type_of(&self, v: &Value) -> Rc<TypeObject> {
        let t = &self.types;
        match v {
            Value::None | Value::Null => t.none.clone(),
            Value::Bool(_) => t.bool_.clone(),
            Value::Int(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Obj(o) => match &**o {
                Object::Str(_) => t.str_.clone(),
                Object::BigInt(_) => t.int.clone(),
                Object::Complex(..) => t.complex.clone(),
                Object::Bytes(_) => t.bytes.clone(),
                Object::Tuple(_) => t.tuple.clone(),
                Object::List(_) => t.list.clone(),
                Object::Dict(_) => t.dict.clone(),
                Object::Set(_) => t.set.clone(),
                Object::FrozenSet(_) => t.frozenset.clone(),
                Object::ByteArray(_) => t.bytearray.clone(),
                Object::MemoryView(_) => t.memoryview.clone(),
                Object::WeakRef(_) => t.weakref.clone(),
                Object::Range(_) | Object::BigRange(_) => t.range.clone(),
                Object::Slice(..) => t.slice.clone(),
                Object::Iter(state) => t.iterator_type(
                    state
                        .try_borrow()
                        .map(|s| s.type_name())
                        .unwrap_or("iterator"),
                ),
                Object::DictView(_, kind) => match kind {
                    crate::object::DictIterKind::Keys => t.dict_keys.clone(),
                    crate::object::DictIterKind::Values => t.dict_values.clone(),
                    crate::object::DictIterKind::Items => t.dict_items.clone(),
                },
                Object::Function(_) => t.function.clone(),
                Object::Builtin(_) => t.builtin_function.clone(),
                Object::Code(_) => t.code.clone(),
                Object::Type(c) => c.metaclass.clone().unwrap_or_else(|| t.type_.clone()),
                Object::Exception(e) => e.typ.clone(),
                Object::Module(_) => t.module.clone(),
                Object::Cell(_) => t.cell.clone(),
                Object::Generator(g) => match g.kind {
                    crate::generator::Kind::Generator => t.generator.clone(),
                    crate::generator::Kind::Coroutine => t.coroutine.clone(),
                    crate::generator::Kind::AsyncGenerator => t.async_generator.clone(),
                },
                Object::Awaiter(a) => t.awaiter_type(a.type_name()),
                Object::Frame(_) => t.frame.clone(),
                Object::Traceback(_) => t.traceback.clone(),
                Object::Instance(i) => i.typ.clone(),
                Object::Method { .. } => t.method.clone(),
                Object::Super { .. } => t.super_.clone(),
                Object::StaticMethod(_) => t.staticmethod.clone(),
                Object::ClassMethod(_) => t.classmethod.clone(),
                Object::Property { .. } => t.property.clone(),
                Object::MethodDescriptor(_) => t.method_descriptor.clone(),
                Object::Member(_) => t.member_descriptor.clone(),
                Object::GenericAlias { .. } => t.generic_alias.clone(),
                Object::NotImplemented => t.not_implemented.clone(),
                Object::Ellipsis => t.ellipsis.clone(),
            },
        }
    }

    pub fn type_name(&self, v: &Value) -> Rc<str> {
        self.type_of(v).name.clone()
    }

    // ----- running programs ------------------------------------------------------

    /// Run a module's code object as `__main__`; returns the exit status
    /// and prints an uncaught exception's traceback as CPython does.
    pub fn run_main(&mut self, co: Rc<CodeObject>) -> ExitStatus {
        let status = match Code::new(co) {
            Ok(code) => {
                let globals = Rc::new(Object::Dict(RefCell::new(Dict::new())));
                if let Object::Dict(d) = &*globals {
                    let mut d = d.borrow_mut();
                    d.set_str("__name__", Value::str("__main__"));
                    d.set_str("__doc__", Value::None);
                    for key in ["__package__", "__loader__", "__spec__"] {
                        d.set_str(key, Value::None);
                    }
                    // As CPython's add_main_module does.
                    d.set_str(
                        "__annotations__",
                        Value::obj(Object::Dict(RefCell::new(Dict::new()))),
                    );
                    d.set_str("__builtins__", Value::Obj(self.builtins.clone()));
                    // The script's path as given (none for `-c`).
                    if let Some(file) = self.argv.first().filter(|a| *a != "-c") {
                        d.set_str("__file__", Value::str(file));
                        d.set_str("__cached__", Value::None);
                    }
                }
                let status = match self.run_code(code, globals.clone(), Some(globals.clone())) {
                    Ok(_) => 0,
                    Err(e) => self.report_uncaught(e),
                };
                self.finalize_generators();
                self.finalize_main_module(&Value::Obj(globals));
                status
            }
            Err(bad) => {
                eprintln!("pyrite: bad code object: {}", bad.0);
                1
            }
        };
        let _ = self.out.flush();
        status
    }

    /// Run `code` in a new frame with the given namespaces.
    pub fn run_code(
        &mut self,
        code: Rc<Code>,
        globals: Rc<Object>,
        locals: Option<Rc<Object>>,
    ) -> PyResult<Value> {
        let base = self.stack.len();
        for _ in 0..code.nlocalsplus {
            self.stack.push(Value::Null);
        }
        let mut frame = Frame::new(code, globals, None, base, base, true);
        frame.locals = locals;
        self.frames.push(frame);
        self.eval()
    }

    /// Print an uncaught exception and give the exit status (SystemExit's
    /// code, else 1).
    fn report_uncaught(&mut self, err: PyErr) -> ExitStatus {
        let _ = self.out.flush();
        let exc = err.0;
        let typ = self.type_of(&exc);
        if &*typ.name == "SystemExit" {
            return self.system_exit_status(&exc);
        }
        let text = crate::traceback::format_exception(self, &exc);
        eprint!("{text}");
        // CPython ends an uncaught KeyboardInterrupt by dying of SIGINT
        // (the command line does that once output is flushed), so that a
        // shell sees 128 + SIGINT and a parent the signal.
        if &*typ.name == "KeyboardInterrupt" {
            DIE_OF_SIGINT.store(true, std::sync::atomic::Ordering::Relaxed);
            130
        } else {
            1
        }
    }

    fn system_exit_status(&mut self, exc: &Value) -> ExitStatus {
        // SystemExit.code: the single argument, or the whole args tuple.
        let code = match exc.as_object() {
            Some(Object::Exception(e)) => match &*e.args.borrow() {
                Value::Obj(t) => match &**t {
                    Object::Tuple(items) if items.len() == 1 => items[0].clone(),
                    Object::Tuple(items) if items.is_empty() => Value::None,
                    _ => Value::Obj(t.clone()),
                },
                _ => Value::None,
            },
            _ => Value::None,
        };
        match code {
            Value::None => 0,
            Value::Int(i) => i as i32,
            Value::Bool(b) => b.get() as i32,
            other => {
                let s = crate::format::str_of(self, &other).unwrap_or_default();
                eprintln!("{s}");
                1
            }
        }
    }

    /// A module object named `name` with `dict` as namespace.
    pub fn module(&self, name: &str, dict: Dict) -> Value {
        Value::obj(Object::Module(Module {
            name: Rc::from(name),
            dict: Rc::new(Object::Dict(RefCell::new(dict))),
        }))
    }
}

/// How deeply evaluation loops may nest in Rust (generators resumed by
/// `next`, `key=` functions, `__eq__`...). Each level costs Rust stack,
/// so this bound, not the recursion limit a program may raise, keeps
/// deep nesting inside the big stack of `with_big_stack` (1 GiB), with
/// room for a debug build's larger frames.
pub const MAX_RUST_DEPTH: usize = 12_000;

impl Interpreter {
    /// The check before entering a frame from Rust: RecursionError when
    /// the Python call depth reaches the recursion limit (a frame counts
    /// once, however it was entered, as in CPython) or Rust nesting
    /// reaches [`MAX_RUST_DEPTH`].
    pub(crate) fn check_rust_reentry(&self) -> crate::error::PyResult<()> {
        if self.frames.len() >= self.recursion_limit || self.rust_depth >= MAX_RUST_DEPTH {
            return Err(self.err("RecursionError", "maximum recursion depth exceeded"));
        }
        Ok(())
    }

    /// Run `f` one level deeper into a nested container (CPython's
    /// `Py_EnterRecursiveCall`): RecursionError, with CPython's `context`
    /// (" in comparison", say), once the levels and the Python frames
    /// reach the recursion limit. A list nested a million deep would
    /// otherwise recurse until the Rust stack overflowed.
    pub fn nested<T>(
        &mut self,
        context: &str,
        f: impl FnOnce(&mut Self) -> crate::error::PyResult<T>,
    ) -> crate::error::PyResult<T> {
        if self.frames.len() + self.nested_depth >= self.recursion_limit {
            let msg = format!("maximum recursion depth exceeded{context}");
            return Err(self.err("RecursionError", msg));
        }
        self.nested_depth += 1;
        let r = f(self);
        self.nested_depth -= 1;
        r
    }

    /// CPython's MemoryError, before building a result of about `bytes`
    /// bytes whose size the program chose (a padding width, `bytes(n)`)
    /// and that the allocator would refuse: an allocation failure aborts
    /// a Rust program instead of raising. Large sizes are tried for real
    /// (reserved and given back at once; the pages are never touched).
    pub fn check_room(&self, bytes: usize) -> crate::error::PyResult<()> {
        const TRY_ABOVE: usize = 1 << 24;
        if bytes > TRY_ABOVE && Vec::<u8>::new().try_reserve_exact(bytes).is_err() {
            return Err(self.err("MemoryError", ""));
        }
        Ok(())
    }
}
