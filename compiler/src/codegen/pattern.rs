//! Structural pattern matching (compile.c: compiler_match and the
//! compiler_pattern_* helpers).

use rustpython_parser::ast;

use super::{CResult, Compiler};

impl<'a> Compiler<'a> {
    pub fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> CResult {
        let _ = m;
        self.error("pattern matching is not compiled yet")
    }
}
