//! AST constant folding, as CPython 3.11's `Python/ast_opt.c`.
//!
//! The optimizer rewrites the parsed AST in place before the symbol table
//! and code generation see it. It visits the same nodes in the same order as
//! `ast_opt.c` and folds exactly what CPython folds:
//!
//! - unary operators on constants (`-1`, `~5`, `not x`, `+x`), and
//!   `not (a is b)` / `not (a in b)` into `a is not b` / `a not in b`;
//! - binary operators on constants with Python semantics and CPython's
//!   safety limits (see `value.rs`); `'%s...' % (a, b)` with a tuple display
//!   becomes an f-string (`optimize_format`);
//! - tuple displays of constants into constant tuples, `const[const]`
//!   subscripts;
//! - the iterable of `for` loops and comprehensions and the right operand
//!   of a final `in` / `not in`: a list display becomes a tuple display (a
//!   constant tuple if it can), a set display of constants a frozenset;
//! - `__debug__` (a load) into `True`, or `False` under `-O`.
//!
//! Anything CPython would raise on (division by zero, overflow, a type
//! error) is left untouched so that the error happens at run time.
//!
//! Conventions for code generation, which must recognise these nodes:
//!
//! - **Frozensets.** `ast::Constant` has no frozenset, so a folded set
//!   display is an `ExprConstant` whose value is `Constant::Tuple(items)`
//!   (distinct items by Python equality, in source order of first
//!   occurrence) and whose `kind` is `Some(FROZENSET_KIND)`.
//! - **No location.** The literal pieces and format specs that
//!   `optimize_format` creates have no source position in CPython (line
//!   -1, so the instruction inherits its predecessor's location). They get
//!   the range `NO_LOCATION`; test with [`is_no_location`].
//! - **Format specs** made by `optimize_format` are plain string
//!   constants, not `JoinedStr`s as the parser would make them.
//! - **Not-a-docstring.** When folding turns the first statement of a body
//!   into a string constant that was not one before (`'a' + 'b'`), it is
//!   wrapped in a one-item `JoinedStr` (with the statement's range) so it is
//!   not taken for a docstring, as CPython does.
//! - Every folded constant has `kind: None` (CPython drops the `u` kind).

mod value;

use rustpython_parser::ast::{self, Constant, Expr, Ranged, Stmt};
use rustpython_parser::text_size::{TextRange, TextSize};

use crate::error::{CompileError, ErrorKind};

/// The `kind` of an `ExprConstant` holding a folded frozenset.
pub const FROZENSET_KIND: &str = "frozenset";

/// The range of nodes that have no source location (CPython's lineno -1).
pub const NO_LOCATION: TextRange = TextRange::new(TextSize::new(u32::MAX), TextSize::new(u32::MAX));

/// Whether a node's range is [`NO_LOCATION`].
pub fn is_no_location(range: TextRange) -> bool {
    range == NO_LOCATION
}

/// Whether an expression is a folded frozenset constant.
pub fn is_frozenset(expr: &ast::ExprConstant) -> bool {
    expr.kind.as_deref() == Some(FROZENSET_KIND)
}

/// The optimizer's nesting limit: statements, expressions and patterns
/// nested deeper than this raise RecursionError, as CPython's limit of
/// `3 * sys.getrecursionlimit()` does when compiling a script.
pub const RECURSION_LIMIT: usize = 3000;

/// Fold constants in a module body in place (`_PyAST_Optimize`).
/// `optimize` is the optimisation level (0: `__debug__` is True).
///
/// Nesting beyond [`RECURSION_LIMIT`] is a RecursionError in CPython; this
/// entry point then stops folding and leaves the rest of the tree as it is.
/// Use [`try_fold_module`] to get the error.
pub fn fold_module(body: &mut [Stmt], optimize: u8) {
    let _ = try_fold_module(body, optimize);
}

/// [`fold_module`], reporting CPython's RecursionError ("maximum recursion
/// depth exceeded during compilation") for too deeply nested code.
pub fn try_fold_module(body: &mut [Stmt], optimize: u8) -> Result<(), CompileError> {
    let mut folder = Folder::new(optimize, has_future_annotations(body));
    folder.body(body)
}

/// Fold an `eval`-mode expression in place (`Expression_kind`).
pub fn try_fold_expression(expr: &mut Expr, optimize: u8) -> Result<(), CompileError> {
    Folder::new(optimize, false).expr(expr)
}

/// Fold an interactive-mode body in place (`Interactive_kind`: no
/// docstring handling).
pub fn try_fold_interactive(body: &mut [Stmt], optimize: u8) -> Result<(), CompileError> {
    let mut folder = Folder::new(optimize, has_future_annotations(body));
    body.iter_mut().try_for_each(|s| folder.stmt(s))
}

/// Whether the module starts (after an optional docstring) with
/// `from __future__ import annotations`, under which annotations are kept
/// as written (they become strings), so they are not folded.
pub fn has_future_annotations(body: &[Stmt]) -> bool {
    let skip = usize::from(docstring(body).is_some());
    body.iter()
        .skip(skip)
        .map_while(|stmt| match stmt {
            Stmt::ImportFrom(import)
                if import.module.as_ref().map(|m| m.as_str()) == Some("__future__") =>
            {
                Some(import)
            }
            _ => None,
        })
        .any(|import| {
            import
                .names
                .iter()
                .any(|alias| alias.name.as_str() == "annotations")
        })
}

/// The docstring of a body (`_PyAST_GetDocString`): its first statement,
/// if that is an expression statement holding a str constant.
pub fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first()? {
        Stmt::Expr(ast::StmtExpr { value, .. }) => match value.as_ref() {
            Expr::Constant(ast::ExprConstant {
                value: Constant::Str(s),
                ..
            }) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// A constant expression node (`make_const`: the node keeps its range,
/// loses any kind).
fn constant(value: Constant, range: TextRange) -> Expr {
    Expr::Constant(ast::ExprConstant {
        range,
        value,
        kind: None,
    })
}

/// The value of a constant operand that may take part in folding (a folded
/// frozenset never does).
fn const_value(expr: &Expr) -> Option<&Constant> {
    match expr {
        Expr::Constant(c) if !is_frozenset(c) => Some(&c.value),
        _ => None,
    }
}

fn has_starred(elts: &[Expr]) -> bool {
    elts.iter().any(|e| matches!(e, Expr::Starred(_)))
}

/// The values of a sequence of expressions if all are constants
/// (`make_const_tuple`).
fn const_items(elts: &[Expr]) -> Option<Vec<Constant>> {
    elts.iter()
        .map(|e| match e {
            Expr::Constant(c) => Some(c.value.clone()),
            _ => None,
        })
        .collect()
}

fn recursion_error() -> CompileError {
    CompileError {
        kind: ErrorKind::RecursionError,
        msg: "maximum recursion depth exceeded during compilation".to_string(),
        filename: String::new(),
        lineno: 0,
        offset: 0,
        end_lineno: 0,
        end_offset: 0,
    }
}

type FoldResult = Result<(), CompileError>;

/// The traversal state (`_PyASTOptimizeState`).
struct Folder {
    optimize: u8,
    /// `from __future__ import annotations`: annotations are not visited.
    future_annotations: bool,
    /// Current nesting of statements, expressions and patterns.
    depth: usize,
}

impl Folder {
    fn new(optimize: u8, future_annotations: bool) -> Folder {
        Folder {
            optimize,
            future_annotations,
            depth: 0,
        }
    }

    /// Count one more level of nesting (statements, expressions and
    /// patterns count; comprehensions, arguments, handlers etc. do not).
    fn enter(&mut self) -> FoldResult {
        self.depth += 1;
        if self.depth > RECURSION_LIMIT {
            Err(recursion_error())
        } else {
            Ok(())
        }
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// A module, class or function body (`astfold_body`).
    fn body(&mut self, stmts: &mut [Stmt]) -> FoldResult {
        let had_docstring = docstring(stmts).is_some();
        self.stmts(stmts)?;
        if !had_docstring && docstring(stmts).is_some() {
            // Folding made a string constant that the source did not have
            // as a docstring: hide it from docstring detection.
            if let Some(Stmt::Expr(stmt)) = stmts.first_mut() {
                let placeholder = constant(Constant::None, stmt.range);
                let value = std::mem::replace(stmt.value.as_mut(), placeholder);
                *stmt.value = Expr::JoinedStr(ast::ExprJoinedStr {
                    range: stmt.range,
                    values: vec![value],
                });
            }
        }
        Ok(())
    }

    fn stmts(&mut self, stmts: &mut [Stmt]) -> FoldResult {
        stmts.iter_mut().try_for_each(|s| self.stmt(s))
    }

    fn exprs(&mut self, exprs: &mut [Expr]) -> FoldResult {
        exprs.iter_mut().try_for_each(|e| self.expr(e))
    }

    fn opt_expr(&mut self, expr: &mut Option<Box<Expr>>) -> FoldResult {
        match expr {
            Some(e) => self.expr(e),
            None => Ok(()),
        }
    }

    /// An annotation, unless annotations are kept as strings.
    fn annotation(&mut self, expr: &mut Option<Box<Expr>>) -> FoldResult {
        if self.future_annotations {
            Ok(())
        } else {
            self.opt_expr(expr)
        }
    }

    fn stmt(&mut self, stmt: &mut Stmt) -> FoldResult {
        crate::with_stack(|| self.stmt_inner(stmt))
    }

    fn stmt_inner(&mut self, stmt: &mut Stmt) -> FoldResult {
        self.enter()?;
        match stmt {
            Stmt::FunctionDef(ast::StmtFunctionDef {
                args,
                body,
                decorator_list,
                returns,
                ..
            })
            | Stmt::AsyncFunctionDef(ast::StmtAsyncFunctionDef {
                args,
                body,
                decorator_list,
                returns,
                ..
            }) => {
                self.arguments(args)?;
                self.body(body)?;
                self.exprs(decorator_list)?;
                self.annotation(returns)?;
            }
            Stmt::ClassDef(ast::StmtClassDef {
                bases,
                keywords,
                body,
                decorator_list,
                ..
            }) => {
                self.exprs(bases)?;
                self.keywords(keywords)?;
                self.body(body)?;
                self.exprs(decorator_list)?;
            }
            Stmt::Return(s) => self.opt_expr(&mut s.value)?,
            Stmt::Delete(s) => self.exprs(&mut s.targets)?,
            Stmt::Assign(s) => {
                self.exprs(&mut s.targets)?;
                self.expr(&mut s.value)?;
            }
            Stmt::AugAssign(s) => {
                self.expr(&mut s.target)?;
                self.expr(&mut s.value)?;
            }
            Stmt::AnnAssign(s) => {
                self.expr(&mut s.target)?;
                if !self.future_annotations {
                    self.expr(&mut s.annotation)?;
                }
                self.opt_expr(&mut s.value)?;
            }
            Stmt::For(s) => {
                self.expr(&mut s.target)?;
                self.expr(&mut s.iter)?;
                self.stmts(&mut s.body)?;
                self.stmts(&mut s.orelse)?;
                fold_iter(&mut s.iter);
            }
            // CPython does not rewrite the iterable of `async for`.
            Stmt::AsyncFor(s) => {
                self.expr(&mut s.target)?;
                self.expr(&mut s.iter)?;
                self.stmts(&mut s.body)?;
                self.stmts(&mut s.orelse)?;
            }
            Stmt::While(s) => {
                self.expr(&mut s.test)?;
                self.stmts(&mut s.body)?;
                self.stmts(&mut s.orelse)?;
            }
            Stmt::If(s) => {
                self.expr(&mut s.test)?;
                self.stmts(&mut s.body)?;
                self.stmts(&mut s.orelse)?;
            }
            Stmt::With(ast::StmtWith { items, body, .. })
            | Stmt::AsyncWith(ast::StmtAsyncWith { items, body, .. }) => {
                for item in items.iter_mut() {
                    self.expr(&mut item.context_expr)?;
                    self.opt_expr(&mut item.optional_vars)?;
                }
                self.stmts(body)?;
            }
            Stmt::Raise(s) => {
                self.opt_expr(&mut s.exc)?;
                self.opt_expr(&mut s.cause)?;
            }
            Stmt::Try(ast::StmtTry {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            })
            | Stmt::TryStar(ast::StmtTryStar {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            }) => {
                self.stmts(body)?;
                for ast::ExceptHandler::ExceptHandler(handler) in handlers.iter_mut() {
                    self.opt_expr(&mut handler.type_)?;
                    self.stmts(&mut handler.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            Stmt::Assert(s) => {
                self.expr(&mut s.test)?;
                self.opt_expr(&mut s.msg)?;
            }
            Stmt::Expr(s) => self.expr(&mut s.value)?,
            Stmt::Match(s) => {
                self.expr(&mut s.subject)?;
                for case in s.cases.iter_mut() {
                    self.pattern(&mut case.pattern)?;
                    self.opt_expr(&mut case.guard)?;
                    self.stmts(&mut case.body)?;
                }
            }
            // Nothing to fold; `type X = ...` is not Python 3.11.
            Stmt::Import(_)
            | Stmt::ImportFrom(_)
            | Stmt::Global(_)
            | Stmt::Nonlocal(_)
            | Stmt::Pass(_)
            | Stmt::Break(_)
            | Stmt::Continue(_)
            | Stmt::TypeAlias(_) => {}
        }
        self.leave();
        Ok(())
    }

    /// `astfold_arguments`: annotations (unless kept as strings), then
    /// keyword-only defaults, then positional defaults.
    fn arguments(&mut self, args: &mut ast::Arguments) -> FoldResult {
        for arg in args.posonlyargs.iter_mut().chain(args.args.iter_mut()) {
            self.annotation(&mut arg.def.annotation)?;
        }
        if let Some(vararg) = args.vararg.as_mut() {
            self.annotation(&mut vararg.annotation)?;
        }
        for arg in args.kwonlyargs.iter_mut() {
            self.annotation(&mut arg.def.annotation)?;
        }
        for arg in args.kwonlyargs.iter_mut() {
            self.opt_expr(&mut arg.default)?;
        }
        if let Some(kwarg) = args.kwarg.as_mut() {
            self.annotation(&mut kwarg.annotation)?;
        }
        for arg in args.posonlyargs.iter_mut().chain(args.args.iter_mut()) {
            self.opt_expr(&mut arg.default)?;
        }
        Ok(())
    }

    fn keywords(&mut self, keywords: &mut [ast::Keyword]) -> FoldResult {
        keywords
            .iter_mut()
            .try_for_each(|k| self.expr(&mut k.value))
    }

    fn comprehensions(&mut self, generators: &mut [ast::Comprehension]) -> FoldResult {
        for generator in generators.iter_mut() {
            self.expr(&mut generator.target)?;
            self.expr(&mut generator.iter)?;
            self.exprs(&mut generator.ifs)?;
            fold_iter(&mut generator.iter);
        }
        Ok(())
    }

    fn pattern(&mut self, pattern: &mut ast::Pattern) -> FoldResult {
        self.enter()?;
        match pattern {
            ast::Pattern::MatchValue(p) => self.expr(&mut p.value)?,
            ast::Pattern::MatchSingleton(_) | ast::Pattern::MatchStar(_) => {}
            ast::Pattern::MatchSequence(p) => self.patterns(&mut p.patterns)?,
            ast::Pattern::MatchMapping(p) => {
                self.exprs(&mut p.keys)?;
                self.patterns(&mut p.patterns)?;
            }
            ast::Pattern::MatchClass(p) => {
                self.expr(&mut p.cls)?;
                self.patterns(&mut p.patterns)?;
                self.patterns(&mut p.kwd_patterns)?;
            }
            ast::Pattern::MatchAs(p) => {
                if let Some(inner) = p.pattern.as_mut() {
                    self.pattern(inner)?;
                }
            }
            ast::Pattern::MatchOr(p) => self.patterns(&mut p.patterns)?,
        }
        self.leave();
        Ok(())
    }

    fn patterns(&mut self, patterns: &mut [ast::Pattern]) -> FoldResult {
        patterns.iter_mut().try_for_each(|p| self.pattern(p))
    }

    /// `astfold_expr`: fold the children, then the node itself.
    fn expr(&mut self, expr: &mut Expr) -> FoldResult {
        crate::with_stack(|| self.expr_inner(expr))
    }

    fn expr_inner(&mut self, expr: &mut Expr) -> FoldResult {
        self.enter()?;
        match expr {
            Expr::BoolOp(e) => self.exprs(&mut e.values)?,
            Expr::BinOp(e) => {
                self.expr(&mut e.left)?;
                self.expr(&mut e.right)?;
                fold_binop(expr);
            }
            Expr::UnaryOp(e) => {
                self.expr(&mut e.operand)?;
                fold_unaryop(expr);
            }
            Expr::Lambda(e) => {
                self.arguments(&mut e.args)?;
                self.expr(&mut e.body)?;
            }
            Expr::IfExp(e) => {
                self.expr(&mut e.test)?;
                self.expr(&mut e.body)?;
                self.expr(&mut e.orelse)?;
            }
            Expr::Dict(e) => {
                for key in e.keys.iter_mut().flatten() {
                    self.expr(key)?;
                }
                self.exprs(&mut e.values)?;
            }
            Expr::Set(e) => self.exprs(&mut e.elts)?,
            Expr::ListComp(ast::ExprListComp {
                elt, generators, ..
            })
            | Expr::SetComp(ast::ExprSetComp {
                elt, generators, ..
            })
            | Expr::GeneratorExp(ast::ExprGeneratorExp {
                elt, generators, ..
            }) => {
                self.expr(elt)?;
                self.comprehensions(generators)?;
            }
            Expr::DictComp(e) => {
                self.expr(&mut e.key)?;
                self.expr(&mut e.value)?;
                self.comprehensions(&mut e.generators)?;
            }
            Expr::Await(e) => self.expr(&mut e.value)?,
            Expr::Yield(e) => self.opt_expr(&mut e.value)?,
            Expr::YieldFrom(e) => self.expr(&mut e.value)?,
            Expr::Compare(e) => {
                self.expr(&mut e.left)?;
                self.exprs(&mut e.comparators)?;
                fold_compare(e);
            }
            Expr::Call(e) => {
                self.expr(&mut e.func)?;
                self.exprs(&mut e.args)?;
                self.keywords(&mut e.keywords)?;
            }
            Expr::FormattedValue(e) => {
                self.expr(&mut e.value)?;
                self.opt_expr(&mut e.format_spec)?;
            }
            Expr::JoinedStr(e) => self.exprs(&mut e.values)?,
            Expr::Attribute(e) => self.expr(&mut e.value)?,
            Expr::Subscript(e) => {
                self.expr(&mut e.value)?;
                self.expr(&mut e.slice)?;
                fold_subscr(expr);
            }
            Expr::Starred(e) => self.expr(&mut e.value)?,
            Expr::Slice(e) => {
                self.opt_expr(&mut e.lower)?;
                self.opt_expr(&mut e.upper)?;
                self.opt_expr(&mut e.step)?;
            }
            Expr::List(e) => self.exprs(&mut e.elts)?,
            Expr::Tuple(e) => {
                self.exprs(&mut e.elts)?;
                fold_tuple(expr);
            }
            Expr::Name(e) => {
                if e.ctx.is_load() && e.id.as_str() == "__debug__" {
                    *expr = constant(Constant::Bool(self.optimize == 0), e.range);
                }
            }
            Expr::NamedExpr(e) => self.expr(&mut e.value)?,
            Expr::Constant(_) => {}
        }
        self.leave();
        Ok(())
    }
}

/// `fold_unaryop`: an operator on a constant, or `not` of a single
/// `is`/`is not`/`in`/`not in` comparison turned into its negation (the
/// other comparisons can't be inverted safely: `not a < b` is not
/// `a >= b` for sets and NaNs).
fn fold_unaryop(expr: &mut Expr) {
    let Expr::UnaryOp(node) = expr else { return };
    if let Expr::Constant(operand) = node.operand.as_ref() {
        if let Some(value) = value::unary(node.op, &operand.value) {
            *expr = constant(value, node.range);
        }
        return;
    }
    if !node.op.is_not() {
        return;
    }
    let Expr::Compare(compare) = node.operand.as_mut() else {
        return;
    };
    if compare.ops.len() != 1 {
        return;
    }
    let inverted = match compare.ops[0] {
        ast::CmpOp::Is => ast::CmpOp::IsNot,
        ast::CmpOp::IsNot => ast::CmpOp::Is,
        ast::CmpOp::In => ast::CmpOp::NotIn,
        ast::CmpOp::NotIn => ast::CmpOp::In,
        _ => return,
    };
    compare.ops[0] = inverted;
    // The comparison replaces the `not` node, range included.
    let placeholder = constant(Constant::None, compare.range);
    *expr = std::mem::replace(node.operand.as_mut(), placeholder);
}

/// `fold_binop`.
fn fold_binop(expr: &mut Expr) {
    let Expr::BinOp(node) = expr else { return };
    let Some(left) = const_value(&node.left) else {
        return;
    };
    if node.op.is_mod() {
        if let (Constant::Str(fmt), Expr::Tuple(args)) = (left, node.right.as_mut()) {
            if !has_starred(&args.elts) {
                if let Some(joined) = optimize_format(fmt, &mut args.elts, node.range) {
                    *expr = joined;
                }
                return;
            }
        }
    }
    let Some(right) = const_value(&node.right) else {
        return;
    };
    if let Some(value) = value::binary(node.op, left, right) {
        *expr = constant(value, node.range);
    }
}

/// `fold_tuple`: a tuple display of constants (in a load) becomes a
/// constant tuple.
fn fold_tuple(expr: &mut Expr) {
    let Expr::Tuple(node) = expr else { return };
    if !node.ctx.is_load() {
        return;
    }
    if let Some(items) = const_items(&node.elts) {
        *expr = constant(Constant::Tuple(items), node.range);
    }
}

/// `fold_subscr`: `const[const]` in a load.
fn fold_subscr(expr: &mut Expr) {
    let Expr::Subscript(node) = expr else { return };
    if !node.ctx.is_load() {
        return;
    }
    let (Some(value), Some(index)) = (const_value(&node.value), const_value(&node.slice)) else {
        return;
    };
    if let Some(item) = value::subscript(value, index) {
        *expr = constant(item, node.range);
    }
}

/// `fold_iter`: for an iterable that is only iterated over (a `for` loop,
/// a comprehension, the right side of `in`), a list display becomes a tuple
/// display (folded into a constant if it can be) and a set display of
/// constants a frozenset.
fn fold_iter(expr: &mut Expr) {
    match expr {
        Expr::List(list) => {
            if has_starred(&list.elts) {
                return;
            }
            let tuple = ast::ExprTuple {
                range: list.range,
                elts: std::mem::take(&mut list.elts),
                ctx: list.ctx,
            };
            *expr = match const_items(&tuple.elts) {
                Some(items) => constant(Constant::Tuple(items), tuple.range),
                None => Expr::Tuple(tuple),
            };
        }
        Expr::Set(set) => {
            if let Some(items) = const_items(&set.elts) {
                *expr = Expr::Constant(ast::ExprConstant {
                    range: set.range,
                    value: Constant::Tuple(distinct(items)),
                    kind: Some(FROZENSET_KIND.to_string()),
                });
            }
        }
        _ => {}
    }
}

/// The items of a set: the first of each group of equal items, in order.
fn distinct(items: Vec<Constant>) -> Vec<Constant> {
    let mut out: Vec<Constant> = Vec::with_capacity(items.len());
    for item in items {
        if !out.iter().any(|seen| value::python_eq(seen, &item)) {
            out.push(item);
        }
    }
    out
}

/// `fold_compare`: when the last operator is `in` / `not in`, its right
/// operand is only iterated over (see `fold_iter`).
fn fold_compare(node: &mut ast::ExprCompare) {
    let last_is_membership = matches!(
        node.ops.last(),
        Some(ast::CmpOp::In) | Some(ast::CmpOp::NotIn)
    );
    if last_is_membership {
        if let Some(last) = node.comparators.last_mut() {
            fold_iter(last);
        }
    }
}

// ---------------------------------------------------------------------------
// `'...%s...' % (a, b)` → f-string (`optimize_format`)

/// Flags of a `%` conversion that matter here (`F_LJUST`).
const F_LJUST: u32 = 1;
/// At most this many digits minus one in a width or precision.
const MAXDIGITS: usize = 3;

/// A piece of a `%`-format string.
enum FormatPiece {
    Literal(String),
    /// One argument, converted by `conversion`, with an optional spec.
    Arg {
        conversion: ast::ConversionFlag,
        spec: Option<String>,
    },
}

/// Rewrite `fmt % (args...)` as a `JoinedStr` when the format uses only
/// `%s`, `%r`, `%a` (with simple width/precision) and has exactly one
/// conversion per argument; `None` leaves the node alone. On success the
/// arguments are moved out of `args`.
fn optimize_format(fmt: &str, args: &mut Vec<Expr>, range: TextRange) -> Option<Expr> {
    let pieces = parse_percent_format(fmt, args.len())?;
    let mut args = std::mem::take(args).into_iter();
    let values = pieces
        .into_iter()
        .map(|piece| match piece {
            FormatPiece::Literal(text) => constant(Constant::Str(text), NO_LOCATION),
            FormatPiece::Arg { conversion, spec } => {
                // There is exactly one argument per conversion.
                let arg = args
                    .next()
                    .unwrap_or_else(|| constant(Constant::None, NO_LOCATION));
                Expr::FormattedValue(ast::ExprFormattedValue {
                    range: arg.range(),
                    value: Box::new(arg),
                    conversion,
                    format_spec: spec.map(|s| Box::new(constant(Constant::Str(s), NO_LOCATION))),
                })
            }
        })
        .collect();
    Some(Expr::JoinedStr(ast::ExprJoinedStr { range, values }))
}

/// Split a `%`-format string into literals and conversions; `None` if it
/// uses anything but simple `%s`/`%r`/`%a`, or if the number of conversions
/// is not `nargs`.
fn parse_percent_format(fmt: &str, nargs: usize) -> Option<Vec<FormatPiece>> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut pieces = Vec::new();
    let mut pos = 0;
    let mut count = 0;
    loop {
        if let Some(literal) = parse_literal(&chars, &mut pos) {
            pieces.push(FormatPiece::Literal(literal));
        }
        if pos >= chars.len() {
            break;
        }
        if count >= nargs {
            return None; // more conversions than arguments
        }
        pos += 1; // the '%'
        pieces.push(parse_conversion(&chars, &mut pos)?);
        count += 1;
    }
    if count < nargs {
        return None; // more arguments than conversions
    }
    Some(pieces)
}

/// The literal text from `pos` up to the next lone `%` (with `%%` read as
/// `%`); `None` if empty.
fn parse_literal(chars: &[char], pos: &mut usize) -> Option<String> {
    let start = *pos;
    let mut text = String::new();
    while *pos < chars.len() {
        if chars[*pos] != '%' {
            text.push(chars[*pos]);
            *pos += 1;
        } else if chars.get(*pos + 1) == Some(&'%') {
            text.push('%');
            *pos += 2;
        } else {
            break;
        }
    }
    if *pos == start {
        None
    } else {
        Some(text)
    }
}

/// One conversion after its `%`: flags, width, precision and type
/// (`simple_format_arg_parse` + `parse_format`). Only `s`, `r` and `a` are
/// supported, with widths and precisions of at most two digits.
fn parse_conversion(chars: &[char], pos: &mut usize) -> Option<FormatPiece> {
    let mut next = || {
        let ch = chars.get(*pos).copied();
        *pos += 1;
        ch
    };
    let mut flags = 0;
    let mut ch = next()?;
    loop {
        match ch {
            '-' => flags |= F_LJUST,
            // 3.11.2 also took 'z' here; later 3.11 releases (and the
            // reference python3) don't: `%z` is not a str format flag.
            '+' | ' ' | '#' | '0' => {}
            _ => break,
        }
        ch = next()?;
    }
    let mut width: Option<u32> = None;
    if ch.is_ascii_digit() {
        let mut w = 0;
        let mut digits = 0;
        while let Some(d) = ch.to_digit(10) {
            w = w * 10 + d;
            ch = next()?;
            digits += 1;
            if digits >= MAXDIGITS {
                return None;
            }
        }
        width = Some(w);
    }
    let mut precision: Option<u32> = None;
    if ch == '.' {
        ch = next()?;
        let mut p = 0;
        let mut digits = 0;
        while let Some(d) = ch.to_digit(10) {
            p = p * 10 + d;
            ch = next()?;
            digits += 1;
            if digits >= MAXDIGITS {
                return None;
            }
        }
        precision = Some(p);
    }
    let conversion = match ch {
        's' => ast::ConversionFlag::Str,
        'r' => ast::ConversionFlag::Repr,
        'a' => ast::ConversionFlag::Ascii,
        _ => return None,
    };
    let mut spec = String::new();
    if flags & F_LJUST == 0 && width.is_some_and(|w| w > 0) {
        spec.push('>');
    }
    if let Some(w) = width {
        spec.push_str(&w.to_string());
    }
    if let Some(p) = precision {
        spec.push('.');
        spec.push_str(&p.to_string());
    }
    Some(FormatPiece::Arg {
        conversion,
        spec: (!spec.is_empty()).then_some(spec),
    })
}
