//! pyrite-compiler: Python 3.11 source → CPython 3.11 code objects.
//!
//! The pipeline (see ARCHITECTURE.md): parse (rustpython-parser) → constant
//! folding (`fold`) → symbol table (`symtable`) → code generation (`codegen`)
//! into a CFG (`ir`) → CFG optimisation (`flowgraph`) → assembly
//! (`assemble`) into a `code::CodeObject`. `dis` prints code objects exactly
//! as CPython's `dis` module does.

pub mod assemble;
pub mod code;
pub mod codegen;
pub mod dis;
pub mod error;
pub mod floatmath;
pub mod flowgraph;
pub mod fold;
pub mod ir;
pub mod marshal;
pub mod opcode;
pub mod pyhash;
pub mod repr;
pub mod source;
pub mod symtable;
pub mod unparse;

pub use code::{CodeObject, Constant};

/// Run a recursive compiler step with enough stack, whatever thread the
/// compiler runs on: the passes recurse once per nesting level of the
/// source (up to CPython's limit of 3000), which can exceed a small thread
/// stack. `stacker` allocates more when less than the red zone is left.
#[inline]
pub(crate) fn with_stack<R>(f: impl FnOnce() -> R) -> R {
    const RED_ZONE: usize = 128 * 1024;
    const GROW_BY: usize = 4 * 1024 * 1024;
    stacker::maybe_grow(RED_ZONE, GROW_BY, f)
}
pub use error::CompileError;

/// Compile a module's source text (mode "exec") to its code object.
pub fn compile(source: &str, filename: &str) -> Result<code::CodeObject, CompileError> {
    codegen::compile_module(source, filename)
}

/// Compile one interactive statement (mode "single"): expression
/// statements print their values.
pub fn compile_single(source: &str, filename: &str) -> Result<code::CodeObject, CompileError> {
    codegen::compile_interactive(source, filename)
}
