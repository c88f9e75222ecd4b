//! Statements (compile.c: compiler_visit_stmt and the compiler_* helpers
//! for each statement kind).

use std::rc::Rc;

use num_bigint::BigInt;
use rustpython_parser::ast::{self, Ranged};

use super::{docstring, CResult, Compiler, FBlock, NameCtx, ScopeType};
use crate::code::Constant;
use crate::ir::BlockId;
use crate::opcode::Op;
use crate::symtable::{node_key, BlockType};

impl<'a> Compiler<'a> {
    pub fn visit_stmts(&mut self, stmts: &'a [ast::Stmt]) -> CResult {
        for s in stmts {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    /// compiler_visit_stmt.
    pub fn visit_stmt(&mut self, s: &'a ast::Stmt) -> CResult {
        crate::with_stack(|| self.visit_stmt_inner(s))
    }

    fn visit_stmt_inner(&mut self, s: &'a ast::Stmt) -> CResult {
        use ast::Stmt as S;
        // Always assign a line number to the next instruction of a statement.
        let range = self.stmt_range(s);
        self.set_loc(range);
        match s {
            S::FunctionDef(f) => self.function_def(
                s,
                &f.name,
                &f.args,
                &f.body,
                &f.decorator_list,
                f.returns.as_deref(),
                false,
            ),
            S::AsyncFunctionDef(f) => self.function_def(
                s,
                &f.name,
                &f.args,
                &f.body,
                &f.decorator_list,
                f.returns.as_deref(),
                true,
            ),
            S::ClassDef(c) => self.class_def(s, c),
            S::Return(r) => self.return_stmt(s, r.value.as_deref()),
            S::Delete(d) => {
                for t in &d.targets {
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            S::Assign(a) => {
                self.visit_expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Op::COPY, 1);
                    }
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            S::AugAssign(a) => self.aug_assign(a),
            S::AnnAssign(a) => self.ann_assign(a),
            S::For(f) => self.for_stmt(f),
            S::AsyncFor(f) => self.async_for(f),
            S::While(w) => self.while_stmt(s, w),
            S::If(i) => self.if_stmt(i),
            S::Match(m) => self.match_stmt(m),
            S::Raise(r) => {
                let mut n = 0;
                if let Some(exc) = &r.exc {
                    self.visit_expr(exc)?;
                    n += 1;
                    if let Some(cause) = &r.cause {
                        self.visit_expr(cause)?;
                        n += 1;
                    }
                }
                self.emit(Op::RAISE_VARARGS, n);
                Ok(())
            }
            S::Try(t) => {
                if !t.finalbody.is_empty() {
                    self.try_finally(&t.body, &t.handlers, &t.orelse, &t.finalbody, false)
                } else {
                    self.try_except(&t.body, &t.handlers, &t.orelse)
                }
            }
            S::TryStar(t) => {
                if !t.finalbody.is_empty() {
                    self.try_finally(&t.body, &t.handlers, &t.orelse, &t.finalbody, true)
                } else {
                    self.try_star_except(&t.body, &t.handlers, &t.orelse)
                }
            }
            S::Assert(a) => self.assert_stmt(a),
            S::Import(i) => self.import(i),
            S::ImportFrom(i) => self.import_from(s, i),
            S::Global(_) | S::Nonlocal(_) => Ok(()),
            S::Expr(e) => self.stmt_expr(&e.value),
            S::Pass(_) => {
                self.op(Op::NOP);
                Ok(())
            }
            S::Break(_) => self.break_stmt(),
            S::Continue(_) => self.continue_stmt(),
            S::With(w) => self.with_stmt(s, &w.items, &w.body, 0),
            S::AsyncWith(w) => self.async_with(s, &w.items, &w.body, 0),
            S::TypeAlias(_) => self.error("invalid syntax"),
        }
    }

    fn stmt_expr(&mut self, value: &'a ast::Expr) -> CResult {
        if self.interactive && self.units.len() <= 1 {
            self.visit_expr(value)?;
            self.op(Op::PRINT_EXPR);
            return Ok(());
        }
        if let ast::Expr::Constant(_) = value {
            // A constant statement does nothing, but keeps its line.
            self.op(Op::NOP);
            return Ok(());
        }
        self.visit_expr(value)?;
        self.unset_loc();
        self.op(Op::POP_TOP);
        Ok(())
    }

    // ----- functions and classes ---------------------------------------

    fn check_debug_args(&self, args: &ast::Arguments) -> CResult {
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .map(|a| &a.def)
            .chain(args.vararg.as_deref())
            .chain(args.kwonlyargs.iter().map(|a| &a.def))
            .chain(args.kwarg.as_deref());
        for a in all {
            if a.arg.as_str() == "__debug__" {
                return self.error("cannot assign to __debug__");
            }
        }
        Ok(())
    }

    /// compiler_default_arguments: push defaults, returns MAKE_FUNCTION flags.
    pub fn default_arguments(&mut self, args: &'a ast::Arguments) -> CResult<u32> {
        let mut flags = 0;
        let defaults: Vec<&'a ast::Expr> = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .filter_map(|a| a.default.as_deref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.visit_expr(d)?;
            }
            self.emit(Op::BUILD_TUPLE, defaults.len() as u32);
            flags |= 0x01;
        }
        // Keyword-only defaults: a const-key dict.
        let mut keys = Vec::new();
        for a in &args.kwonlyargs {
            if let Some(d) = &a.default {
                keys.push(Constant::Str(Rc::from(
                    self.mangle(a.def.arg.as_str()).as_str(),
                )));
                self.visit_expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(Constant::Tuple(Rc::from(keys)));
            self.emit(Op::BUILD_CONST_KEY_MAP, n);
            flags |= 0x02;
        }
        Ok(flags)
    }

    fn arg_annotation(&mut self, id: &str, ann: Option<&'a ast::Expr>, n: &mut u32) -> CResult {
        let Some(ann) = ann else { return Ok(()) };
        let m = self.mangle(id);
        self.load_str(&m);
        if self.future_annotations {
            self.annotation_string(ann)?;
        } else if let ast::Expr::Starred(st) = ann {
            self.visit_expr(&st.value)?;
            self.emit(Op::UNPACK_SEQUENCE, 1);
        } else {
            self.visit_expr(ann)?;
        }
        *n += 2;
        Ok(())
    }

    /// compiler_visit_annotations: returns true if a tuple was pushed.
    fn annotations(
        &mut self,
        args: &'a ast::Arguments,
        returns: Option<&'a ast::Expr>,
    ) -> CResult<bool> {
        let mut n = 0;
        for a in &args.args {
            self.arg_annotation(a.def.arg.as_str(), a.def.annotation.as_deref(), &mut n)?;
        }
        for a in &args.posonlyargs {
            self.arg_annotation(a.def.arg.as_str(), a.def.annotation.as_deref(), &mut n)?;
        }
        if let Some(v) = &args.vararg {
            self.arg_annotation(v.arg.as_str(), v.annotation.as_deref(), &mut n)?;
        }
        for a in &args.kwonlyargs {
            self.arg_annotation(a.def.arg.as_str(), a.def.annotation.as_deref(), &mut n)?;
        }
        if let Some(k) = &args.kwarg {
            self.arg_annotation(k.arg.as_str(), k.annotation.as_deref(), &mut n)?;
        }
        self.arg_annotation("return", returns, &mut n)?;
        if n > 0 {
            self.emit(Op::BUILD_TUPLE, n);
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// Under `from __future__ import annotations`: the annotation's source
    /// text as CPython's unparser renders it.
    pub fn annotation_string(&mut self, ann: &'a ast::Expr) -> CResult {
        let text = crate::unparse::unparse_expr_in(ann, self.source);
        self.load_str(&text);
        Ok(())
    }

    fn decorators(&mut self, decos: &'a [ast::Expr]) -> CResult {
        for d in decos {
            self.visit_expr(d)?;
        }
        Ok(())
    }

    fn apply_decorators(&mut self, decos: &'a [ast::Expr]) {
        let saved = self.u().loc;
        for d in decos.iter().rev() {
            self.set_loc(d.range());
            self.emit(Op::PRECALL, 0);
            self.emit(Op::CALL, 0);
        }
        self.um().loc = saved;
    }

    /// The line a def/class starts on: its first decorator's, if any.
    fn first_line(&self, s: &ast::Stmt, decos: &[ast::Expr]) -> i32 {
        match decos.first() {
            Some(d) => self.loc_of(d.range()).lineno,
            None => self.def_lineno(s),
        }
    }

    /// The line of the `def`/`class` keyword itself. rustpython's range for
    /// a decorated definition starts at the first decorator; CPython's node
    /// starts at the keyword.
    pub fn def_lineno(&self, s: &ast::Stmt) -> i32 {
        self.loc_of(s.range()).lineno
    }

    #[allow(clippy::too_many_arguments)]
    fn function_def(
        &mut self,
        s: &'a ast::Stmt,
        name: &'a str,
        args: &'a ast::Arguments,
        body: &'a [ast::Stmt],
        decos: &'a [ast::Expr],
        returns: Option<&'a ast::Expr>,
        is_async: bool,
    ) -> CResult {
        self.check_debug_args(args)?;
        self.decorators(decos)?;
        let firstlineno = self.first_line(s, decos);
        let mut flags = self.default_arguments(args)?;
        if self.annotations(args, returns)? {
            flags |= 0x04;
        }
        let scope_type = if is_async {
            ScopeType::AsyncFunction
        } else {
            ScopeType::Function
        };
        self.enter_scope(name, scope_type, node_key(s), firstlineno)?;
        let doc = if self.optimize < 2 {
            docstring(body)
        } else {
            None
        };
        match doc {
            Some(d) => self.add_const(Constant::Str(Rc::from(d))),
            None => self.add_const(Constant::None),
        };
        {
            let u = &mut self.um().code;
            u.argcount = args.args.len() as u32;
            u.posonlyargcount = args.posonlyargs.len() as u32;
            u.kwonlyargcount = args.kwonlyargs.len() as u32;
        }
        let start = if doc.is_some() { 1 } else { 0 };
        for st in &body[start..] {
            if let Err(e) = self.visit_stmt(st) {
                self.drop_scope();
                return Err(e);
            }
        }
        let code = self.exit_scope_and_assemble(true)?;
        self.make_closure(code, flags)?;
        self.apply_decorators(decos);
        self.nameop(name, NameCtx::Store)
    }

    fn class_def(&mut self, s: &'a ast::Stmt, c: &'a ast::StmtClassDef) -> CResult {
        let decos = &c.decorator_list;
        self.decorators(decos)?;
        let firstlineno = self.first_line(s, decos);
        self.enter_scope(c.name.as_str(), ScopeType::Class, node_key(s), firstlineno)?;
        let r = self.class_body(c);
        if let Err(e) = r {
            self.drop_scope();
            return Err(e);
        }
        let code = self.exit_scope_and_assemble(true)?;
        self.op(Op::PUSH_NULL);
        self.op(Op::LOAD_BUILD_CLASS);
        self.make_closure(code, 0)?;
        self.load_str(c.name.as_str());
        self.call_helper(2, &c.bases, &c.keywords)?;
        self.apply_decorators(decos);
        self.nameop(c.name.as_str(), NameCtx::Store)
    }

    fn class_body(&mut self, c: &'a ast::StmtClassDef) -> CResult {
        self.um().private = Some(c.name.to_string());
        self.nameop("__name__", NameCtx::Load)?;
        self.nameop("__module__", NameCtx::Store)?;
        let q = self.u().code.qualname.clone();
        self.load_const(Constant::Str(q));
        self.nameop("__qualname__", NameCtx::Store)?;
        self.compile_body(&c.body)?;
        self.unset_loc();
        if self.ste().needs_class_closure {
            self.emit(Op::LOAD_CLOSURE, 0);
            self.emit(Op::COPY, 1);
            self.nameop("__classcell__", NameCtx::Store)?;
        } else {
            self.load_none();
        }
        self.op(Op::RETURN_VALUE);
        Ok(())
    }

    // ----- simple statements --------------------------------------------

    fn return_stmt(&mut self, s: &'a ast::Stmt, value: Option<&'a ast::Expr>) -> CResult {
        let preserve_tos = matches!(value, Some(v) if !matches!(v, ast::Expr::Constant(_)));
        if self.ste().typ != BlockType::Function {
            return self.error("'return' outside function");
        }
        if value.is_some() && self.ste().coroutine && self.ste().generator {
            return self.error("'return' with value in async generator");
        }
        if preserve_tos {
            self.visit_expr(value.unwrap())?;
        } else if let Some(v) = value {
            self.set_loc(v.range());
            self.op(Op::NOP);
        }
        let s_line = self.loc_of(s.range()).lineno;
        if value.is_none_or(|v| self.loc_of(v.range()).lineno != s_line) {
            self.set_loc(s.range());
            self.op(Op::NOP);
        }
        self.unwind_fblock_stack(preserve_tos, false)?;
        match value {
            None => self.load_none(),
            Some(ast::Expr::Constant(c)) if !preserve_tos => {
                let k = super::constant_from_ast(&c.value, c.kind.as_deref());
                self.load_const(k)
            }
            _ => {}
        }
        self.op(Op::RETURN_VALUE);
        Ok(())
    }

    fn break_stmt(&mut self) -> CResult {
        let saved = self.u().loc;
        self.op(Op::NOP);
        let Some(loop_idx) = self.unwind_fblock_stack(false, true)? else {
            self.um().loc = saved;
            return self.error("'break' outside loop");
        };
        let fb = self.u().fblocks[loop_idx].clone();
        self.unwind_fblock(&fb, false)?;
        let exit = match fb {
            FBlock::WhileLoop { exit, .. } | FBlock::ForLoop { exit, .. } => exit,
            _ => unreachable!("loop fblock"),
        };
        self.jump(Op::JUMP, exit);
        Ok(())
    }

    fn continue_stmt(&mut self) -> CResult {
        let saved = self.u().loc;
        self.op(Op::NOP);
        let Some(loop_idx) = self.unwind_fblock_stack(false, true)? else {
            self.um().loc = saved;
            return self.error("'continue' not properly in loop");
        };
        let start = match self.u().fblocks[loop_idx] {
            FBlock::WhileLoop { start, .. } | FBlock::ForLoop { start, .. } => start,
            _ => unreachable!("loop fblock"),
        };
        self.jump(Op::JUMP, start);
        Ok(())
    }

    /// compiler_unwind_fblock.
    fn unwind_fblock(&mut self, fb: &FBlock<'a>, preserve_tos: bool) -> CResult {
        match fb {
            FBlock::WhileLoop { .. }
            | FBlock::ExceptionHandler
            | FBlock::ExceptionGroupHandler
            | FBlock::AsyncComprehensionGenerator => {}
            FBlock::ForLoop { .. } => {
                if preserve_tos {
                    self.emit(Op::SWAP, 2);
                }
                self.op(Op::POP_TOP);
            }
            FBlock::TryExcept => self.op(Op::POP_BLOCK),
            FBlock::FinallyTry { body } => {
                self.op(Op::POP_BLOCK);
                if preserve_tos {
                    self.push_fblock(FBlock::PopValue)?;
                }
                self.visit_stmts(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
                self.unset_loc();
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(Op::SWAP, 2);
                }
                self.op(Op::POP_TOP);
                if preserve_tos {
                    self.emit(Op::SWAP, 2);
                }
                self.op(Op::POP_BLOCK);
                self.op(Op::POP_EXCEPT);
            }
            FBlock::With { loc } | FBlock::AsyncWith { loc } => {
                self.um().loc = *loc;
                self.op(Op::POP_BLOCK);
                if preserve_tos {
                    self.emit(Op::SWAP, 2);
                }
                self.call_exit_with_nones();
                if matches!(fb, FBlock::AsyncWith { .. }) {
                    self.emit(Op::GET_AWAITABLE, 2);
                    self.load_none();
                    self.add_yield_from(true);
                }
                self.op(Op::POP_TOP);
                self.unset_loc();
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.op(Op::POP_BLOCK);
                }
                if preserve_tos {
                    self.emit(Op::SWAP, 2);
                }
                self.op(Op::POP_BLOCK);
                self.op(Op::POP_EXCEPT);
                if let Some(name) = name {
                    self.clear_handler_name(name)?;
                }
            }
            FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Op::SWAP, 2);
                }
                self.op(Op::POP_TOP);
            }
        }
        Ok(())
    }

    /// compiler_unwind_fblock_stack. With `stop_at_loop`, stops at the
    /// innermost loop and returns its index (None if there is no loop).
    fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        stop_at_loop: bool,
    ) -> CResult<Option<usize>> {
        let Some(top) = self.u().fblocks.last().cloned() else {
            return Ok(None);
        };
        if matches!(top, FBlock::ExceptionGroupHandler) {
            return self
                .error("'break', 'continue' and 'return' cannot appear in an except* block");
        }
        if stop_at_loop && matches!(top, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }) {
            return Ok(Some(self.u().fblocks.len() - 1));
        }
        self.um().fblocks.pop();
        self.unwind_fblock(&top, preserve_tos)?;
        let r = self.unwind_fblock_stack(preserve_tos, stop_at_loop)?;
        self.um().fblocks.push(top);
        Ok(r)
    }

    /// `name = None; del name`: unbind an `except ... as name` target
    /// (assigning first in case the handler body deleted it).
    fn clear_handler_name(&mut self, name: &str) -> CResult {
        self.load_none();
        self.nameop(name, NameCtx::Store)?;
        self.nameop(name, NameCtx::Del)
    }

    pub fn call_exit_with_nones(&mut self) {
        self.load_none();
        self.load_none();
        self.load_none();
        self.emit(Op::PRECALL, 2);
        self.emit(Op::CALL, 2);
    }

    /// compiler_add_yield_from: the SEND / YIELD_VALUE loop.
    pub fn add_yield_from(&mut self, is_await: bool) {
        let start = self.new_block();
        let resume = self.new_block();
        let exit = self.new_block();
        self.use_next_block(start);
        self.jump(Op::SEND, exit);
        self.use_next_block(resume);
        self.op(Op::YIELD_VALUE);
        self.emit(Op::RESUME, if is_await { 3 } else { 2 });
        self.jump(Op::JUMP_NO_INTERRUPT, start);
        self.use_next_block(exit);
    }

    fn pop_except_and_reraise(&mut self) {
        self.emit(Op::COPY, 3);
        self.op(Op::POP_EXCEPT);
        self.emit(Op::RERAISE, 1);
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult {
        let e = &*a.target;
        let saved = self.u().loc;
        self.set_loc(e.range());
        match e {
            ast::Expr::Attribute(at) => {
                self.visit_expr(&at.value)?;
                self.emit(Op::COPY, 1);
                self.update_start_location_to_match_attr(e);
                self.emit_name(Op::LOAD_ATTR, at.attr.as_str());
            }
            ast::Expr::Subscript(sub) => {
                self.visit_expr(&sub.value)?;
                self.visit_expr(&sub.slice)?;
                self.emit(Op::COPY, 2);
                self.emit(Op::COPY, 2);
                self.op(Op::BINARY_SUBSCR);
            }
            ast::Expr::Name(n) => self.nameop(n.id.as_str(), NameCtx::Load)?,
            _ => return self.error("invalid node type for augmented assignment"),
        }
        self.um().loc = saved;
        self.visit_expr(&a.value)?;
        self.emit(
            Op::BINARY_OP,
            super::expr::binop_arg(&a.op) + crate::opcode::nb::INPLACE,
        );
        self.set_loc(e.range());
        match e {
            ast::Expr::Attribute(at) => {
                self.update_start_location_to_match_attr(e);
                self.emit(Op::SWAP, 2);
                self.emit_name(Op::STORE_ATTR, at.attr.as_str());
            }
            ast::Expr::Subscript(_) => {
                self.emit(Op::SWAP, 3);
                self.emit(Op::SWAP, 2);
                self.op(Op::STORE_SUBSCR);
            }
            ast::Expr::Name(n) => self.nameop(n.id.as_str(), NameCtx::Store)?,
            _ => unreachable!(),
        }
        Ok(())
    }

    fn check_ann_expr(&mut self, e: &'a ast::Expr) -> CResult {
        self.visit_expr(e)?;
        self.op(Op::POP_TOP);
        Ok(())
    }

    fn check_ann_subscr(&mut self, e: &'a ast::Expr) -> CResult {
        match e {
            ast::Expr::Slice(sl) => {
                for part in [&sl.lower, &sl.upper, &sl.step].into_iter().flatten() {
                    self.check_ann_expr(part)?;
                }
                Ok(())
            }
            ast::Expr::Tuple(t) => {
                for el in &t.elts {
                    self.check_ann_subscr(el)?;
                }
                Ok(())
            }
            _ => self.check_ann_expr(e),
        }
    }

    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult {
        let targ = &*a.target;
        if let Some(v) = &a.value {
            self.visit_expr(v)?;
            self.visit_expr(targ)?;
        }
        let module_or_class = matches!(self.u().scope_type, ScopeType::Module | ScopeType::Class);
        match targ {
            ast::Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    return self.error("cannot assign to __debug__");
                }
                if crate::symtable::is_simple_ann_assign(a) && module_or_class {
                    if self.future_annotations {
                        self.annotation_string(&a.annotation)?;
                    } else {
                        self.visit_expr(&a.annotation)?;
                    }
                    self.emit_name(Op::LOAD_NAME, "__annotations__");
                    let m = self.mangle(n.id.as_str());
                    self.load_str(&m);
                    self.op(Op::STORE_SUBSCR);
                }
            }
            ast::Expr::Attribute(at) => {
                if at.attr.as_str() == "__debug__" {
                    return self.error("cannot assign to __debug__");
                }
                if a.value.is_none() {
                    self.check_ann_expr(&at.value)?;
                }
            }
            ast::Expr::Subscript(sub) => {
                if a.value.is_none() {
                    self.check_ann_expr(&sub.value)?;
                    self.check_ann_subscr(&sub.slice)?;
                }
            }
            _ => return self.error("invalid node type for annotated assignment"),
        }
        if !crate::symtable::is_simple_ann_assign(a) && !self.future_annotations && module_or_class
        {
            self.check_ann_expr(&a.annotation)?;
        }
        Ok(())
    }

    fn assert_stmt(&mut self, a: &'a ast::StmtAssert) -> CResult {
        if self.optimize > 0 {
            return Ok(());
        }
        let end = self.new_block();
        self.jump_if(&a.test, end, true)?;
        self.op(Op::LOAD_ASSERTION_ERROR);
        if let Some(msg) = &a.msg {
            self.visit_expr(msg)?;
            self.emit(Op::PRECALL, 0);
            self.emit(Op::CALL, 0);
        }
        self.emit(Op::RAISE_VARARGS, 1);
        self.use_next_block(end);
        Ok(())
    }

    fn import(&mut self, imp: &'a ast::StmtImport) -> CResult {
        for alias in &imp.names {
            self.load_const(Constant::Int(BigInt::from(0)));
            self.load_none();
            self.emit_name(Op::IMPORT_NAME, alias.name.as_str());
            let name = alias.name.as_str();
            if let Some(asname) = &alias.asname {
                if let Some(dot) = name.find('.') {
                    // import a.b.c as d: walk the attributes.
                    let parts: Vec<&str> = name[dot + 1..].split('.').collect();
                    for (i, attr) in parts.iter().enumerate() {
                        self.emit_name_raw(Op::IMPORT_FROM, attr);
                        if i + 1 < parts.len() {
                            self.emit(Op::SWAP, 2);
                            self.op(Op::POP_TOP);
                        }
                    }
                    self.nameop(asname.as_str(), NameCtx::Store)?;
                    self.op(Op::POP_TOP);
                } else {
                    self.nameop(asname.as_str(), NameCtx::Store)?;
                }
            } else {
                let base = name.split('.').next().unwrap_or(name);
                self.nameop(base, NameCtx::Store)?;
            }
        }
        Ok(())
    }

    fn import_from(&mut self, s: &'a ast::Stmt, imp: &'a ast::StmtImportFrom) -> CResult {
        let level = imp.level.map_or(0, |l| l.to_u32());
        if imp.module.as_deref() == Some("__future__")
            && self.loc_of(s.range()).lineno > self.st.future_lineno
        {
            return self.error("from __future__ imports must occur at the beginning of the file");
        }
        self.load_const(Constant::Int(BigInt::from(level)));
        let names: Vec<Constant> = imp
            .names
            .iter()
            .map(|a| Constant::Str(Rc::from(a.name.as_str())))
            .collect();
        self.load_const(Constant::Tuple(Rc::from(names)));
        let module = imp.module.as_ref().map_or("", |m| m.as_str());
        self.emit_name(Op::IMPORT_NAME, module);
        for (i, alias) in imp.names.iter().enumerate() {
            if i == 0 && alias.name.as_str().starts_with('*') {
                if self.ste().typ != BlockType::Module {
                    return self.error("import * only allowed at module level");
                }
                self.op(Op::IMPORT_STAR);
                return Ok(());
            }
            self.emit_name(Op::IMPORT_FROM, alias.name.as_str());
            let store = alias.asname.as_ref().unwrap_or(&alias.name);
            self.nameop(store.as_str(), NameCtx::Store)?;
        }
        self.op(Op::POP_TOP);
        Ok(())
    }

    // ----- control flow ---------------------------------------------------

    fn if_stmt(&mut self, s: &'a ast::StmtIf) -> CResult {
        let end = self.new_block();
        let next = if !s.orelse.is_empty() {
            self.new_block()
        } else {
            end
        };
        self.jump_if(&s.test, next, false)?;
        self.visit_stmts(&s.body)?;
        if !s.orelse.is_empty() {
            self.jump_noline(Op::JUMP, end);
            self.use_next_block(next);
            self.visit_stmts(&s.orelse)?;
        }
        self.use_next_block(end);
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult {
        let start = self.new_block();
        let body = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.push_fblock(FBlock::ForLoop { start, exit: end })?;
        self.visit_expr(&f.iter)?;
        self.op(Op::GET_ITER);
        self.use_next_block(start);
        self.jump(Op::FOR_ITER, cleanup);
        self.use_next_block(body);
        self.visit_expr(&f.target)?;
        self.visit_stmts(&f.body)?;
        self.unset_loc();
        self.jump(Op::JUMP, start);
        self.use_next_block(cleanup);
        self.pop_fblock();
        self.visit_stmts(&f.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn check_async_allowed(&mut self, what: &str) -> CResult {
        if self.u().scope_type != ScopeType::AsyncFunction {
            return self.error(format!("'{what}' outside async function"));
        }
        Ok(())
    }

    fn async_for(&mut self, f: &'a ast::StmtAsyncFor) -> CResult {
        self.check_async_allowed("async for")?;
        let start = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        self.visit_expr(&f.iter)?;
        self.op(Op::GET_AITER);
        self.use_next_block(start);
        self.push_fblock(FBlock::ForLoop { start, exit: end })?;
        self.jump(Op::SETUP_FINALLY, except);
        self.op(Op::GET_ANEXT);
        self.load_none();
        self.add_yield_from(true);
        self.op(Op::POP_BLOCK);
        self.visit_expr(&f.target)?;
        self.visit_stmts(&f.body)?;
        self.unset_loc();
        self.jump(Op::JUMP, start);
        self.pop_fblock();
        self.use_next_block(except);
        self.set_loc(f.iter.range());
        self.op(Op::END_ASYNC_FOR);
        self.visit_stmts(&f.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn while_stmt(&mut self, s: &'a ast::Stmt, w: &'a ast::StmtWhile) -> CResult {
        let loop_ = self.new_block();
        let body = self.new_block();
        let anchor = self.new_block();
        let end = self.new_block();
        self.use_next_block(loop_);
        self.push_fblock(FBlock::WhileLoop {
            start: loop_,
            exit: end,
        })?;
        self.jump_if(&w.test, anchor, false)?;
        self.use_next_block(body);
        self.visit_stmts(&w.body)?;
        self.set_loc(self.stmt_range(s));
        self.jump_if(&w.test, body, true)?;
        self.pop_fblock();
        self.use_next_block(anchor);
        self.visit_stmts(&w.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn try_finally(
        &mut self,
        body: &'a [ast::Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [ast::Stmt],
        finalbody: &'a [ast::Stmt],
        star: bool,
    ) -> CResult {
        let body_b = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.jump(Op::SETUP_FINALLY, end);
        self.use_next_block(body_b);
        self.push_fblock(FBlock::FinallyTry { body: finalbody })?;
        if !handlers.is_empty() {
            if star {
                self.try_star_except(body, handlers, orelse)?;
            } else {
                self.try_except(body, handlers, orelse)?;
            }
        } else {
            self.visit_stmts(body)?;
        }
        self.emit_noline(Op::POP_BLOCK, 0);
        self.pop_fblock();
        self.visit_stmts(finalbody)?;
        self.jump_noline(Op::JUMP, exit);
        self.use_next_block(end);
        self.unset_loc();
        self.jump(Op::SETUP_CLEANUP, cleanup);
        self.op(Op::PUSH_EXC_INFO);
        self.push_fblock(FBlock::FinallyEnd)?;
        self.visit_stmts(finalbody)?;
        self.pop_fblock();
        self.emit(Op::RERAISE, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        Ok(())
    }

    fn try_except(
        &mut self,
        body: &'a [ast::Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [ast::Stmt],
    ) -> CResult {
        let body_b = self.new_block();
        let mut except = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        self.jump(Op::SETUP_FINALLY, except);
        self.use_next_block(body_b);
        self.push_fblock(FBlock::TryExcept)?;
        self.visit_stmts(body)?;
        self.pop_fblock();
        self.emit_noline(Op::POP_BLOCK, 0);
        self.visit_stmts(orelse)?;
        self.jump_noline(Op::JUMP, end);
        let n = handlers.len();
        self.use_next_block(except);
        self.unset_loc();
        self.jump(Op::SETUP_CLEANUP, cleanup);
        self.op(Op::PUSH_EXC_INFO);
        self.push_fblock(FBlock::ExceptionHandler)?;
        for (i, h) in handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            if h.type_.is_none() && i + 1 < n {
                return self.error("default 'except:' must be last");
            }
            except = self.new_block();
            if let Some(t) = &h.type_ {
                self.visit_expr(t)?;
                self.op(Op::CHECK_EXC_MATCH);
                self.jump(Op::POP_JUMP_IF_FALSE, except);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_block();
                let cleanup_body = self.new_block();
                self.nameop(name.as_str(), NameCtx::Store)?;
                self.jump(Op::SETUP_CLEANUP, cleanup_end);
                self.use_next_block(cleanup_body);
                self.push_fblock(FBlock::HandlerCleanup {
                    name: Some(name.to_string()),
                })?;
                self.visit_stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.op(Op::POP_BLOCK);
                self.op(Op::POP_BLOCK);
                self.op(Op::POP_EXCEPT);
                self.clear_handler_name(name.as_str())?;
                self.jump(Op::JUMP, end);
                self.use_next_block(cleanup_end);
                self.unset_loc();
                self.clear_handler_name(name.as_str())?;
                self.emit(Op::RERAISE, 1);
            } else {
                let cleanup_body = self.new_block();
                self.op(Op::POP_TOP);
                self.use_next_block(cleanup_body);
                self.push_fblock(FBlock::HandlerCleanup { name: None })?;
                self.visit_stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.op(Op::POP_BLOCK);
                self.op(Op::POP_EXCEPT);
                self.jump(Op::JUMP, end);
            }
            self.use_next_block(except);
        }
        self.unset_loc();
        self.pop_fblock();
        self.emit(Op::RERAISE, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(end);
        Ok(())
    }

    fn try_star_except(
        &mut self,
        body: &'a [ast::Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [ast::Stmt],
    ) -> CResult {
        let body_b = self.new_block();
        let mut except = self.new_block();
        let orelse_b = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        let reraise_star = self.new_block();
        self.jump(Op::SETUP_FINALLY, except);
        self.use_next_block(body_b);
        self.push_fblock(FBlock::TryExcept)?;
        self.visit_stmts(body)?;
        self.pop_fblock();
        self.emit_noline(Op::POP_BLOCK, 0);
        self.jump_noline(Op::JUMP, orelse_b);
        let n = handlers.len();
        self.use_next_block(except);
        self.unset_loc();
        self.jump(Op::SETUP_CLEANUP, cleanup);
        self.op(Op::PUSH_EXC_INFO);
        self.push_fblock(FBlock::ExceptionGroupHandler)?;
        // This follows CPython 3.11.7, whose except* codegen (gh-103590)
        // differs from 3.11.2's: a failed match jumps to a POP_TOP of its own.
        for (i, h) in handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            let handler_loc = self.u().loc;
            except = self.new_block();
            let except_with_error = self.new_block();
            let no_match = self.new_block();
            if i == 0 {
                // [exc] -> [orig, [], exc]: the original group and a list
                // collecting what the handlers raise.
                self.emit(Op::COPY, 1);
                self.emit(Op::BUILD_LIST, 0);
                self.emit(Op::SWAP, 2);
            }
            if let Some(t) = &h.type_ {
                self.visit_expr(t)?;
                self.op(Op::CHECK_EG_MATCH);
                self.emit(Op::COPY, 1);
                self.jump(Op::POP_JUMP_IF_NONE, no_match);
            }
            let cleanup_end = self.new_block();
            let cleanup_body = self.new_block();
            match &h.name {
                Some(name) => self.nameop(name.as_str(), NameCtx::Store)?,
                None => self.op(Op::POP_TOP),
            }
            self.jump(Op::SETUP_CLEANUP, cleanup_end);
            self.use_next_block(cleanup_body);
            self.push_fblock(FBlock::HandlerCleanup {
                name: h.name.as_ref().map(|n| n.to_string()),
            })?;
            self.visit_stmts(&h.body)?;
            self.pop_fblock();
            self.unset_loc();
            self.op(Op::POP_BLOCK);
            if let Some(name) = &h.name {
                self.clear_handler_name(name.as_str())?;
            }
            self.jump(Op::JUMP, except);
            self.use_next_block(cleanup_end);
            self.unset_loc();
            if let Some(name) = &h.name {
                self.clear_handler_name(name.as_str())?;
            }
            self.emit(Op::LIST_APPEND, 3);
            self.op(Op::POP_TOP);
            self.jump(Op::JUMP, except_with_error);
            self.use_next_block(except);
            // A NOP to carry a propagated line number.
            self.emit_noline(Op::NOP, 0);
            self.jump_noline(Op::JUMP, except_with_error);
            self.use_next_block(no_match);
            self.um().loc = handler_loc;
            self.op(Op::POP_TOP);
            self.unset_loc();
            self.use_next_block(except_with_error);
            if i + 1 == n {
                self.emit(Op::LIST_APPEND, 1);
                self.jump(Op::JUMP, reraise_star);
            }
        }
        self.unset_loc();
        self.pop_fblock();
        let reraise = self.new_block();
        self.use_next_block(reraise_star);
        self.op(Op::PREP_RERAISE_STAR);
        self.emit(Op::COPY, 1);
        self.jump(Op::POP_JUMP_IF_NOT_NONE, reraise);
        self.op(Op::POP_TOP);
        self.op(Op::POP_BLOCK);
        self.op(Op::POP_EXCEPT);
        self.jump(Op::JUMP, end);
        self.use_next_block(reraise);
        self.op(Op::POP_BLOCK);
        self.emit(Op::SWAP, 2);
        self.op(Op::POP_EXCEPT);
        self.emit(Op::RERAISE, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(orelse_b);
        self.visit_stmts(orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn with_except_finish(&mut self, cleanup: BlockId) {
        self.unset_loc();
        let exit = self.new_block();
        self.jump(Op::POP_JUMP_IF_TRUE, exit);
        self.emit(Op::RERAISE, 2);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        self.op(Op::POP_TOP);
        self.op(Op::POP_BLOCK);
        self.op(Op::POP_EXCEPT);
        self.op(Op::POP_TOP);
        self.op(Op::POP_TOP);
    }

    fn with_stmt(
        &mut self,
        s: &'a ast::Stmt,
        items: &'a [ast::WithItem],
        body: &'a [ast::Stmt],
        pos: usize,
    ) -> CResult {
        let item = &items[pos];
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.visit_expr(&item.context_expr)?;
        self.op(Op::BEFORE_WITH);
        self.jump(Op::SETUP_WITH, final_);
        self.use_next_block(block);
        let loc = self.loc_of(self.stmt_range(s));
        self.push_fblock(FBlock::With { loc })?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.op(Op::POP_TOP),
        }
        if pos + 1 == items.len() {
            self.visit_stmts(body)?;
        } else {
            self.with_stmt(s, items, body, pos + 1)?;
        }
        self.unset_loc();
        self.op(Op::POP_BLOCK);
        self.pop_fblock();
        self.set_loc(self.stmt_range(s));
        self.call_exit_with_nones();
        self.op(Op::POP_TOP);
        self.jump(Op::JUMP, exit);
        self.use_next_block(final_);
        self.jump(Op::SETUP_CLEANUP, cleanup);
        self.op(Op::PUSH_EXC_INFO);
        self.op(Op::WITH_EXCEPT_START);
        self.with_except_finish(cleanup);
        self.use_next_block(exit);
        Ok(())
    }

    fn async_with(
        &mut self,
        s: &'a ast::Stmt,
        items: &'a [ast::WithItem],
        body: &'a [ast::Stmt],
        pos: usize,
    ) -> CResult {
        self.check_async_allowed("async with")?;
        let item = &items[pos];
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.visit_expr(&item.context_expr)?;
        self.op(Op::BEFORE_ASYNC_WITH);
        self.emit(Op::GET_AWAITABLE, 1);
        self.load_none();
        self.add_yield_from(true);
        self.jump(Op::SETUP_WITH, final_);
        self.use_next_block(block);
        let loc = self.loc_of(self.stmt_range(s));
        self.push_fblock(FBlock::AsyncWith { loc })?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.op(Op::POP_TOP),
        }
        if pos + 1 == items.len() {
            self.visit_stmts(body)?;
        } else {
            self.async_with(s, items, body, pos + 1)?;
        }
        self.pop_fblock();
        self.op(Op::POP_BLOCK);
        self.set_loc(self.stmt_range(s));
        self.call_exit_with_nones();
        self.emit(Op::GET_AWAITABLE, 2);
        self.load_none();
        self.add_yield_from(true);
        self.op(Op::POP_TOP);
        self.jump(Op::JUMP, exit);
        self.use_next_block(final_);
        self.jump(Op::SETUP_CLEANUP, cleanup);
        self.op(Op::PUSH_EXC_INFO);
        self.op(Op::WITH_EXCEPT_START);
        self.emit(Op::GET_AWAITABLE, 2);
        self.load_none();
        self.add_yield_from(true);
        self.with_except_finish(cleanup);
        self.use_next_block(exit);
        Ok(())
    }
}
