//! AST constant folding, as CPython 3.11's `Python/ast_opt.c`.

use rustpython_parser::ast;

/// Fold constants in a module body in place (`_PyAST_Optimize`).
/// `optimize` is the optimisation level (0: `__debug__` is True).
pub fn fold_module(body: &mut [ast::Stmt], optimize: u8) {
    let _ = (body, optimize);
}

/// The `ExprConstant::kind` marking a folded frozenset (stored as a tuple).
pub const FROZENSET_KIND: &str = "frozenset";
