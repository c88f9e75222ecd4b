//! Code generation: AST → CFG, following CPython 3.11's `compile.c`.

use crate::code::CodeObject;
use crate::error::CompileError;

pub fn compile_module(source: &str, filename: &str) -> Result<CodeObject, CompileError> {
    let _ = source;
    Err(CompileError::syntax(
        "codegen not implemented yet",
        filename,
        1,
        0,
    ))
}
