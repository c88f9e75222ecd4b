//! Code generation: AST → CFG, following CPython 3.11's `compile.c`.
//!
//! One `Unit` per code object being built (module, class body, function,
//! lambda, comprehension); units nest as the compiler descends into inner
//! scopes. Each unit owns a `CodeUnit` (the CFG plus its name tables) that
//! `assemble` turns into a `CodeObject` when the scope is finished.
//!
//! The emission helpers mirror CPython's ADDOP family so the statement and
//! expression code (`stmt.rs`, `expr.rs`, `pattern.rs`) reads like the C it
//! is checked against: the same instructions, in the same blocks, with the
//! same source locations, so that the optimiser and assembler downstream
//! reproduce CPython's bytes exactly.

mod expr;
mod pattern;
mod stmt;

use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;

use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::TextRange;

use crate::assemble::assemble;
use crate::code::{flags as co, CodeObject, Constant};
use crate::error::{CompileError, ErrorKind};
use crate::ir::{BlockId, CodeUnit, Instr, Location};
use crate::opcode::Op;
use crate::source::LineIndex;
use crate::symtable::{self, mangle, BlockType, ScopeId, SymbolScope, SymbolTable};

pub type CResult<T = ()> = Result<T, CompileError>;

/// Compile a module (mode "exec"): parse, fold, build the symbol table,
/// generate and assemble.
pub fn compile_module(source: &str, filename: &str) -> Result<CodeObject, CompileError> {
    let lines = LineIndex::new(source);
    let mut body = parse_module(source, filename, &lines)?;
    if let Err(e) = crate::fold::try_fold_module(&mut body, 0) {
        // The tree is too deep for the compiler's recursion limit, and
        // possibly too deep to drop recursively without overflowing the
        // stack: leak it instead (this only happens for pathological input).
        std::mem::forget(body);
        return Err(e);
    }
    let st = symtable::build(&body, filename, &lines)?;
    let mut c = Compiler::new(source, filename, &lines, &st, st.future_annotations);
    c.compile_module(&body)
}

/// Compile one interactive statement (mode "single"): like a module, but
/// its expression statements print their values (PRINT_EXPR) and a
/// leading string is not a docstring.
pub fn compile_interactive(source: &str, filename: &str) -> Result<CodeObject, CompileError> {
    let lines = LineIndex::new(source);
    let mut body = parse_module(source, filename, &lines)?;
    if body.is_empty() {
        return Err(CompileError::syntax("invalid syntax", filename, 0, -1));
    }
    if body.len() > 1 {
        let (line, col) = lines.position(body[0].range().end());
        return Err(CompileError::syntax(
            "multiple statements found while compiling a single statement",
            filename,
            line,
            col,
        ));
    }
    if let Err(e) = crate::fold::try_fold_interactive(&mut body, 0) {
        std::mem::forget(body);
        return Err(e);
    }
    let st = symtable::build(&body, filename, &lines)?;
    let mut c = Compiler::new(source, filename, &lines, &st, st.future_annotations);
    c.interactive = true;
    c.compile_module(&body)
}

/// Parse source text with rustpython-parser, reporting errors as CPython's
/// SyntaxError would (position and, where we can, the message).
pub fn parse_module(
    source: &str,
    filename: &str,
    lines: &LineIndex,
) -> Result<Vec<ast::Stmt>, CompileError> {
    match parse_source(source, filename, lines, rustpython_parser::Mode::Module)? {
        ast::Mod::Module(m) => Ok(m.body),
        _ => Ok(Vec::new()),
    }
}

/// Check that `source` parses as the argument of `eval` (CPython's `eval`
/// start rule: no statements, no unparenthesized `:=`), reporting errors
/// at their positions in `source`.
pub fn check_expression(source: &str, filename: &str) -> Result<(), CompileError> {
    let lines = LineIndex::new(source);
    let m = parse_source(
        source,
        filename,
        &lines,
        rustpython_parser::Mode::Expression,
    )?;
    // rustpython accepts starred items at the top (`*a, b`); CPython's
    // `expressions` rule does not: invalid syntax at the first star.
    let ast::Mod::Expression(e) = m else {
        return Ok(());
    };
    let starred = match &*e.body {
        ast::Expr::Starred(s) => Some(s.range),
        ast::Expr::Tuple(t) if !source[usize::from(t.range.start())..].starts_with('(') => t
            .elts
            .iter()
            .find(|x| matches!(x, ast::Expr::Starred(_)))
            .map(|x| x.range()),
        _ => None,
    };
    if let Some(r) = starred {
        let (line, col) = lines.position(r.start());
        let mut err = CompileError::syntax("invalid syntax", filename, line, col);
        err.end_offset = col + 2;
        return Err(err);
    }
    Ok(())
}

fn parse_source(
    source: &str,
    filename: &str,
    lines: &LineIndex,
    mode: rustpython_parser::Mode,
) -> Result<ast::Mod, CompileError> {
    use rustpython_parser::parse;
    let at = |e: &crate::source::TokenError, kind: ErrorKind| {
        let (line, col) = lines.position((e.offset as u32).into());
        let mut err = CompileError::syntax(e.msg.clone(), filename, line, col);
        err.kind = kind;
        err
    };
    // CPython's tokenizer stops at 200 nested brackets before the parser
    // sees them; checking first also keeps absurdly deep input away.
    let (token_error, unclosed) = crate::source::scan_tokenizer_errors(source, lines);
    if let Some(e) = &token_error {
        if e.msg.starts_with("too many nested") {
            return Err(at(e, ErrorKind::SyntaxError));
        }
        if e.msg == crate::source::TOO_DEEP_INDENT {
            return Err(at(e, ErrorKind::IndentationError));
        }
    }
    match parse(source, mode, filename) {
        Ok(m) => Ok(m),
        Err(e) => {
            // Like CPython after a generic syntax error, look for errors
            // the tokenizer would report anywhere in the file; they win.
            if let Some(e) = &token_error {
                return Err(at(e, ErrorKind::SyntaxError));
            }
            let (line, col) = lines.position(e.offset);
            let (kind, msg) = parse_error_message(&e.error);
            // A bracket still open at the end wins over a generic error on
            // a later line than the bracket (CPython's full-source tokenizer
            // check); on the bracket's own line (`def f(:`) the error stays
            // "invalid syntax".
            if let Some(u) = &unclosed {
                let (open_line, _) = lines.position((u.offset as u32).into());
                if matches!(e.error, rustpython_parser::ParseErrorType::Eof)
                    || (msg == "invalid syntax" && line > open_line)
                {
                    return Err(at(u, ErrorKind::SyntaxError));
                }
            }
            // CPython puts an unexpected indent's offset at the end of the
            // indentation (1-based offset = its width).
            let col = match kind {
                ErrorKind::IndentationError if msg == "unexpected indent" => {
                    let text = source.lines().nth((line - 1).max(0) as usize).unwrap_or("");
                    let width = text.len() - text.trim_start_matches([' ', '\t', '\x0c']).len();
                    width as i32 - 1
                }
                _ => col,
            };
            let generic = msg == "invalid syntax";
            let mut err = CompileError::syntax(msg, filename, line, col);
            err.kind = kind;
            // CPython's generic "invalid syntax" spans the offending token.
            if generic {
                if let Some(end) = token_end(source, e.offset, mode) {
                    let (end_line, end_col) = lines.position(end);
                    if end_line == line && end_col > col {
                        err.end_offset = end_col + 1;
                    }
                }
            }
            Err(err)
        }
    }
}

/// The end of the token that starts at `offset`, if one does (not for
/// newlines, indentation and the end of input).
fn token_end(
    source: &str,
    offset: rustpython_parser::text_size::TextSize,
    mode: rustpython_parser::Mode,
) -> Option<rustpython_parser::text_size::TextSize> {
    use rustpython_parser::Tok;
    let start = usize::from(offset);
    let rest = source.get(start..)?;
    let (tok, range) = rustpython_parser::lexer::lex_starts_at(rest, mode, offset)
        .next()?
        .ok()?;
    match tok {
        Tok::Newline | Tok::Indent | Tok::Dedent | Tok::EndOfFile => None,
        _ if range.start() == offset => Some(range.end()),
        _ => None,
    }
}

fn parse_error_message(e: &rustpython_parser::ParseErrorType) -> (ErrorKind, String) {
    use rustpython_parser::ParseErrorType as P;
    match e {
        P::Eof => (
            ErrorKind::SyntaxError,
            "unexpected EOF while parsing".into(),
        ),
        P::Lexical(lex) => {
            let text = lex.to_string();
            if text.contains("indent") || text.contains("Indent") {
                (ErrorKind::IndentationError, text)
            } else {
                (ErrorKind::SyntaxError, text)
            }
        }
        P::UnrecognizedToken(rustpython_parser::Tok::Indent, _) => {
            (ErrorKind::IndentationError, "unexpected indent".into())
        }
        _ => (ErrorKind::SyntaxError, "invalid syntax".into()),
    }
}

/// CPython's COMPILER_SCOPE_*.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

/// Frame blocks: the compile-time stack of constructs that `break`,
/// `continue` and `return` must unwind (CPython's fblockinfo).
#[derive(Clone, Debug)]
pub(crate) enum FBlock<'a> {
    WhileLoop {
        start: BlockId,
        exit: BlockId,
    },
    ForLoop {
        start: BlockId,
        exit: BlockId,
    },
    TryExcept,
    FinallyTry {
        body: &'a [ast::Stmt],
    },
    FinallyEnd,
    With {
        loc: Location,
    },
    AsyncWith {
        loc: Location,
    },
    /// `except ... as name:` body; `name` is deleted on the way out.
    HandlerCleanup {
        name: Option<String>,
    },
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

/// The per-code-object state (CPython's compiler_unit).
pub(crate) struct Unit<'a> {
    pub code: CodeUnit,
    pub ste: ScopeId,
    pub scope_type: ScopeType,
    pub cur: BlockId,
    pub private: Option<String>,
    pub fblocks: Vec<FBlock<'a>>,
    pub loc: Location,
    pub need_new_implicit_block: bool,
}

pub(crate) struct Compiler<'a> {
    pub filename: Rc<str>,
    pub lines: &'a LineIndex,
    pub st: &'a SymbolTable,
    pub units: Vec<Unit<'a>>,
    pub future_annotations: bool,
    /// Optimisation level (0: asserts and docstrings kept).
    pub optimize: u8,
    pub interactive: bool,
    /// Location of the outermost f-string being compiled (see joined_str).
    pub fstring_loc: Option<Location>,
    pub source: &'a str,
    /// Node ranges where CPython's AST differs from rustpython's (keyed by
    /// node address); see `Compiler::expr_range`.
    pub range_override: HashMap<usize, TextRange>,
}

const MAX_FBLOCKS: usize = 20;

impl<'a> Compiler<'a> {
    pub fn new(
        source: &'a str,
        filename: &str,
        lines: &'a LineIndex,
        st: &'a SymbolTable,
        future_annotations: bool,
    ) -> Self {
        Compiler {
            filename: Rc::from(filename),
            lines,
            st,
            units: Vec::new(),
            future_annotations,
            optimize: 0,
            interactive: false,
            fstring_loc: None,
            source,
            range_override: HashMap::default(),
        }
    }

    // ----- unit access -------------------------------------------------

    pub fn u(&self) -> &Unit<'a> {
        self.units.last().expect("no current unit")
    }
    pub fn um(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("no current unit")
    }
    pub fn ste(&self) -> &'a symtable::Scope {
        &self.st.scopes[self.u().ste]
    }

    // ----- locations ---------------------------------------------------

    pub fn loc_of(&self, range: TextRange) -> Location {
        if crate::fold::is_no_location(range) {
            return Location::NONE;
        }
        let (lineno, col, end_lineno, end_col) = self.lines.span(range);
        Location {
            lineno,
            end_lineno,
            col,
            end_col,
        }
    }
    /// The range CPython's AST gives `e`. They agree except for a generator
    /// expression that is a call's only argument, `f(x for x in y)`, whose
    /// CPython range includes the call's parentheses.
    pub fn expr_range(&self, e: &ast::Expr) -> TextRange {
        if let ast::Expr::NamedExpr(n) = e {
            return self.named_expr_range(n);
        }
        if self.range_override.is_empty() {
            return e.range();
        }
        match self.range_override.get(&symtable::node_key(e)) {
            Some(r) => *r,
            None => e.range(),
        }
    }

    /// Record the CPython range of a call's sole generator argument,
    /// starting at the call's `(` (found in the source text).
    pub fn note_genexp_arg(&mut self, call: &ast::ExprCall) {
        let Some(range) = symtable::call_genexp_range(call) else {
            return;
        };
        let from = usize::from(range.start());
        let Some(open) = self.source.get(from..).and_then(|rest| rest.find('(')) else {
            return;
        };
        let start = rustpython_parser::text_size::TextSize::from((from + open) as u32);
        self.range_override.insert(
            symtable::node_key(&call.args[0]),
            TextRange::new(start, range.end()),
        );
    }

    /// The range CPython's AST gives a statement. A compound statement
    /// (def, class, if, loops, with, try, match) ends at its last
    /// non-whitespace token, which includes a `;` after its last simple
    /// statement; rustpython ends it at that statement.
    pub fn stmt_range(&self, s: &ast::Stmt) -> TextRange {
        use ast::Stmt as S;
        let range = s.range();
        let compound = matches!(
            s,
            S::FunctionDef(_)
                | S::AsyncFunctionDef(_)
                | S::ClassDef(_)
                | S::If(_)
                | S::For(_)
                | S::AsyncFor(_)
                | S::While(_)
                | S::With(_)
                | S::AsyncWith(_)
                | S::Try(_)
                | S::TryStar(_)
                | S::Match(_)
        );
        if !compound {
            return range;
        }
        let end = usize::from(range.end());
        let rest = self.source.get(end..).unwrap_or("");
        let skipped = rest.len() - rest.trim_start_matches([' ', '\t', '\x0c']).len();
        if rest[skipped..].starts_with(';') {
            let new_end = (end + skipped + 1) as u32;
            return TextRange::new(range.start(), new_end.into());
        }
        range
    }

    /// The range CPython gives `x := value`: up to the end of the value
    /// including parentheses around it, which rustpython leaves out.
    pub fn named_expr_range(&self, n: &ast::ExprNamedExpr) -> TextRange {
        let value = self.expr_range(&n.value);
        let between = self
            .source
            .get(usize::from(n.target.range().end())..usize::from(value.start()))
            .unwrap_or("");
        let mut open = between.matches('(').count();
        let mut end = usize::from(value.end());
        let bytes = self.source.as_bytes();
        while open > 0 && end < bytes.len() {
            match bytes[end] {
                b')' => open -= 1,
                b' ' | b'\t' | b'\n' | b'\r' | b'\\' | b'\x0c' => {}
                _ => break,
            }
            end += 1;
        }
        if open == 0 {
            TextRange::new(n.range.start(), (end as u32).into())
        } else {
            n.range
        }
    }

    /// SET_LOC: following instructions get this node's position.
    pub fn set_loc(&mut self, range: TextRange) {
        let loc = self.loc_of(range);
        self.um().loc = loc;
    }
    /// UNSET_LOC: following instructions are artificial.
    pub fn unset_loc(&mut self) {
        self.um().loc = Location::NONE;
    }

    // ----- errors ------------------------------------------------------

    /// compiler_error: a SyntaxError at the current location.
    pub fn error<T>(&self, msg: impl Into<String>) -> CResult<T> {
        let loc = self.u().loc;
        Err(CompileError {
            kind: ErrorKind::SyntaxError,
            msg: msg.into(),
            filename: self.filename.to_string(),
            lineno: loc.lineno,
            offset: loc.col + 1,
            end_lineno: loc.end_lineno,
            end_offset: loc.end_col + 1,
        })
    }
    // ----- blocks ------------------------------------------------------

    pub fn new_block(&mut self) -> BlockId {
        self.um().code.new_block()
    }
    /// compiler_use_next_block: `b` follows the current block in layout.
    pub fn use_next_block(&mut self, b: BlockId) {
        let u = self.um();
        let cur = u.cur;
        u.code.block_mut(cur).next = Some(b);
        u.cur = b;
        u.need_new_implicit_block = false;
    }
    fn ensure_block(&mut self) {
        if self.u().need_new_implicit_block {
            let b = self.new_block();
            self.use_next_block(b);
        }
    }
    fn push_instr(&mut self, instr: Instr) {
        self.ensure_block();
        let u = self.um();
        let ends_block = instr.op.is_jump() || instr.op.is_scope_exit();
        let cur = u.cur;
        let block = u.code.block_mut(cur);
        if instr.op == Op::RETURN_VALUE {
            block.returns = true;
        }
        block.instrs.push(instr);
        if ends_block {
            u.need_new_implicit_block = true;
        }
    }

    // ----- emission (ADDOP and friends) --------------------------------

    /// ADDOP / ADDOP_I: an instruction at the current location.
    pub fn emit(&mut self, op: Op, arg: u32) {
        let loc = self.u().loc;
        self.push_instr(Instr::new(op, arg, loc));
    }
    pub fn op(&mut self, op: Op) {
        self.emit(op, 0);
    }
    /// ADDOP_NOLINE: an artificial instruction.
    pub fn emit_noline(&mut self, op: Op, arg: u32) {
        self.push_instr(Instr::new(op, arg, Location::NONE));
    }
    /// ADDOP_JUMP: a jump (or SETUP_*) to `target`.
    pub fn jump(&mut self, op: Op, target: BlockId) {
        let loc = self.u().loc;
        let mut i = Instr::new(op, 0, loc);
        i.target = target;
        self.push_instr(i);
    }
    /// ADDOP_JUMP_NOLINE.
    pub fn jump_noline(&mut self, op: Op, target: BlockId) {
        let mut i = Instr::new(op, 0, Location::NONE);
        i.target = target;
        self.push_instr(i);
    }
    pub fn add_const(&mut self, c: Constant) -> u32 {
        self.um().code.consts.insert(c)
    }
    /// ADDOP_LOAD_CONST.
    pub fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Op::LOAD_CONST, i);
    }
    pub fn load_none(&mut self) {
        self.load_const(Constant::None);
    }
    pub fn load_str(&mut self, s: &str) {
        self.load_const(Constant::Str(Rc::from(s)));
    }
    pub fn mangle(&self, name: &str) -> String {
        mangle(self.u().private.as_deref(), name)
    }
    /// ADDOP_NAME: an op whose argument is a (mangled) co_names index.
    pub fn emit_name(&mut self, op: Op, name: &str) {
        let m = self.mangle(name);
        let i = self.um().code.names.insert(&m);
        self.emit(op, i);
    }
    /// ADDOP_N with names but without mangling (e.g. IMPORT_NAME).
    pub fn emit_name_raw(&mut self, op: Op, name: &str) {
        let i = self.um().code.names.insert(name);
        self.emit(op, i);
    }

    // ----- frame blocks -------------------------------------------------

    pub fn push_fblock(&mut self, fb: FBlock<'a>) -> CResult {
        if self.u().fblocks.len() >= MAX_FBLOCKS {
            return self.error("too many statically nested blocks");
        }
        self.um().fblocks.push(fb);
        Ok(())
    }
    pub fn pop_fblock(&mut self) {
        self.um().fblocks.pop();
    }

    // ----- scopes --------------------------------------------------------

    /// compiler_enter_scope.
    pub fn enter_scope(
        &mut self,
        name: &str,
        scope_type: ScopeType,
        key: usize,
        lineno: i32,
    ) -> CResult {
        let Some(ste_id) = self.st.lookup(key) else {
            return self.error(format!("no symtable entry for {name}"));
        };
        let ste = &self.st.scopes[ste_id];
        let mut code = CodeUnit::new(name, name, self.filename.clone());
        for v in &ste.varnames {
            code.varnames.insert(v);
        }
        // Cell and free variables are sorted by name (dictbytype).
        let mut cells: Vec<&str> = ste
            .symbols
            .iter()
            .filter(|(n, _)| ste.scope_of(n) == SymbolScope::Cell)
            .map(|(n, _)| n.as_str())
            .collect();
        cells.sort_unstable();
        if ste.needs_class_closure {
            code.cellvars.insert("__class__");
        }
        for c in cells {
            code.cellvars.insert(c);
        }
        let mut frees: Vec<&str> = ste
            .symbols
            .iter()
            .filter(|(n, f)| {
                ste.scope_of(n) == SymbolScope::Free || f & symtable::flag::DEF_FREE_CLASS != 0
            })
            .map(|(n, _)| n.as_str())
            .collect();
        frees.sort_unstable();
        for f in frees {
            code.freevars.insert(f);
        }
        code.firstlineno = lineno;
        let private = self.units.last().and_then(|u| u.private.clone());
        self.units.push(Unit {
            code,
            ste: ste_id,
            scope_type,
            cur: BlockId(0),
            private,
            fblocks: Vec::new(),
            loc: Location {
                lineno,
                end_lineno: lineno,
                col: 0,
                end_col: 0,
            },
            need_new_implicit_block: false,
        });
        if scope_type == ScopeType::Module {
            self.um().loc.lineno = 0;
        } else {
            self.set_qualname();
        }
        self.emit(Op::RESUME, 0);
        if scope_type == ScopeType::Module {
            self.um().loc.lineno = -1;
        }
        Ok(())
    }

    /// compiler_set_qualname.
    fn set_qualname(&mut self) {
        let n = self.units.len();
        let u = &self.units[n - 1];
        let mut base: Option<String> = None;
        if n > 1 {
            let parent = &self.units[n - 2];
            let mut force_global = false;
            if matches!(
                u.scope_type,
                ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Class
            ) {
                let mangled = mangle(parent.private.as_deref(), &u.code.name);
                let pste = &self.st.scopes[parent.ste];
                if pste.scope_of(&mangled) == SymbolScope::GlobalExplicit {
                    force_global = true;
                }
            }
            if !force_global {
                if matches!(
                    parent.scope_type,
                    ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Lambda
                ) {
                    base = Some(format!("{}.<locals>", parent.code.qualname));
                } else if parent.scope_type != ScopeType::Module {
                    base = Some(parent.code.qualname.to_string());
                }
            }
        }
        let q = match base {
            Some(b) => format!("{b}.{}", u.code.name),
            None => u.code.name.to_string(),
        };
        self.um().code.qualname = Rc::from(q.as_str());
    }

    /// Finish the current unit: add the implicit return, compute its
    /// flags, assemble it and pop it.
    pub fn exit_scope_and_assemble(&mut self, add_none: bool) -> CResult<Rc<CodeObject>> {
        let cur = self.u().cur;
        if !self.u().code.block(cur).returns {
            self.unset_loc();
            if add_none {
                self.load_none();
            }
            self.op(Op::RETURN_VALUE);
        }
        let flags = self.compute_code_flags();
        let mut unit = self.units.pop().expect("unit");
        unit.code.flags = flags;
        let code = assemble(unit.code)?;
        Ok(Rc::new(code))
    }

    /// Pop the current unit without assembling (error paths).
    pub fn drop_scope(&mut self) {
        self.units.pop();
    }

    /// compute_code_flags.
    fn compute_code_flags(&self) -> u32 {
        let ste = self.ste();
        let mut flags = 0;
        if ste.typ == BlockType::Function {
            flags |= co::NEWLOCALS | co::OPTIMIZED;
            if ste.nested {
                flags |= co::NESTED;
            }
            match (ste.generator, ste.coroutine) {
                (true, false) => flags |= co::GENERATOR,
                (false, true) => flags |= co::COROUTINE,
                (true, true) => flags |= co::ASYNC_GENERATOR,
                _ => {}
            }
            if ste.varargs {
                flags |= co::VARARGS;
            }
            if ste.varkeywords {
                flags |= co::VARKEYWORDS;
            }
        }
        if self.future_annotations {
            flags |= co::FUTURE_ANNOTATIONS;
        }
        flags
    }

    // ----- the module ---------------------------------------------------

    pub fn compile_module(&mut self, body: &'a [ast::Stmt]) -> CResult<CodeObject> {
        // The module is always the symbol table's first scope.
        self.enter_module_scope()?;
        self.um().loc.lineno = 1;
        self.compile_body(body)?;
        let code = self.exit_scope_and_assemble(true)?;
        Ok(Rc::try_unwrap(code).unwrap_or_else(|rc| (*rc).clone()))
    }

    fn enter_module_scope(&mut self) -> CResult {
        let mut code = CodeUnit::new("<module>", "<module>", self.filename.clone());
        code.firstlineno = 1;
        self.units.push(Unit {
            code,
            ste: 0,
            scope_type: ScopeType::Module,
            cur: BlockId(0),
            private: None,
            fblocks: Vec::new(),
            loc: Location {
                lineno: 0,
                end_lineno: 1,
                col: 0,
                end_col: 0,
            },
            need_new_implicit_block: false,
        });
        self.emit(Op::RESUME, 0);
        self.um().loc.lineno = -1;
        Ok(())
    }

    /// compiler_body: docstring, SETUP_ANNOTATIONS, statements.
    pub fn compile_body(&mut self, stmts: &'a [ast::Stmt]) -> CResult {
        if self.u().scope_type == ScopeType::Module {
            if let Some(first) = stmts.first() {
                self.set_loc(first.range());
            }
        }
        if find_ann(stmts) {
            self.op(Op::SETUP_ANNOTATIONS);
        }
        if stmts.is_empty() {
            return Ok(());
        }
        let mut rest = stmts;
        if self.optimize < 2 && !self.interactive {
            if let Some(doc) = docstring(stmts) {
                if let ast::Stmt::Expr(e) = &stmts[0] {
                    self.set_loc(stmts[0].range());
                    self.visit_expr(&e.value)?;
                    let _ = doc;
                }
                self.unset_loc();
                self.nameop("__doc__", NameCtx::Store)?;
                rest = &stmts[1..];
            }
        }
        for s in rest {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    // ----- names ---------------------------------------------------------

    /// compiler_nameop: load/store/delete a variable by name.
    pub fn nameop(&mut self, name: &str, ctx: NameCtx) -> CResult {
        if name == "__debug__" {
            match ctx {
                NameCtx::Store => return self.error("cannot assign to __debug__"),
                NameCtx::Del => return self.error("cannot delete __debug__"),
                NameCtx::Load => {}
            }
        }
        let mangled = self.mangle(name);
        let ste = self.ste();
        let is_function = ste.typ == BlockType::Function;
        let scope = ste.scope_of(&mangled);
        enum Kind {
            Fast,
            Global,
            Deref(bool),
            Name,
        }
        let kind = match scope {
            SymbolScope::Free => Kind::Deref(true),
            SymbolScope::Cell => Kind::Deref(false),
            SymbolScope::Local if is_function => Kind::Fast,
            SymbolScope::GlobalImplicit if is_function => Kind::Global,
            SymbolScope::GlobalExplicit => Kind::Global,
            _ => Kind::Name,
        };
        match kind {
            Kind::Fast => {
                let op = match ctx {
                    NameCtx::Load => Op::LOAD_FAST,
                    NameCtx::Store => Op::STORE_FAST,
                    NameCtx::Del => Op::DELETE_FAST,
                };
                let i = self.um().code.varnames.insert(&mangled);
                self.emit(op, i);
            }
            Kind::Deref(free) => {
                let op = match ctx {
                    NameCtx::Load if ste.typ == BlockType::Class => Op::LOAD_CLASSDEREF,
                    NameCtx::Load => Op::LOAD_DEREF,
                    NameCtx::Store => Op::STORE_DEREF,
                    NameCtx::Del => Op::DELETE_DEREF,
                };
                let u = &mut self.um().code;
                let i = if free {
                    u.cellvars.len() as u32 + u.freevars.insert(&mangled)
                } else {
                    u.cellvars.insert(&mangled)
                };
                self.emit(op, i);
            }
            Kind::Global => {
                let (op, shift) = match ctx {
                    NameCtx::Load => (Op::LOAD_GLOBAL, true),
                    NameCtx::Store => (Op::STORE_GLOBAL, false),
                    NameCtx::Del => (Op::DELETE_GLOBAL, false),
                };
                let i = self.um().code.names.insert(&mangled);
                self.emit(op, if shift { i << 1 } else { i });
            }
            Kind::Name => {
                let op = match ctx {
                    NameCtx::Load => Op::LOAD_NAME,
                    NameCtx::Store => Op::STORE_NAME,
                    NameCtx::Del => Op::DELETE_NAME,
                };
                let i = self.um().code.names.insert(&mangled);
                self.emit(op, i);
            }
        }
        Ok(())
    }

    /// get_ref_type: how the current scope refers to `name` (for closures).
    fn ref_type(&self, name: &str) -> SymbolScope {
        if self.u().scope_type == ScopeType::Class && name == "__class__" {
            return SymbolScope::Cell;
        }
        self.ste().scope_of(name)
    }

    /// compiler_make_closure: push the function object for `code`.
    pub fn make_closure(&mut self, code: Rc<CodeObject>, mut flags: u32) -> CResult {
        let frees = code.freevars();
        if !frees.is_empty() {
            for name in &frees {
                let arg = if self.ref_type(name) == SymbolScope::Cell {
                    self.u().code.cellvars.get(name)
                } else {
                    self.u()
                        .code
                        .freevars
                        .get(name)
                        .map(|i| i + self.u().code.cellvars.len() as u32)
                };
                let Some(arg) = arg else {
                    return self.error(format!(
                        "compiler_lookup_arg(name='{name}') failed in {}",
                        self.u().code.name
                    ));
                };
                self.emit(Op::LOAD_CLOSURE, arg);
            }
            flags |= 0x08;
            self.emit(Op::BUILD_TUPLE, frees.len() as u32);
        }
        self.load_const(Constant::Code(code));
        self.emit(Op::MAKE_FUNCTION, flags);
        Ok(())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameCtx {
    Load,
    Store,
    Del,
}

impl From<&ast::ExprContext> for NameCtx {
    fn from(c: &ast::ExprContext) -> Self {
        match c {
            ast::ExprContext::Load => NameCtx::Load,
            ast::ExprContext::Store => NameCtx::Store,
            ast::ExprContext::Del => NameCtx::Del,
        }
    }
}

/// `_PyAST_GetDocString`: the first statement, if it is a string constant.
pub fn docstring(body: &[ast::Stmt]) -> Option<&str> {
    match body.first()? {
        ast::Stmt::Expr(e) => match &*e.value {
            ast::Expr::Constant(c) => match &c.value {
                ast::Constant::Str(s) => Some(s.as_str()),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// find_ann: does this block (not nested scopes) contain an annotated
/// assignment? Then the module/class body needs SETUP_ANNOTATIONS.
fn find_ann(stmts: &[ast::Stmt]) -> bool {
    use ast::Stmt as S;
    stmts.iter().any(|s| match s {
        S::AnnAssign(_) => true,
        S::For(f) => find_ann(&f.body) || find_ann(&f.orelse),
        S::AsyncFor(f) => find_ann(&f.body) || find_ann(&f.orelse),
        S::While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        S::If(i) => find_ann(&i.body) || find_ann(&i.orelse),
        S::With(w) => find_ann(&w.body),
        S::AsyncWith(w) => find_ann(&w.body),
        S::Try(t) => {
            t.handlers.iter().any(|h| {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                find_ann(&h.body)
            }) || find_ann(&t.body)
                || find_ann(&t.finalbody)
                || find_ann(&t.orelse)
        }
        S::TryStar(t) => {
            t.handlers.iter().any(|h| {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                find_ann(&h.body)
            }) || find_ann(&t.body)
                || find_ann(&t.finalbody)
                || find_ann(&t.orelse)
        }
        _ => false,
    })
}

/// Convert a parser constant to a code-object constant.
pub fn constant_from_ast(c: &ast::Constant, kind: Option<&str>) -> Constant {
    match c {
        ast::Constant::None => Constant::None,
        ast::Constant::Bool(b) => Constant::Bool(*b),
        ast::Constant::Str(s) => Constant::Str(Rc::from(s.as_str())),
        ast::Constant::Bytes(b) => Constant::Bytes(Rc::from(b.as_slice())),
        ast::Constant::Int(i) => Constant::Int(i.clone()),
        ast::Constant::Tuple(items) => {
            let items: Vec<Constant> = items.iter().map(|c| constant_from_ast(c, None)).collect();
            if kind == Some(crate::fold::FROZENSET_KIND) {
                Constant::FrozenSet(Rc::from(items))
            } else {
                Constant::Tuple(Rc::from(items))
            }
        }
        ast::Constant::Float(f) => Constant::Float(*f),
        ast::Constant::Complex { real, imag } => Constant::Complex {
            re: *real,
            im: *imag,
        },
        ast::Constant::Ellipsis => Constant::Ellipsis,
    }
}
