//! The symbol table: which names are local, global, free or cells in each
//! scope, mirroring CPython 3.11's `Python/symtable.c`.
//!
//! Built once per module from the (constant-folded) AST. Code generation
//! finds the scope of a function, class, lambda or comprehension by the
//! address of its AST node (`node_key`), as CPython does with `st_blocks`.

use rustc_hash::FxHashMap as HashMap;

use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::TextRange;

use crate::error::CompileError;
use crate::source::LineIndex;

/// Symbol flags, as in CPython's `pycore_symtable.h`.
pub mod flag {
    pub const DEF_GLOBAL: u32 = 1;
    pub const DEF_LOCAL: u32 = 2;
    pub const DEF_PARAM: u32 = 2 << 1;
    pub const DEF_NONLOCAL: u32 = 2 << 2;
    pub const USE: u32 = 2 << 3;
    pub const DEF_FREE: u32 = 2 << 4;
    pub const DEF_FREE_CLASS: u32 = 2 << 5;
    pub const DEF_IMPORT: u32 = 2 << 6;
    pub const DEF_ANNOT: u32 = 2 << 7;
    pub const DEF_COMP_ITER: u32 = 2 << 8;
    pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
    /// The resolved scope is stored in the bits from here up.
    pub const SCOPE_OFFSET: u32 = 11;
    pub const SCOPE_MASK: u32 = DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL;
}

/// Where a name lives once analysis is done (CPython's LOCAL..CELL).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolScope {
    /// Not in this scope's table at all.
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockType {
    Function,
    Class,
    Module,
    /// Only with `from __future__ import annotations`, and only while the
    /// table is built: never in a finished table.
    Annotation,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComprehensionType {
    None,
    List,
    Dict,
    Set,
    Generator,
}

pub type ScopeId = usize;

/// One symbol-table entry (CPython's `PySTEntryObject`).
#[derive(Clone, Debug)]
pub struct Scope {
    pub typ: BlockType,
    /// "top" for the module, else the function/class name, "lambda",
    /// "listcomp", "setcomp", "dictcomp", "genexpr" (as CPython names them).
    pub name: String,
    /// Name (already mangled) → flags; the resolved scope is at
    /// `flags >> SCOPE_OFFSET`. Insertion order is CPython's dict order.
    pub symbols: Vec<(String, u32)>,
    symbol_index: HashMap<String, usize>,
    /// Parameters in order (`ste_varnames`).
    pub varnames: Vec<String>,
    /// Child scopes in the order the symtable met them.
    pub children: Vec<ScopeId>,
    pub nested: bool,
    pub free: bool,
    pub child_free: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub comprehension: ComprehensionType,
    pub varargs: bool,
    pub varkeywords: bool,
    pub returns_value: bool,
    pub needs_class_closure: bool,
    pub lineno: i32,
    pub col_offset: i32,
}

impl Scope {
    pub fn new(typ: BlockType, name: &str, lineno: i32, col_offset: i32) -> Scope {
        Scope {
            typ,
            name: name.to_string(),
            symbols: Vec::new(),
            symbol_index: HashMap::default(),
            varnames: Vec::new(),
            children: Vec::new(),
            nested: false,
            free: false,
            child_free: false,
            generator: false,
            coroutine: false,
            comprehension: ComprehensionType::None,
            varargs: false,
            varkeywords: false,
            returns_value: false,
            needs_class_closure: false,
            lineno,
            col_offset,
        }
    }

    /// The flags of `name` (0 if absent). `name` must already be mangled.
    pub fn flags(&self, name: &str) -> u32 {
        self.symbol_index
            .get(name)
            .map(|&i| self.symbols[i].1)
            .unwrap_or(0)
    }

    /// Mutable access to the flags of `name`, inserting 0 if absent.
    pub fn flags_mut(&mut self, name: &str) -> &mut u32 {
        let i = match self.symbol_index.get(name) {
            Some(&i) => i,
            None => {
                self.symbols.push((name.to_string(), 0));
                self.symbol_index
                    .insert(name.to_string(), self.symbols.len() - 1);
                self.symbols.len() - 1
            }
        };
        &mut self.symbols[i].1
    }

    pub fn contains(&self, name: &str) -> bool {
        self.symbol_index.contains_key(name)
    }

    /// CPython's `_PyST_GetScope`.
    pub fn scope_of(&self, name: &str) -> SymbolScope {
        match self.flags(name) >> flag::SCOPE_OFFSET {
            1 => SymbolScope::Local,
            2 => SymbolScope::GlobalExplicit,
            3 => SymbolScope::GlobalImplicit,
            4 => SymbolScope::Free,
            5 => SymbolScope::Cell,
            _ => SymbolScope::Unknown,
        }
    }

    pub fn is_function_like(&self) -> bool {
        self.typ == BlockType::Function
    }
}

/// The symbol table of one module.
#[derive(Clone, Debug)]
pub struct SymbolTable {
    /// `scopes[0]` is the module ("top"); every other scope is a child of
    /// exactly one scope. (The annotation blocks of future annotations, and
    /// scopes inside them, are dropped: they are never compiled.)
    pub scopes: Vec<Scope>,
    /// `node_key(node)` → scope, for every scope-creating node.
    pub by_node: HashMap<usize, ScopeId>,
    /// Features from `from __future__ import ...` (only `annotations`
    /// changes compilation in 3.11; see `crate::code::flags`).
    pub future_annotations: bool,
    /// Line of the last `from __future__ import` at the top of the module
    /// (CPython's `ff_lineno`, -1 if none): a `from __future__` import on a
    /// later line is compile.c's "must occur at the beginning" error.
    pub future_lineno: i32,
}

/// The key of a scope-creating node: the address of the `ast::Stmt`
/// (FunctionDef, AsyncFunctionDef, ClassDef) or `ast::Expr` (Lambda,
/// ListComp, SetComp, DictComp, GeneratorExp) enum value. The AST must not
/// move between building the table and generating code.
pub fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

impl SymbolTable {
    pub fn lookup(&self, key: usize) -> Option<ScopeId> {
        self.by_node.get(&key).copied()
    }
}

/// CPython's `_Py_Mangle`: `__spam` inside class `Ham` becomes `_Ham__spam`
/// (not for dunder names, dotted names, or when the class name is all `_`).
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let class = class.trim_start_matches('_');
    if class.is_empty() {
        return name.to_string();
    }
    format!("_{class}{name}")
}

/// Build the symbol table for a module body (`_PySymtable_Build`, preceded
/// by the future-import scan of `_PyFuture_FromAST`).
///
/// Pass one walks the AST in CPython's order, recording raw facts per scope
/// (bound here, used here, parameter, declared global...). Pass two
/// (`analyze_block`) resolves every name to LOCAL, GLOBAL_*, FREE or CELL.
pub fn build(
    body: &[ast::Stmt],
    filename: &str,
    lines: &LineIndex,
) -> Result<SymbolTable, CompileError> {
    let future = parse_future(body, filename, lines)?;
    let mut b = Builder {
        filename,
        lines,
        scopes: Vec::new(),
        state: Vec::new(),
        by_node: HashMap::default(),
        stack: Vec::new(),
        private: None,
        future_annotations: future.annotations,
        depth: 0,
        call_genexp: None,
    };
    let span = Span {
        lineno: 0,
        col: 0,
        end_lineno: 0,
        end_col: 0,
    };
    b.enter_block("top", BlockType::Module, None, span);
    b.visit_stmts(body).map_err(|e| *e)?;
    b.exit_block();

    let mut free = NameSet::new();
    let mut global = NameSet::new();
    b.analyze_block(0, None, &mut free, &mut global)
        .map_err(|e| *e)?;

    Ok(SymbolTable {
        scopes: b.scopes,
        by_node: b.by_node,
        future_annotations: future.annotations,
        future_lineno: future.lineno,
    })
}

// ---------------------------------------------------------------------------
// Future imports (CPython's Python/future.c)
// ---------------------------------------------------------------------------

struct Future {
    annotations: bool,
    lineno: i32,
}

/// Features `from __future__ import` accepts in 3.11; all but `annotations`
/// (and `barry_as_FLUFL`, which only the parser cares about) are no-ops.
pub const FUTURE_FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// Scan the future imports at the top of the module (after an optional
/// docstring), as `future_parse` does. A future import that follows another
/// statement on the *same* line is reported here; one on a later line is
/// left to code generation (see `SymbolTable::future_lineno`).
fn parse_future(
    body: &[ast::Stmt],
    filename: &str,
    lines: &LineIndex,
) -> Result<Future, CompileError> {
    let mut future = Future {
        annotations: false,
        lineno: -1,
    };
    let skip = usize::from(body.first().is_some_and(is_docstring));
    let mut done = false;
    let mut prev_line = 0;
    for stmt in &body[skip..] {
        let (line, col) = lines.position(stmt.start());
        if done && line > prev_line {
            break;
        }
        prev_line = line;
        let ast::Stmt::ImportFrom(import) = stmt else {
            done = true;
            continue;
        };
        // Only the module name is checked, as CPython does (the level of a
        // relative import is ignored).
        if import.module.as_deref() != Some("__future__") {
            done = true;
            continue;
        }
        if done {
            // future.c passes the 0-based column as the 1-based offset.
            return Err(CompileError::syntax(
                "from __future__ imports must occur at the beginning of the file",
                filename,
                line,
                col - 1,
            ));
        }
        for alias in &import.names {
            let feature = alias.name.as_str();
            if feature == "annotations" {
                future.annotations = true;
            } else if feature == "braces" {
                return Err(CompileError::syntax("not a chance", filename, line, col));
            } else if !FUTURE_FEATURES.contains(&feature) {
                return Err(CompileError::syntax(
                    format!("future feature {feature} is not defined"),
                    filename,
                    line,
                    col,
                ));
            }
        }
        future.lineno = line;
    }
    Ok(future)
}

/// `_PyAST_GetDocString`: is this statement a bare string constant?
fn is_docstring(stmt: &ast::Stmt) -> bool {
    matches!(
        stmt,
        ast::Stmt::Expr(ast::StmtExpr { value, .. })
            if matches!(
                value.as_ref(),
                ast::Expr::Constant(ast::ExprConstant { value: ast::Constant::Str(_), .. })
            )
    )
}

// ---------------------------------------------------------------------------
// Pass one: collecting raw facts (symtable_visit_*)
// ---------------------------------------------------------------------------

/// The resolved scope values CPython stores at `flags >> SCOPE_OFFSET`.
const LOCAL: u32 = 1;
const GLOBAL_EXPLICIT: u32 = 2;
const GLOBAL_IMPLICIT: u32 = 3;
const FREE: u32 = 4;
const CELL: u32 = 5;

/// CPython's limit is three times the recursion limit (1000).
const MAX_NESTING: u32 = 3000;

/// Results inside the builder carry boxed errors: the visitors recurse once
/// per AST level, and small `Result`s keep their (debug build) frames small.
type Res<T = ()> = Result<T, Box<CompileError>>;

/// Sets of names during analysis. Ordered, so that the free names a scope
/// inherits from its children are inserted in a reproducible order (CPython
/// uses hash-ordered sets there, so that order is not observable anyway).
type NameSet = std::collections::BTreeSet<String>;

/// A CPython AST location: 1-based lines, 0-based byte columns.
#[derive(Clone, Copy, Debug)]
struct Span {
    lineno: i32,
    col: i32,
    end_lineno: i32,
    end_col: i32,
}

/// Per-scope state that only matters while pass one runs.
#[derive(Default)]
struct BuildState {
    /// `global`/`nonlocal` declarations (mangled name, location), so that
    /// errors found during analysis can point at the declaration.
    directives: Vec<(String, Span)>,
    /// Visiting a comprehension's iteration target.
    comp_iter_target: bool,
    /// Depth of comprehension iterable expressions being visited (inherited
    /// by nested scopes: no walrus anywhere inside such an expression).
    comp_iter_expr: u32,
    /// The `by_node` key of the scope, if it has one.
    key: Option<usize>,
}

struct Builder<'a> {
    filename: &'a str,
    lines: &'a LineIndex,
    scopes: Vec<Scope>,
    /// Parallel to `scopes`.
    state: Vec<BuildState>,
    by_node: HashMap<usize, ScopeId>,
    /// The scopes being visited, innermost last (`st_stack`).
    stack: Vec<ScopeId>,
    /// The name of the innermost enclosing class, for name mangling.
    private: Option<String>,
    future_annotations: bool,
    depth: u32,
    /// The CPython range of the generator expression about to be visited
    /// as the sole argument of a call (see `call_genexp_range`).
    call_genexp: Option<(usize, TextRange)>,
}

fn stmt_key(stmt: &ast::Stmt) -> usize {
    node_key::<ast::Stmt>(stmt)
}

fn expr_key(expr: &ast::Expr) -> usize {
    node_key::<ast::Expr>(expr)
}

impl<'a> Builder<'a> {
    fn span(&self, range: TextRange) -> Span {
        let (lineno, col, end_lineno, end_col) = self.lines.span(range);
        Span {
            lineno,
            col,
            end_lineno,
            end_col,
        }
    }

    /// The parser's RAISE_SYNTAX_ERROR_INVALID_TARGET: "cannot assign to
    /// function call", "cannot delete literal", at the offending part.
    fn check_target(&self, target: &ast::Expr, kind: Targets) -> Res {
        let Some(bad) = invalid_target(target, kind) else {
            return Ok(());
        };
        let verb = if kind == Targets::Del {
            "delete"
        } else {
            "assign to"
        };
        Err(self.error(
            format!("cannot {verb} {}", expr_name(bad)),
            self.span(bad.range()),
        ))
    }

    /// A SyntaxError covering `span` (`PyErr_RangedSyntaxLocationObject`).
    fn error(&self, msg: impl Into<String>, span: Span) -> Box<CompileError> {
        let mut err = CompileError::syntax(msg, self.filename, span.lineno, span.col);
        err.end_lineno = span.end_lineno;
        err.end_offset = span.end_col + 1;
        Box::new(err)
    }

    fn cur(&self) -> ScopeId {
        // The module scope stays on the stack for the whole walk.
        self.stack.last().copied().unwrap_or(0)
    }

    fn cur_scope(&mut self) -> &mut Scope {
        let id = self.cur();
        &mut self.scopes[id]
    }

    /// Count one level of AST nesting, failing like CPython on absurdly deep
    /// input instead of overflowing the Rust stack.
    fn descend(&mut self) -> Res {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            let mut err = CompileError::syntax(
                "maximum recursion depth exceeded during compilation",
                self.filename,
                0,
                -1,
            );
            err.kind = crate::error::ErrorKind::RecursionError;
            return Err(Box::new(err));
        }
        Ok(())
    }

    /// `symtable_enter_block`. Annotation blocks (future annotations only)
    /// swallow the names used in annotations: they are neither children of
    /// the enclosing scope nor looked up by code generation.
    fn enter_block(&mut self, name: &str, typ: BlockType, key: Option<usize>, span: Span) {
        let mut scope = Scope::new(typ, name, span.lineno, span.col);
        let mut state = BuildState {
            key,
            ..BuildState::default()
        };
        let prev = self.stack.last().copied();
        if let Some(prev) = prev {
            let parent = &self.scopes[prev];
            scope.nested = parent.nested || parent.typ == BlockType::Function;
            state.comp_iter_expr = self.state[prev].comp_iter_expr;
        }
        let id = self.scopes.len();
        self.scopes.push(scope);
        self.state.push(state);
        self.stack.push(id);
        if typ == BlockType::Annotation {
            return;
        }
        if let Some(key) = key {
            self.by_node.insert(key, id);
        }
        if let Some(prev) = prev {
            self.scopes[prev].children.push(id);
        }
    }

    /// `symtable_exit_block`. An annotation block is then dropped with the
    /// scopes (lambdas, comprehensions) inside it: annotations are compiled
    /// to strings, so nothing looks them up, and this keeps every scope in
    /// the table reachable from the module and analyzed.
    fn exit_block(&mut self) {
        let Some(id) = self.stack.pop() else {
            return;
        };
        if self.scopes[id].typ != BlockType::Annotation {
            return;
        }
        for state in self.state.drain(id..) {
            if let Some(key) = state.key {
                self.by_node.remove(&key);
            }
        }
        self.scopes.truncate(id);
    }

    /// `symtable_add_def` on the current scope.
    fn add_def(&mut self, name: &str, flag: u32, span: Span) -> Res {
        let cur = self.cur();
        self.add_def_to(cur, name, flag, span)
    }

    /// `symtable_add_def_helper`: record `flag` for (the mangled) `name` in
    /// scope `id`.
    fn add_def_to(&mut self, id: ScopeId, name: &str, flag: u32, span: Span) -> Res {
        let mangled = mangle(self.private.as_deref(), name);
        let scope = &self.scopes[id];
        let mut val = flag;
        if scope.contains(&mangled) {
            let old = scope.flags(&mangled);
            if flag & flag::DEF_PARAM != 0 && old & flag::DEF_PARAM != 0 {
                return Err(self.error(
                    format!("duplicate argument '{name}' in function definition"),
                    span,
                ));
            }
            val |= old;
        }
        if self.state[id].comp_iter_target {
            // An iteration variable may not rebind a walrus target of the
            // same comprehension; mark it so later walruses can check.
            if val & (flag::DEF_GLOBAL | flag::DEF_NONLOCAL) != 0 {
                return Err(self.error(
                    format!(
                        "comprehension inner loop cannot rebind assignment expression target '{name}'"
                    ),
                    span,
                ));
            }
            val |= flag::DEF_COMP_ITER;
        }
        let scope = &mut self.scopes[id];
        *scope.flags_mut(&mangled) = val;
        if flag & flag::DEF_PARAM != 0 {
            scope.varnames.push(mangled);
        } else if flag & flag::DEF_GLOBAL != 0 {
            // The module learns about names declared global anywhere.
            *self.scopes[0].flags_mut(&mangled) |= flag;
        }
        Ok(())
    }

    /// `symtable_lookup`: the flags of `name` (mangled) in the current scope.
    fn lookup(&self, name: &str) -> u32 {
        let mangled = mangle(self.private.as_deref(), name);
        self.scopes[self.cur()].flags(&mangled)
    }

    fn record_directive(&mut self, name: &str, span: Span) {
        let mangled = mangle(self.private.as_deref(), name);
        let cur = self.cur();
        self.state[cur].directives.push((mangled, span));
    }

    fn visit_stmts(&mut self, body: &[ast::Stmt]) -> Res {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    fn visit_exprs(&mut self, exprs: &[ast::Expr]) -> Res {
        exprs.iter().try_for_each(|e| self.visit_expr(e))
    }

    fn visit_opt_expr(&mut self, expr: &Option<Box<ast::Expr>>) -> Res {
        match expr {
            Some(e) => self.visit_expr(e),
            None => Ok(()),
        }
    }

    fn visit_stmt(&mut self, s: &ast::Stmt) -> Res {
        self.descend()?;
        crate::with_stack(|| self.visit_stmt_inner(s))?;
        self.depth -= 1;
        Ok(())
    }

    fn visit_stmt_inner(&mut self, s: &ast::Stmt) -> Res {
        use ast::Stmt as S;
        match s {
            S::FunctionDef(f) => self.visit_function(
                s,
                FunctionParts {
                    name: &f.name,
                    args: &f.args,
                    body: &f.body,
                    decorators: &f.decorator_list,
                    returns: &f.returns,
                    type_params: &f.type_params,
                    is_async: false,
                },
            )?,
            S::AsyncFunctionDef(f) => self.visit_function(
                s,
                FunctionParts {
                    name: &f.name,
                    args: &f.args,
                    body: &f.body,
                    decorators: &f.decorator_list,
                    returns: &f.returns,
                    type_params: &f.type_params,
                    is_async: true,
                },
            )?,
            S::ClassDef(c) => self.visit_class(s, c)?,
            S::Return(r) => {
                if let Some(value) = &r.value {
                    self.visit_expr(value)?;
                    self.cur_scope().returns_value = true;
                }
            }
            S::Delete(d) => {
                for t in &d.targets {
                    self.check_target(t, Targets::Del)?;
                }
                self.visit_exprs(&d.targets)?
            }
            S::Assign(a) => {
                for (i, t) in a.targets.iter().enumerate() {
                    // `f() = 1` (one target, an operand-level expression)
                    // is CPython's invalid_named_expression.
                    let named = i == 0 && a.targets.len() == 1 && operand_level(t);
                    match invalid_target(t, Targets::Star) {
                        Some(bad) if named && std::ptr::eq(bad, t) => {
                            return Err(self.error(
                                format!(
                                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                                expr_name(bad)
                            ),
                                self.span(bad.range()),
                            ))
                        }
                        _ => self.check_target(t, Targets::Star)?,
                    }
                }
                self.visit_exprs(&a.targets)?;
                self.visit_expr(&a.value)?;
            }
            S::TypeAlias(t) => {
                // 3.12 syntax: CPython 3.11's parser rejects it at the name.
                return Err(self.error("invalid syntax", self.span(t.name.range())));
            }
            S::AugAssign(a) => {
                if !matches!(
                    a.target.as_ref(),
                    ast::Expr::Name(_) | ast::Expr::Attribute(_) | ast::Expr::Subscript(_)
                ) {
                    return Err(self.error(
                        format!(
                            "'{}' is an illegal expression for augmented assignment",
                            expr_name(&a.target)
                        ),
                        self.span(a.target.range()),
                    ));
                }
                self.visit_expr(&a.target)?;
                self.visit_expr(&a.value)?;
            }
            S::AnnAssign(a) => self.visit_ann_assign(s, a)?,
            S::For(f) => {
                self.check_target(&f.target, Targets::For)?;
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_stmts(&f.body)?;
                self.visit_stmts(&f.orelse)?;
            }
            S::AsyncFor(f) => {
                self.check_target(&f.target, Targets::For)?;
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_stmts(&f.body)?;
                self.visit_stmts(&f.orelse)?;
            }
            S::While(w) => {
                self.visit_expr(&w.test)?;
                self.visit_stmts(&w.body)?;
                self.visit_stmts(&w.orelse)?;
            }
            S::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_stmts(&i.body)?;
                self.visit_stmts(&i.orelse)?;
            }
            S::With(w) => {
                self.visit_with_items(&w.items)?;
                self.visit_stmts(&w.body)?;
            }
            S::AsyncWith(w) => {
                self.visit_with_items(&w.items)?;
                self.visit_stmts(&w.body)?;
            }
            S::Match(m) => {
                self.visit_expr(&m.subject)?;
                for case in &m.cases {
                    self.visit_pattern(&case.pattern)?;
                    self.visit_opt_expr(&case.guard)?;
                    self.visit_stmts(&case.body)?;
                }
            }
            S::Raise(r) => {
                if let Some(exc) = &r.exc {
                    self.visit_expr(exc)?;
                    self.visit_opt_expr(&r.cause)?;
                }
            }
            // Note CPython's order: the else block before the handlers.
            S::Try(t) => self.visit_try(&t.body, &t.orelse, &t.handlers, &t.finalbody)?,
            S::TryStar(t) => self.visit_try(&t.body, &t.orelse, &t.handlers, &t.finalbody)?,
            S::Assert(a) => {
                self.visit_expr(&a.test)?;
                self.visit_opt_expr(&a.msg)?;
            }
            S::Import(i) => self.visit_aliases(&i.names)?,
            S::ImportFrom(i) => self.visit_aliases(&i.names)?,
            S::Global(g) => self.visit_declaration(&g.names, g.range, true)?,
            S::Nonlocal(n) => self.visit_declaration(&n.names, n.range, false)?,
            S::Expr(e) => self.visit_expr(&e.value)?,
            S::Pass(_) | S::Break(_) | S::Continue(_) => {}
        }
        Ok(())
    }

    /// A function definition: the name binds here; defaults, annotations and
    /// decorators (in that order) are evaluated here; the rest is the new
    /// scope.
    fn visit_function(&mut self, s: &ast::Stmt, f: FunctionParts<'_>) -> Res {
        self.reject_type_params(f.type_params, "expected '('")?;
        let span = self.span(s.range());
        self.add_def(f.name, flag::DEF_LOCAL, span)?;
        self.visit_defaults(f.args)?;
        self.visit_annotations(span, f.args, f.returns)?;
        self.visit_exprs(f.decorators)?;
        self.enter_block(f.name, BlockType::Function, Some(stmt_key(s)), span);
        if f.is_async {
            self.cur_scope().coroutine = true;
        }
        self.visit_params(f.args)?;
        self.visit_stmts(f.body)?;
        self.exit_block();
        Ok(())
    }

    fn visit_class(&mut self, s: &ast::Stmt, c: &ast::StmtClassDef) -> Res {
        self.reject_type_params(&c.type_params, "invalid syntax")?;
        let span = self.span(s.range());
        self.add_def(&c.name, flag::DEF_LOCAL, span)?;
        self.visit_exprs(&c.bases)?;
        for keyword in &c.keywords {
            self.visit_expr(&keyword.value)?;
        }
        self.visit_exprs(&c.decorator_list)?;
        self.enter_block(&c.name, BlockType::Class, Some(stmt_key(s)), span);
        let outer_private = self.private.replace(c.name.to_string());
        let result = self.visit_stmts(&c.body);
        self.private = outer_private;
        result?;
        self.exit_block();
        Ok(())
    }

    /// PEP 695 type parameters are 3.12 syntax, which CPython 3.11's parser
    /// rejects at the `[` (assumed to directly precede the first parameter):
    /// "expected '('" after a def's name, "invalid syntax" after a class's.
    fn reject_type_params(&self, params: &[ast::TypeParam], msg: &str) -> Res {
        let Some(first) = params.first() else {
            return Ok(());
        };
        let mut span = self.span(first.range());
        span.col = (span.col - 1).max(0);
        span.end_lineno = span.lineno;
        span.end_col = span.col + 1;
        Err(self.error(msg, span))
    }

    /// Default values of positional then keyword-only parameters.
    fn visit_defaults(&mut self, args: &ast::Arguments) -> Res {
        let positional = args.posonlyargs.iter().chain(&args.args);
        for arg in positional.chain(&args.kwonlyargs) {
            self.visit_opt_expr(&arg.default)?;
        }
        Ok(())
    }

    /// `symtable_visit_annotations`: parameter annotations, in CPython's
    /// order (note `**kwargs` before the keyword-only ones), then the return
    /// annotation. With future annotations they land in throwaway blocks.
    fn visit_annotations(
        &mut self,
        def_span: Span,
        args: &ast::Arguments,
        returns: &Option<Box<ast::Expr>>,
    ) -> Res {
        if self.future_annotations {
            self.enter_block("_annotation", BlockType::Annotation, None, def_span);
        }
        for arg in args.posonlyargs.iter().chain(&args.args) {
            self.visit_opt_expr(&arg.def.annotation)?;
        }
        if let Some(vararg) = &args.vararg {
            self.visit_opt_expr(&vararg.annotation)?;
        }
        if let Some(kwarg) = &args.kwarg {
            self.visit_opt_expr(&kwarg.annotation)?;
        }
        for arg in &args.kwonlyargs {
            self.visit_opt_expr(&arg.def.annotation)?;
        }
        if self.future_annotations {
            self.exit_block();
        }
        if let Some(returns) = returns {
            self.visit_annotation(returns)?;
        }
        Ok(())
    }

    fn visit_annotation(&mut self, annotation: &ast::Expr) -> Res {
        if self.future_annotations {
            let span = self.span(annotation.range());
            self.enter_block("_annotation", BlockType::Annotation, None, span);
        }
        self.visit_expr(annotation)?;
        if self.future_annotations {
            self.exit_block();
        }
        Ok(())
    }

    /// `symtable_visit_arguments`: parameters become the scope's varnames in
    /// the order posonly, regular, keyword-only, `*args`, `**kwargs`.
    fn visit_params(&mut self, args: &ast::Arguments) -> Res {
        let named = args.posonlyargs.iter().chain(&args.args);
        for arg in named.chain(&args.kwonlyargs) {
            let span = self.span(arg.def.range);
            self.add_def(&arg.def.arg, flag::DEF_PARAM, span)?;
        }
        if let Some(vararg) = &args.vararg {
            let span = self.span(vararg.range);
            self.add_def(&vararg.arg, flag::DEF_PARAM, span)?;
            self.cur_scope().varargs = true;
        }
        if let Some(kwarg) = &args.kwarg {
            let span = self.span(kwarg.range);
            self.add_def(&kwarg.arg, flag::DEF_PARAM, span)?;
            self.cur_scope().varkeywords = true;
        }
        Ok(())
    }

    fn visit_ann_assign(&mut self, s: &ast::Stmt, a: &ast::StmtAnnAssign) -> Res {
        let simple = is_simple_ann_assign(a);
        if let ast::Expr::Name(target) = a.target.as_ref() {
            let cur = self.lookup(&target.id);
            if cur & (flag::DEF_GLOBAL | flag::DEF_NONLOCAL) != 0 && self.cur() != 0 && simple {
                let kind = if cur & flag::DEF_GLOBAL != 0 {
                    "global"
                } else {
                    "nonlocal"
                };
                let msg = format!("annotated name '{}' can't be {kind}", target.id);
                return Err(self.error(msg, self.span(s.range())));
            }
            let span = self.span(target.range);
            if simple {
                self.add_def(&target.id, flag::DEF_ANNOT | flag::DEF_LOCAL, span)?;
            } else if a.value.is_some() {
                self.add_def(&target.id, flag::DEF_LOCAL, span)?;
            }
        } else {
            self.visit_expr(&a.target)?;
        }
        self.visit_annotation(&a.annotation)?;
        self.visit_opt_expr(&a.value)
    }

    fn visit_try(
        &mut self,
        body: &[ast::Stmt],
        orelse: &[ast::Stmt],
        handlers: &[ast::ExceptHandler],
        finalbody: &[ast::Stmt],
    ) -> Res {
        self.visit_stmts(body)?;
        self.visit_stmts(orelse)?;
        for ast::ExceptHandler::ExceptHandler(handler) in handlers {
            self.visit_opt_expr(&handler.type_)?;
            if let Some(name) = &handler.name {
                let span = self.span(handler.range);
                self.add_def(name, flag::DEF_LOCAL, span)?;
            }
            self.visit_stmts(&handler.body)?;
        }
        self.visit_stmts(finalbody)
    }

    fn visit_with_items(&mut self, items: &[ast::WithItem]) -> Res {
        for item in items {
            self.visit_expr(&item.context_expr)?;
            if let Some(target) = &item.optional_vars {
                self.check_target(target, Targets::Star)?;
            }
            self.visit_opt_expr(&item.optional_vars)?;
        }
        Ok(())
    }

    /// `symtable_visit_alias`: `import a.b.c` binds `a`; `import *` is only
    /// allowed in the module scope.
    fn visit_aliases(&mut self, names: &[ast::Alias]) -> Res {
        for alias in names {
            let name = alias.asname.as_ref().unwrap_or(&alias.name).as_str();
            let span = self.span(alias.range);
            if name == "*" {
                if self.scopes[self.cur()].typ != BlockType::Module {
                    return Err(self.error("import * only allowed at module level", span));
                }
                continue;
            }
            let store_name = name.split('.').next().unwrap_or(name);
            self.add_def(store_name, flag::DEF_IMPORT, span)?;
        }
        Ok(())
    }

    /// `global` (is_global) or `nonlocal` statements.
    fn visit_declaration(
        &mut self,
        names: &[ast::Identifier],
        range: TextRange,
        is_global: bool,
    ) -> Res {
        let span = self.span(range);
        let kind = if is_global { "global" } else { "nonlocal" };
        for name in names {
            let cur = self.lookup(name);
            if cur & (flag::DEF_PARAM | flag::DEF_LOCAL | flag::USE | flag::DEF_ANNOT) != 0 {
                let msg = if cur & flag::DEF_PARAM != 0 {
                    format!("name '{name}' is parameter and {kind}")
                } else if cur & flag::USE != 0 {
                    format!("name '{name}' is used prior to {kind} declaration")
                } else if cur & flag::DEF_ANNOT != 0 {
                    format!("annotated name '{name}' can't be {kind}")
                } else {
                    format!("name '{name}' is assigned to before {kind} declaration")
                };
                return Err(self.error(msg, span));
            }
            let flag = if is_global {
                flag::DEF_GLOBAL
            } else {
                flag::DEF_NONLOCAL
            };
            self.add_def(name, flag, span)?;
            self.record_directive(name, span);
        }
        Ok(())
    }

    fn visit_pattern(&mut self, p: &ast::Pattern) -> Res {
        self.descend()?;
        self.visit_pattern_inner(p)?;
        self.depth -= 1;
        Ok(())
    }

    fn visit_pattern_inner(&mut self, p: &ast::Pattern) -> Res {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.visit_expr(&v.value)?,
            P::MatchSingleton(_) => {}
            P::MatchSequence(s) => self.visit_patterns(&s.patterns)?,
            P::MatchStar(s) => {
                if let Some(name) = &s.name {
                    let span = self.span(s.range);
                    self.add_def(name, flag::DEF_LOCAL, span)?;
                }
            }
            P::MatchMapping(m) => {
                self.visit_exprs(&m.keys)?;
                self.visit_patterns(&m.patterns)?;
                if let Some(rest) = &m.rest {
                    let span = self.span(m.range);
                    self.add_def(rest, flag::DEF_LOCAL, span)?;
                }
            }
            P::MatchClass(c) => {
                self.visit_expr(&c.cls)?;
                self.visit_patterns(&c.patterns)?;
                self.visit_patterns(&c.kwd_patterns)?;
            }
            P::MatchAs(a) => {
                if let Some(pattern) = &a.pattern {
                    self.visit_pattern(pattern)?;
                }
                if let Some(name) = &a.name {
                    let span = self.span(a.range);
                    self.add_def(name, flag::DEF_LOCAL, span)?;
                }
            }
            P::MatchOr(o) => self.visit_patterns(&o.patterns)?,
        }
        Ok(())
    }

    fn visit_patterns(&mut self, patterns: &[ast::Pattern]) -> Res {
        patterns.iter().try_for_each(|p| self.visit_pattern(p))
    }

    fn visit_expr(&mut self, e: &ast::Expr) -> Res {
        self.descend()?;
        crate::with_stack(|| self.visit_expr_inner(e))?;
        self.depth -= 1;
        Ok(())
    }

    fn visit_expr_inner(&mut self, e: &ast::Expr) -> Res {
        use ast::Expr as E;
        match e {
            E::NamedExpr(n) => {
                self.reject_in_annotation("named expression", n.range)?;
                self.visit_named_expr(n)?;
            }
            E::BoolOp(b) => self.visit_exprs(&b.values)?,
            E::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
            }
            E::UnaryOp(u) => self.visit_expr(&u.operand)?,
            E::Lambda(l) => {
                self.visit_defaults(&l.args)?;
                let span = self.span(l.range);
                self.enter_block("lambda", BlockType::Function, Some(expr_key(e)), span);
                self.visit_params(&l.args)?;
                self.visit_expr(&l.body)?;
                self.exit_block();
            }
            E::IfExp(i) => {
                self.visit_expr(&i.test)?;
                self.visit_expr(&i.body)?;
                self.visit_expr(&i.orelse)?;
            }
            // All keys first, then all values, as CPython does.
            E::Dict(d) => {
                for key in d.keys.iter().flatten() {
                    self.visit_expr(key)?;
                }
                self.visit_exprs(&d.values)?;
            }
            E::Set(s) => self.visit_exprs(&s.elts)?,
            E::ListComp(c) => {
                self.visit_comprehension(e, ComprehensionType::List, &c.generators, &c.elt, None)?
            }
            E::SetComp(c) => {
                self.visit_comprehension(e, ComprehensionType::Set, &c.generators, &c.elt, None)?
            }
            E::DictComp(c) => self.visit_comprehension(
                e,
                ComprehensionType::Dict,
                &c.generators,
                &c.key,
                Some(&c.value),
            )?,
            E::GeneratorExp(c) => self.visit_comprehension(
                e,
                ComprehensionType::Generator,
                &c.generators,
                &c.elt,
                None,
            )?,
            E::Yield(y) => {
                self.reject_in_annotation("yield expression", y.range)?;
                self.visit_opt_expr(&y.value)?;
                self.mark_generator(y.range)?;
            }
            E::YieldFrom(y) => {
                self.reject_in_annotation("yield expression", y.range)?;
                self.visit_expr(&y.value)?;
                self.mark_generator(y.range)?;
            }
            E::Await(a) => {
                self.reject_in_annotation("await expression", a.range)?;
                self.visit_expr(&a.value)?;
                self.cur_scope().coroutine = true;
            }
            E::Compare(c) => {
                self.visit_expr(&c.left)?;
                self.visit_exprs(&c.comparators)?;
            }
            E::Call(c) => {
                self.visit_expr(&c.func)?;
                if let (Some(range), [arg]) = (call_genexp_range(c), c.args.as_slice()) {
                    self.call_genexp = Some((expr_key(arg), range));
                }
                self.visit_exprs(&c.args)?;
                for keyword in &c.keywords {
                    self.visit_expr(&keyword.value)?;
                }
            }
            E::FormattedValue(f) => {
                self.visit_expr(&f.value)?;
                self.visit_opt_expr(&f.format_spec)?;
            }
            E::JoinedStr(j) => self.visit_exprs(&j.values)?,
            E::Constant(_) => {}
            E::Attribute(a) => self.visit_expr(&a.value)?,
            E::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
            }
            E::Starred(s) => self.visit_expr(&s.value)?,
            E::Slice(s) => {
                self.visit_opt_expr(&s.lower)?;
                self.visit_opt_expr(&s.upper)?;
                self.visit_opt_expr(&s.step)?;
            }
            E::Name(n) => self.visit_name(n)?,
            E::List(l) => self.visit_exprs(&l.elts)?,
            E::Tuple(t) => self.visit_exprs(&t.elts)?,
        }
        Ok(())
    }

    fn visit_name(&mut self, n: &ast::ExprName) -> Res {
        let span = self.span(n.range);
        let is_load = n.ctx == ast::ExprContext::Load;
        let flag = if is_load { flag::USE } else { flag::DEF_LOCAL };
        self.add_def(&n.id, flag, span)?;
        // `super()` needs the implicit `__class__` cell of the class.
        if is_load && self.scopes[self.cur()].typ == BlockType::Function && n.id.as_str() == "super"
        {
            self.add_def("__class__", flag::USE, span)?;
        }
        Ok(())
    }

    /// `yield` / `yield from` make the scope a generator; they are errors
    /// inside comprehensions.
    fn mark_generator(&mut self, range: TextRange) -> Res {
        let scope = self.cur_scope();
        scope.generator = true;
        let msg = match scope.comprehension {
            ComprehensionType::None => return Ok(()),
            ComprehensionType::List => "'yield' inside list comprehension",
            ComprehensionType::Set => "'yield' inside set comprehension",
            ComprehensionType::Dict => "'yield' inside dict comprehension",
            ComprehensionType::Generator => "'yield' inside generator expression",
        };
        Err(self.error(msg, self.span(range)))
    }

    /// `symtable_raise_if_annotation_block`.
    fn reject_in_annotation(&self, what: &str, range: TextRange) -> Res {
        if self.scopes[self.cur()].typ != BlockType::Annotation {
            return Ok(());
        }
        let msg = format!("'{what}' can not be used within an annotation");
        Err(self.error(msg, self.span(range)))
    }

    /// `symtable_handle_namedexpr`.
    fn visit_named_expr(&mut self, n: &ast::ExprNamedExpr) -> Res {
        let cur = self.cur();
        if self.state[cur].comp_iter_expr > 0 {
            return Err(self.error(
                "assignment expression cannot be used in a comprehension iterable expression",
                self.span(n.range),
            ));
        }
        if self.scopes[cur].comprehension != ComprehensionType::None {
            if let ast::Expr::Name(target) = n.target.as_ref() {
                self.extend_named_expr_scope(target)?;
            }
        }
        self.visit_expr(&n.value)?;
        self.visit_expr(&n.target)
    }

    /// `symtable_extend_namedexpr_scope`: a walrus inside a comprehension
    /// binds in the nearest enclosing function (as nonlocal, or global if
    /// declared so there) or module (as global); never in a class.
    fn extend_named_expr_scope(&mut self, target: &ast::ExprName) -> Res {
        let name = target.id.as_str();
        let span = self.span(target.range);
        for i in (0..self.stack.len()).rev() {
            let id = self.stack[i];
            let scope = &self.scopes[id];
            if scope.comprehension != ComprehensionType::None {
                // CPython looks the unmangled name up here.
                if scope.flags(name) & flag::DEF_COMP_ITER != 0 {
                    let msg = format!(
                        "assignment expression cannot rebind comprehension iteration variable '{name}'"
                    );
                    return Err(self.error(msg, span));
                }
                continue;
            }
            match scope.typ {
                BlockType::Function => {
                    let declared_global = scope.flags(name) & flag::DEF_GLOBAL != 0;
                    let flag = if declared_global {
                        flag::DEF_GLOBAL
                    } else {
                        flag::DEF_NONLOCAL
                    };
                    self.add_def(name, flag, span)?;
                    self.record_directive(name, span);
                    return self.add_def_to(id, name, flag::DEF_LOCAL, span);
                }
                BlockType::Module => {
                    self.add_def(name, flag::DEF_GLOBAL, span)?;
                    self.record_directive(name, span);
                    return self.add_def_to(id, name, flag::DEF_GLOBAL, span);
                }
                BlockType::Class => {
                    return Err(self.error(
                        "assignment expression within a comprehension cannot be used in a class body",
                        span,
                    ));
                }
                BlockType::Annotation => {}
            }
        }
        Ok(())
    }

    /// `symtable_handle_comprehension`: the first iterable is evaluated in
    /// the enclosing scope; everything else runs in a new function scope
    /// whose implicit parameter `.0` is that iterator.
    fn visit_comprehension(
        &mut self,
        e: &ast::Expr,
        kind: ComprehensionType,
        generators: &[ast::Comprehension],
        elt: &ast::Expr,
        value: Option<&ast::Expr>,
    ) -> Res {
        let Some((outermost, rest)) = generators.split_first() else {
            return Ok(());
        };
        let is_generator = kind == ComprehensionType::Generator;
        let outer = self.cur();
        self.state[outer].comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.state[outer].comp_iter_expr -= 1;

        let name = match kind {
            ComprehensionType::List => "listcomp",
            ComprehensionType::Set => "setcomp",
            ComprehensionType::Dict => "dictcomp",
            _ => "genexpr",
        };
        let range = match self.call_genexp.take() {
            Some((key, range)) if key == expr_key(e) => range,
            _ => e.range(),
        };
        let span = self.span(range);
        self.enter_block(name, BlockType::Function, Some(expr_key(e)), span);
        let id = self.cur();
        self.scopes[id].comprehension = kind;
        if outermost.is_async {
            self.scopes[id].coroutine = true;
        }
        self.add_def(".0", flag::DEF_PARAM, span)?;
        self.visit_comp_target(&outermost.target)?;
        self.visit_exprs(&outermost.ifs)?;
        for generator in rest {
            self.visit_comp_target(&generator.target)?;
            self.state[id].comp_iter_expr += 1;
            self.visit_expr(&generator.iter)?;
            self.state[id].comp_iter_expr -= 1;
            self.visit_exprs(&generator.ifs)?;
            if generator.is_async {
                self.scopes[id].coroutine = true;
            }
        }
        // A dict comprehension's value is visited before its key.
        if let Some(value) = value {
            self.visit_expr(value)?;
        }
        self.visit_expr(elt)?;
        let scope = &mut self.scopes[id];
        scope.generator = is_generator;
        let is_async = scope.coroutine && !is_generator;
        self.exit_block();
        // Awaiting inside a list/set/dict comprehension makes the enclosing
        // scope a coroutine too (a genexpr is an async generator instead).
        if is_async {
            self.cur_scope().coroutine = true;
        }
        Ok(())
    }

    fn visit_comp_target(&mut self, target: &ast::Expr) -> Res {
        self.check_target(target, Targets::For)?;
        let id = self.cur();
        self.state[id].comp_iter_target = true;
        self.visit_expr(target)?;
        self.state[id].comp_iter_target = false;
        Ok(())
    }
}

/// CPython's `AnnAssign.simple`: the target is a bare, unparenthesized
/// name. rustpython-parser also sets `simple` for `(x): int`, so a target
/// that does not start where the statement starts is treated as
/// parenthesized. Code generation must use this too.
pub fn is_simple_ann_assign(a: &ast::StmtAnnAssign) -> bool {
    a.simple && a.target.start() == a.range.start()
}

/// CPython's range of a generator expression that is the sole,
/// unparenthesized argument of a call, `f(x for x in y)`: CPython's grammar
/// makes the call's parentheses the genexp's own, so it starts at `(` and
/// ends with the call. rustpython-parser starts it at the element instead.
/// Returns None for any other call. (Code generation needs the same range,
/// e.g. for the genexp's `co_firstlineno`.)
///
/// Without the source text, the `(` is assumed to follow the callee
/// directly (`f (x for x in y)` would be off by the spaces), and a genexp
/// with both a parenthesized element and a parenthesized last clause,
/// `f((a) for a in (b))`, is taken for one with its own parentheses.
pub fn call_genexp_range(call: &ast::ExprCall) -> Option<TextRange> {
    let ([ast::Expr::GeneratorExp(genexp)], []) = (call.args.as_slice(), call.keywords.as_slice())
    else {
        return None;
    };
    // A genexp with its own parentheses starts before its element and ends
    // after its last clause.
    let last_clause_end = genexp.generators.last().map(|g| match g.ifs.last() {
        Some(cond) => cond.end(),
        None => g.iter.end(),
    });
    let own_parens =
        genexp.range.start() < genexp.elt.start() && Some(genexp.range.end()) != last_clause_end;
    if own_parens {
        return None;
    }
    Some(TextRange::new(call.func.end(), call.range.end()))
}

/// The parts of a (possibly async) function definition.
struct FunctionParts<'n> {
    name: &'n str,
    args: &'n ast::Arguments,
    body: &'n [ast::Stmt],
    decorators: &'n [ast::Expr],
    returns: &'n Option<Box<ast::Expr>>,
    type_params: &'n [ast::TypeParam],
    is_async: bool,
}

// ---------------------------------------------------------------------------
// Pass two: resolving scopes (analyze_block and friends)
// ---------------------------------------------------------------------------

impl<'a> Builder<'a> {
    /// `analyze_block`: decide the scope of every name of scope `id`, then
    /// of its children, and turn locals that children use into cells.
    ///
    /// `bound` holds the names bound in enclosing function scopes (None for
    /// the module), `global` the names declared global in enclosing scopes;
    /// both are this block's own copies. Free names of this block and its
    /// children that it does not bind itself are added to `free`.
    fn analyze_block(
        &mut self,
        id: ScopeId,
        mut bound: Option<&mut NameSet>,
        free: &mut NameSet,
        global: &mut NameSet,
    ) -> Res {
        let typ = self.scopes[id].typ;
        let mut local = NameSet::new();
        let mut scopes: HashMap<String, u32> = HashMap::default();
        let mut newglobal = NameSet::new();
        let mut newfree = NameSet::new();
        let mut newbound = NameSet::new();

        // A class's own bindings are invisible to its methods, so what the
        // children see is fixed before the class's names are analyzed.
        if typ == BlockType::Class {
            newglobal.extend(global.iter().cloned());
            if let Some(bound) = bound.as_deref() {
                newbound.extend(bound.iter().cloned());
            }
        }

        let symbols = self.scopes[id].symbols.clone();
        for (name, flags) in &symbols {
            let scope = self.analyze_name(
                id,
                name,
                *flags,
                bound.as_deref_mut(),
                &mut local,
                free,
                global,
            )?;
            scopes.insert(name.clone(), scope);
        }

        if typ != BlockType::Class {
            if typ == BlockType::Function {
                newbound.extend(local.iter().cloned());
            }
            if let Some(bound) = bound.as_deref() {
                newbound.extend(bound.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        } else {
            // Methods may refer to the implicit `__class__` cell.
            newbound.insert("__class__".to_string());
        }

        let mut allfree = NameSet::new();
        for child in self.scopes[id].children.clone() {
            // Each child works on copies of what it can see.
            let mut child_bound = newbound.clone();
            let mut child_free = newfree.clone();
            let mut child_global = newglobal.clone();
            self.analyze_block(
                child,
                Some(&mut child_bound),
                &mut child_free,
                &mut child_global,
            )?;
            allfree.append(&mut child_free);
            let c = &self.scopes[child];
            if c.free || c.child_free {
                self.scopes[id].child_free = true;
            }
        }
        newfree.append(&mut allfree);

        if typ == BlockType::Function {
            analyze_cells(&mut scopes, &mut newfree);
        } else if typ == BlockType::Class && newfree.remove("__class__") {
            // `super()` or `__class__` in a method: the class provides it.
            self.scopes[id].needs_class_closure = true;
        }
        self.update_symbols(
            id,
            &scopes,
            bound.as_deref(),
            &newfree,
            typ == BlockType::Class,
        );
        free.append(&mut newfree);
        Ok(())
    }

    /// `analyze_name`: the scope of one name from its flags and what the
    /// enclosing scopes bind or declare global.
    #[allow(clippy::too_many_arguments)]
    fn analyze_name(
        &mut self,
        id: ScopeId,
        name: &str,
        flags: u32,
        bound: Option<&mut NameSet>,
        local: &mut NameSet,
        free: &mut NameSet,
        global: &mut NameSet,
    ) -> Res<u32> {
        if flags & flag::DEF_GLOBAL != 0 {
            if flags & flag::DEF_NONLOCAL != 0 {
                let msg = format!("name '{name}' is nonlocal and global");
                return Err(self.error_at_directive(id, name, msg));
            }
            global.insert(name.to_string());
            if let Some(bound) = bound {
                bound.remove(name);
            }
            return Ok(GLOBAL_EXPLICIT);
        }
        if flags & flag::DEF_NONLOCAL != 0 {
            let Some(bound) = bound else {
                let msg = "nonlocal declaration not allowed at module level".to_string();
                return Err(self.error_at_directive(id, name, msg));
            };
            if !bound.contains(name) {
                let msg = format!("no binding for nonlocal '{name}' found");
                return Err(self.error_at_directive(id, name, msg));
            }
            self.scopes[id].free = true;
            free.insert(name.to_string());
            return Ok(FREE);
        }
        if flags & flag::DEF_BOUND != 0 {
            local.insert(name.to_string());
            global.remove(name);
            return Ok(LOCAL);
        }
        // Bound in an enclosing function: a free variable (having `bound`
        // at all means this block is nested in something).
        if bound.is_some_and(|b| b.contains(name)) {
            self.scopes[id].free = true;
            free.insert(name.to_string());
            return Ok(FREE);
        }
        if !global.contains(name) && self.scopes[id].nested {
            self.scopes[id].free = true;
        }
        Ok(GLOBAL_IMPLICIT)
    }

    /// `error_at_directive`: point an analysis error at the `global` /
    /// `nonlocal` declaration (or walrus target) that caused it.
    fn error_at_directive(&self, id: ScopeId, name: &str, msg: String) -> Box<CompileError> {
        let found = self.state[id]
            .directives
            .iter()
            .find(|(directive, _)| directive == name);
        match found {
            Some(&(_, span)) => self.error(msg, span),
            None => Box::new(CompileError::syntax(msg, self.filename, 0, -1)),
        }
    }

    /// `update_symbols`: store the resolved scopes in the flags, and record
    /// the free names of children that pass through this scope.
    fn update_symbols(
        &mut self,
        id: ScopeId,
        scopes: &HashMap<String, u32>,
        bound: Option<&NameSet>,
        free: &NameSet,
        is_class: bool,
    ) {
        let scope = &mut self.scopes[id];
        for (name, flags) in scope.symbols.iter_mut() {
            *flags |= scopes.get(name).copied().unwrap_or(0) << flag::SCOPE_OFFSET;
        }
        for name in free {
            if scope.contains(name) {
                // A method's free variable with the same name as a binding
                // (or global) of the class: the class must pass its own
                // cell down, not its binding.
                let flags = scope.flags_mut(name);
                if is_class && *flags & (flag::DEF_BOUND | flag::DEF_GLOBAL) != 0 {
                    *flags |= flag::DEF_FREE_CLASS;
                }
                continue;
            }
            // Not bound by any enclosing function: it is a global.
            if bound.is_some_and(|b| !b.contains(name)) {
                continue;
            }
            *scope.flags_mut(name) = FREE << flag::SCOPE_OFFSET;
        }
    }
}

/// `analyze_cells`: locals that children use freely become cells, and stop
/// being free further out.
fn analyze_cells(scopes: &mut HashMap<String, u32>, free: &mut NameSet) {
    for (name, scope) in scopes.iter_mut() {
        if *scope == LOCAL && free.remove(name) {
            *scope = CELL;
        }
    }
}

/// Which statement a target belongs to (pegen's TARGETS_TYPE).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Targets {
    Star,
    Del,
    For,
}

/// `_PyPegen_get_invalid_target`: the first part of `e` that cannot be
/// assigned to (or deleted).
fn invalid_target(e: &ast::Expr, kind: Targets) -> Option<&ast::Expr> {
    use ast::Expr as E;
    match e {
        E::List(l) => l.elts.iter().find_map(|x| invalid_target(x, kind)),
        E::Tuple(t) => t.elts.iter().find_map(|x| invalid_target(x, kind)),
        E::Starred(s) if kind != Targets::Del => invalid_target(&s.value, kind),
        // `for a in b` parses `a in b` as a comparison first.
        E::Compare(c) if kind == Targets::For => match c.ops.first() {
            Some(ast::CmpOp::In) => invalid_target(&c.left, kind),
            _ => None,
        },
        E::Name(_) | E::Subscript(_) | E::Attribute(_) => None,
        _ => Some(e),
    }
}

/// Whether `e` parses at the bitwise_or level (an operand of a comparison)
/// and is not a list, tuple, generator expression, True, False or None:
/// the targets CPython's invalid_named_expression reports.
fn operand_level(e: &ast::Expr) -> bool {
    use ast::Expr as E;
    match e {
        E::BoolOp(_) | E::Compare(_) | E::IfExp(_) | E::Lambda(_) | E::Starred(_) => false,
        E::UnaryOp(u) => u.op != ast::UnaryOp::Not,
        E::List(_) | E::Tuple(_) | E::GeneratorExp(_) => false,
        E::Constant(c) => !matches!(c.value, ast::Constant::None | ast::Constant::Bool(_)),
        _ => true,
    }
}

/// `_PyPegen_get_expr_name`.
fn expr_name(e: &ast::Expr) -> &'static str {
    use ast::Expr as E;
    match e {
        E::Attribute(_) => "attribute",
        E::Subscript(_) => "subscript",
        E::Starred(_) => "starred",
        E::Name(_) => "name",
        E::List(_) => "list",
        E::Tuple(_) => "tuple",
        E::Lambda(_) => "lambda",
        E::Call(_) => "function call",
        E::BoolOp(_) | E::BinOp(_) | E::UnaryOp(_) => "expression",
        E::GeneratorExp(_) => "generator expression",
        E::Yield(_) | E::YieldFrom(_) => "yield expression",
        E::Await(_) => "await expression",
        E::ListComp(_) => "list comprehension",
        E::SetComp(_) => "set comprehension",
        E::DictComp(_) => "dict comprehension",
        E::Dict(_) => "dict literal",
        E::Set(_) => "set display",
        E::JoinedStr(_) | E::FormattedValue(_) => "f-string expression",
        E::Constant(c) => match c.value {
            ast::Constant::None => "None",
            ast::Constant::Bool(false) => "False",
            ast::Constant::Bool(true) => "True",
            ast::Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        E::Compare(_) => "comparison",
        E::IfExp(_) => "conditional expression",
        E::NamedExpr(_) => "named expression",
        _ => "expression",
    }
}
