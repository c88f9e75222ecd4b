//! pyrite-runtime: executes CPython 3.11 code objects.
//!
//! A first vertical slice of the VM: values (`value`), heap objects
//! (`object`), type objects (`types`), dicts with Python hashing (`dict`,
//! `hash`), quickened code (`code`), the evaluation loop with frames on one
//! value stack (`eval`, `interp`), argument binding (`call`), operators
//! (`ops`), formatting (`format`), built-ins (`builtins`), and tracebacks
//! (`traceback`). See ARCHITECTURE.md for the design rules.

pub mod alias;
pub mod async_gen;
pub mod attr;
pub mod attrcache;
pub mod builtins;
pub mod call;
pub mod class;
pub mod code;
pub mod convert;
pub mod coroutine;
pub mod dict;
pub mod error;
pub mod eval;
pub mod exc_group;
pub mod finalize;
pub mod format;
pub mod function;
pub mod generator;
pub mod hash;
pub mod intern;
pub mod interp;
pub mod keys;
pub mod lookup_cache;
pub mod methods;
pub mod modules;
pub mod namecache;
pub mod num;
pub mod object;
pub mod ops;
pub mod protocol;
pub mod quicken;
pub mod range;
pub mod slots;
pub mod small_alloc;
pub mod subscr;
pub mod tbobject;
pub mod traceback;
pub mod tuple;
pub mod typecall;
pub mod types;
pub mod value;
pub mod verify;

pub use interp::Interpreter;

/// Run `f` on a thread with a large stack. Python recursion does not use
/// the Rust stack, but calls from Rust back into Python (a `key=` function,
/// `__eq__` during a lookup) nest evaluation loops, up to the recursion
/// limit; the thread's stack is reserved address space, touched only as
/// deep as the program goes.
pub fn with_big_stack(f: impl FnOnce() -> i32 + Send + 'static) -> i32 {
    const STACK: usize = 1 << 30;
    match std::thread::Builder::new().stack_size(STACK).spawn(f) {
        Ok(handle) => handle.join().unwrap_or(1),
        Err(_) => 1,
    }
}

/// Run a compiled program as `__main__` in a new interpreter; returns the
/// exit status. The process ends next, so the interpreter is not torn
/// down: freeing every object one by one was a sixth of the instructions
/// of `print('hi')`. (`run_main` has already run the finalizers and
/// flushed the output; no object's drop runs Python code.)
pub fn run_program(code: pyrite_compiler::code::CodeObject, argv: Vec<String>) -> i32 {
    let mut interp = Interpreter::new(argv);
    let status = interp.run_main(std::rc::Rc::new(code));
    std::mem::forget(interp);
    status
}

/// Compile and run a program as `__main__`; returns the exit status.
/// Compile errors print as CPython prints them and give status 1.
pub fn run_source(source: &str, filename: &str, argv: Vec<String>) -> i32 {
    match pyrite_compiler::compile(source, filename) {
        Ok(code) => run_program(code, argv),
        Err(e) => {
            eprint!("{}", e.render(source));
            1
        }
    }
}
