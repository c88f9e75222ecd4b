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
pub mod flowgraph;
pub mod fold;
pub mod ir;
pub mod marshal;
pub mod opcode;
pub mod pyhash;
pub mod source;
pub mod symtable;
pub mod unparse;

pub use code::{CodeObject, Constant};
pub use error::CompileError;

/// Compile a module's source text (mode "exec") to its code object.
pub fn compile(source: &str, filename: &str) -> Result<code::CodeObject, CompileError> {
    codegen::compile_module(source, filename)
}
