//! The assembler: from a `CodeUnit` (CFG) to a `CodeObject`, as CPython
//! 3.11's `assemble()` does: prefix instructions, cell offsets, CFG
//! optimisation, stack depth, exception table, jump resolution with
//! EXTENDED_ARG, CACHE entries, location table.

use crate::code::CodeObject;
use crate::error::CompileError;
use crate::ir::CodeUnit;

/// Assemble one unit. Codegen has already appended the implicit
/// `return None` when the last block falls off the end.
pub fn assemble(unit: CodeUnit) -> Result<CodeObject, CompileError> {
    let _ = unit;
    todo!("assembler")
}
