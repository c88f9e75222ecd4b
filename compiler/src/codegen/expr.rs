//! Expressions (compile.c: compiler_visit_expr1 and its helpers: calls,
//! collection displays, comprehensions, f-strings, conditional jumps).

use std::rc::Rc;

use rustpython_parser::ast::{self, Ranged};

use super::{constant_from_ast, CResult, Compiler, FBlock, NameCtx, ScopeType};
use crate::code::Constant;
use crate::ir::BlockId;
use crate::opcode::{nb, Op};
use crate::symtable::{flag, node_key, BlockType};

/// CPython's STACK_USE_GUIDELINE: above this many items, build collections
/// and calls incrementally instead of all on the stack.
const STACK_USE_GUIDELINE: usize = 30;

/// The BINARY_OP argument for an operator (non-inplace form).
pub fn binop_arg(op: &ast::Operator) -> u32 {
    use ast::Operator as O;
    match op {
        O::Add => nb::ADD,
        O::Sub => nb::SUBTRACT,
        O::Mult => nb::MULTIPLY,
        O::MatMult => nb::MATRIX_MULTIPLY,
        O::Div => nb::TRUE_DIVIDE,
        O::Mod => nb::REMAINDER,
        O::Pow => nb::POWER,
        O::LShift => nb::LSHIFT,
        O::RShift => nb::RSHIFT,
        O::BitOr => nb::OR,
        O::BitXor => nb::XOR,
        O::BitAnd => nb::AND,
        O::FloorDiv => nb::FLOOR_DIVIDE,
    }
}

/// The kind of comprehension being compiled.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Comp {
    GenExp,
    List,
    Set,
    Dict,
}

/// Which collection a starred display builds.
struct Collection {
    build: Op,
    add: Op,
    extend: Op,
    tuple: bool,
}

const LIST: Collection = Collection {
    build: Op::BUILD_LIST,
    add: Op::LIST_APPEND,
    extend: Op::LIST_EXTEND,
    tuple: false,
};
const TUPLE: Collection = Collection {
    build: Op::BUILD_LIST,
    add: Op::LIST_APPEND,
    extend: Op::LIST_EXTEND,
    tuple: true,
};
const SET: Collection = Collection {
    build: Op::BUILD_SET,
    add: Op::SET_ADD,
    extend: Op::SET_UPDATE,
    tuple: false,
};

fn is_const(e: &ast::Expr) -> bool {
    matches!(e, ast::Expr::Constant(_))
}

fn const_value(e: &ast::Expr) -> Constant {
    match e {
        ast::Expr::Constant(c) => constant_from_ast(&c.value, c.kind.as_deref()),
        _ => unreachable!("not a constant"),
    }
}

impl<'a> Compiler<'a> {
    /// compiler_visit_expr: compile `e` with its own location, restoring
    /// the enclosing location afterwards.
    pub fn visit_expr(&mut self, e: &'a ast::Expr) -> CResult {
        let saved = self.u().loc;
        let range = self.expr_range(e);
        self.set_loc(range);
        let r = crate::with_stack(|| self.visit_expr1(e));
        self.um().loc = saved;
        r
    }

    fn visit_expr1(&mut self, e: &'a ast::Expr) -> CResult {
        use ast::Expr as E;
        match e {
            E::NamedExpr(n) => {
                self.visit_expr(&n.value)?;
                self.emit(Op::COPY, 1);
                self.visit_expr(&n.target)
            }
            E::BoolOp(b) => self.boolop(b),
            E::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
                self.emit(Op::BINARY_OP, binop_arg(&b.op));
                Ok(())
            }
            E::UnaryOp(u) => {
                self.visit_expr(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::Invert => Op::UNARY_INVERT,
                    ast::UnaryOp::Not => Op::UNARY_NOT,
                    ast::UnaryOp::UAdd => Op::UNARY_POSITIVE,
                    ast::UnaryOp::USub => Op::UNARY_NEGATIVE,
                };
                self.op(op);
                Ok(())
            }
            E::Lambda(l) => self.lambda(e, l),
            E::IfExp(i) => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(&i.test, next, false)?;
                self.visit_expr(&i.body)?;
                self.jump_noline(Op::JUMP, end);
                self.use_next_block(next);
                self.visit_expr(&i.orelse)?;
                self.use_next_block(end);
                Ok(())
            }
            E::Dict(d) => self.dict(d),
            E::Set(s) => self.starunpack(&s.elts, 0, &SET),
            E::GeneratorExp(g) => {
                self.comprehension(e, Comp::GenExp, "<genexpr>", &g.generators, &g.elt, None)
            }
            E::ListComp(l) => {
                self.comprehension(e, Comp::List, "<listcomp>", &l.generators, &l.elt, None)
            }
            E::SetComp(s) => {
                self.comprehension(e, Comp::Set, "<setcomp>", &s.generators, &s.elt, None)
            }
            E::DictComp(d) => self.comprehension(
                e,
                Comp::Dict,
                "<dictcomp>",
                &d.generators,
                &d.key,
                Some(&d.value),
            ),
            E::Yield(y) => {
                if self.ste().typ != BlockType::Function {
                    return self.error("'yield' outside function");
                }
                match &y.value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_none(),
                }
                self.add_yield();
                Ok(())
            }
            E::YieldFrom(y) => {
                if self.ste().typ != BlockType::Function {
                    return self.error("'yield' outside function");
                }
                if self.u().scope_type == ScopeType::AsyncFunction {
                    return self.error("'yield from' inside async function");
                }
                self.visit_expr(&y.value)?;
                self.op(Op::GET_YIELD_FROM_ITER);
                self.load_none();
                self.add_yield_from(false);
                Ok(())
            }
            E::Await(a) => {
                if self.ste().typ != BlockType::Function {
                    return self.error("'await' outside function");
                }
                if !matches!(
                    self.u().scope_type,
                    ScopeType::AsyncFunction | ScopeType::Comprehension
                ) {
                    return self.error("'await' outside async function");
                }
                self.visit_expr(&a.value)?;
                self.emit(Op::GET_AWAITABLE, 0);
                self.load_none();
                self.add_yield_from(true);
                Ok(())
            }
            E::Compare(c) => self.compare(c),
            E::Call(c) => self.call(c),
            E::Constant(c) => {
                self.load_const(constant_from_ast(&c.value, c.kind.as_deref()));
                Ok(())
            }
            E::JoinedStr(j) => self.joined_str(j),
            E::FormattedValue(f) => self.formatted_value(f),
            E::Attribute(a) => {
                self.visit_expr(&a.value)?;
                self.update_start_location_to_match_attr(e);
                match a.ctx {
                    ast::ExprContext::Load => self.emit_name(Op::LOAD_ATTR, a.attr.as_str()),
                    ast::ExprContext::Store => {
                        if a.attr.as_str() == "__debug__" {
                            return self.error("cannot assign to __debug__");
                        }
                        self.emit_name(Op::STORE_ATTR, a.attr.as_str())
                    }
                    ast::ExprContext::Del => self.emit_name(Op::DELETE_ATTR, a.attr.as_str()),
                }
                Ok(())
            }
            E::Subscript(s) => {
                let op = match s.ctx {
                    ast::ExprContext::Load => Op::BINARY_SUBSCR,
                    ast::ExprContext::Store => Op::STORE_SUBSCR,
                    ast::ExprContext::Del => Op::DELETE_SUBSCR,
                };
                self.visit_expr(&s.value)?;
                if let ast::Expr::Starred(_) = &*s.slice {
                    // `a[*b]`: CPython's AST has a one-element tuple here.
                    let saved = self.u().loc;
                    self.set_loc(s.slice.range());
                    self.starunpack(std::slice::from_ref(&*s.slice), 0, &TUPLE)?;
                    self.um().loc = saved;
                } else {
                    self.visit_expr(&s.slice)?;
                }
                self.op(op);
                Ok(())
            }
            E::Starred(s) => match s.ctx {
                ast::ExprContext::Store => {
                    self.error("starred assignment target must be in a list or tuple")
                }
                _ => self.error("can't use starred expression here"),
            },
            E::Slice(s) => {
                let mut n = 2;
                match &s.lower {
                    Some(l) => self.visit_expr(l)?,
                    None => self.load_none(),
                }
                match &s.upper {
                    Some(u) => self.visit_expr(u)?,
                    None => self.load_none(),
                }
                if let Some(st) = &s.step {
                    n += 1;
                    self.visit_expr(st)?;
                }
                self.emit(Op::BUILD_SLICE, n);
                Ok(())
            }
            E::Name(n) => self.nameop(n.id.as_str(), NameCtx::from(&n.ctx)),
            E::List(l) => match l.ctx {
                ast::ExprContext::Store => self.assignment_helper(&l.elts),
                ast::ExprContext::Load => self.starunpack(&l.elts, 0, &LIST),
                ast::ExprContext::Del => {
                    for el in &l.elts {
                        self.visit_expr(el)?;
                    }
                    Ok(())
                }
            },
            E::Tuple(t) => match t.ctx {
                ast::ExprContext::Store => self.assignment_helper(&t.elts),
                ast::ExprContext::Load => self.starunpack(&t.elts, 0, &TUPLE),
                ast::ExprContext::Del => {
                    for el in &t.elts {
                        self.visit_expr(el)?;
                    }
                    Ok(())
                }
            },
        }
    }

    /// addop_yield.
    fn add_yield(&mut self) {
        let ste = self.ste();
        if ste.generator && ste.coroutine {
            self.op(Op::ASYNC_GEN_WRAP);
        }
        self.op(Op::YIELD_VALUE);
        self.emit(Op::RESUME, 1);
    }

    /// If an attribute access spans lines, point the start at the name.
    pub fn update_start_location_to_match_attr(&mut self, attr: &ast::Expr) {
        let ast::Expr::Attribute(a) = attr else {
            return;
        };
        let aloc = self.loc_of(attr.range());
        let loc = &mut self.um().loc;
        if loc.lineno != aloc.end_lineno {
            loc.lineno = aloc.end_lineno;
            let len = a.attr.as_str().chars().count() as i32;
            if len <= aloc.end_col {
                loc.col = aloc.end_col - len;
            } else {
                loc.col = -1;
                loc.end_col = -1;
            }
            loc.end_lineno = loc.lineno.max(loc.end_lineno);
            if loc.lineno == loc.end_lineno {
                loc.end_col = loc.col.max(loc.end_col);
            }
        }
    }

    fn boolop(&mut self, b: &'a ast::ExprBoolOp) -> CResult {
        let jumpi = match b.op {
            ast::BoolOp::And => Op::JUMP_IF_FALSE_OR_POP,
            ast::BoolOp::Or => Op::JUMP_IF_TRUE_OR_POP,
        };
        let end = self.new_block();
        let n = b.values.len() - 1;
        for v in &b.values[..n] {
            self.visit_expr(v)?;
            self.jump(jumpi, end);
            let next = self.new_block();
            self.use_next_block(next);
        }
        self.visit_expr(&b.values[n])?;
        self.use_next_block(end);
        Ok(())
    }

    /// compiler_jump_if: jump to `next` if `e` is `cond`, else fall through.
    pub fn jump_if(&mut self, e: &'a ast::Expr, next: BlockId, cond: bool) -> CResult {
        use ast::Expr as E;
        match e {
            E::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
                return self.jump_if(&u.operand, next, !cond);
            }
            E::BoolOp(b) => {
                let n = b.values.len() - 1;
                let cond2 = b.op == ast::BoolOp::Or;
                let next2 = if cond2 != cond {
                    self.new_block()
                } else {
                    next
                };
                for v in &b.values[..n] {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(&b.values[n], next, cond)?;
                if next2 != next {
                    self.use_next_block(next2);
                }
                return Ok(());
            }
            E::IfExp(i) => {
                let end = self.new_block();
                let next2 = self.new_block();
                self.jump_if(&i.test, next2, false)?;
                self.jump_if(&i.body, next, cond)?;
                self.jump_noline(Op::JUMP, end);
                self.use_next_block(next2);
                self.jump_if(&i.orelse, next, cond)?;
                self.use_next_block(end);
                return Ok(());
            }
            E::Compare(c) => {
                // CPython sets the location before deciding whether the
                // general case applies, so a plain comparison's jump gets
                // the comparison's span.
                self.set_loc(e.range());
                if c.ops.len() == 1 {
                    self.visit_expr(e)?;
                    self.jump(
                        if cond {
                            Op::POP_JUMP_IF_TRUE
                        } else {
                            Op::POP_JUMP_IF_FALSE
                        },
                        next,
                    );
                    return Ok(());
                }
                let n = c.ops.len() - 1;
                let cleanup = self.new_block();
                self.visit_expr(&c.left)?;
                for i in 0..n {
                    self.visit_expr(&c.comparators[i])?;
                    self.emit(Op::SWAP, 2);
                    self.emit(Op::COPY, 2);
                    self.add_compare(&c.ops[i]);
                    self.jump(Op::POP_JUMP_IF_FALSE, cleanup);
                }
                self.visit_expr(&c.comparators[n])?;
                self.add_compare(&c.ops[n]);
                self.jump(
                    if cond {
                        Op::POP_JUMP_IF_TRUE
                    } else {
                        Op::POP_JUMP_IF_FALSE
                    },
                    next,
                );
                let end = self.new_block();
                self.jump_noline(Op::JUMP, end);
                self.use_next_block(cleanup);
                self.op(Op::POP_TOP);
                if !cond {
                    self.jump_noline(Op::JUMP, next);
                }
                self.use_next_block(end);
                return Ok(());
            }
            _ => {}
        }
        self.visit_expr(e)?;
        self.jump(
            if cond {
                Op::POP_JUMP_IF_TRUE
            } else {
                Op::POP_JUMP_IF_FALSE
            },
            next,
        );
        Ok(())
    }

    fn add_compare(&mut self, op: &ast::CmpOp) {
        use ast::CmpOp as C;
        match op {
            C::Eq => self.emit(Op::COMPARE_OP, 2),
            C::NotEq => self.emit(Op::COMPARE_OP, 3),
            C::Lt => self.emit(Op::COMPARE_OP, 0),
            C::LtE => self.emit(Op::COMPARE_OP, 1),
            C::Gt => self.emit(Op::COMPARE_OP, 4),
            C::GtE => self.emit(Op::COMPARE_OP, 5),
            C::Is => self.emit(Op::IS_OP, 0),
            C::IsNot => self.emit(Op::IS_OP, 1),
            C::In => self.emit(Op::CONTAINS_OP, 0),
            C::NotIn => self.emit(Op::CONTAINS_OP, 1),
        }
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> CResult {
        self.visit_expr(&c.left)?;
        let n = c.ops.len() - 1;
        if n == 0 {
            self.visit_expr(&c.comparators[0])?;
            self.add_compare(&c.ops[0]);
            return Ok(());
        }
        let cleanup = self.new_block();
        for i in 0..n {
            self.visit_expr(&c.comparators[i])?;
            self.emit(Op::SWAP, 2);
            self.emit(Op::COPY, 2);
            self.add_compare(&c.ops[i]);
            self.jump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
        }
        self.visit_expr(&c.comparators[n])?;
        self.add_compare(&c.ops[n]);
        let end = self.new_block();
        self.jump_noline(Op::JUMP, end);
        self.use_next_block(cleanup);
        self.emit(Op::SWAP, 2);
        self.op(Op::POP_TOP);
        self.use_next_block(end);
        Ok(())
    }

    // ----- collections ------------------------------------------------------

    /// starunpack_helper: build a list/tuple/set display, with `pushed`
    /// items already on the stack.
    fn starunpack(&mut self, elts: &'a [ast::Expr], pushed: u32, kind: &Collection) -> CResult {
        let n = elts.len();
        if n > 2 && elts.iter().all(is_const) {
            let items: Vec<Constant> = elts.iter().map(const_value).collect();
            if kind.tuple && pushed == 0 {
                self.load_const(Constant::Tuple(Rc::from(items)));
            } else {
                let folded = if kind.add == Op::SET_ADD {
                    Constant::FrozenSet(Rc::from(crate::pyhash::set_items(items)))
                } else {
                    Constant::Tuple(Rc::from(items))
                };
                self.emit(kind.build, pushed);
                self.load_const(folded);
                self.emit(kind.extend, 1);
                if kind.tuple {
                    self.op(Op::LIST_TO_TUPLE);
                }
            }
            return Ok(());
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|e| matches!(e, ast::Expr::Starred(_)));
        if !seen_star && !big {
            for e in elts {
                self.visit_expr(e)?;
            }
            let op = if kind.tuple {
                Op::BUILD_TUPLE
            } else {
                kind.build
            };
            self.emit(op, n as u32 + pushed);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(kind.build, pushed);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let ast::Expr::Starred(s) = e {
                if !built {
                    self.emit(kind.build, i as u32 + pushed);
                    built = true;
                }
                self.visit_expr(&s.value)?;
                self.emit(kind.extend, 1);
            } else {
                self.visit_expr(e)?;
                if built {
                    self.emit(kind.add, 1);
                }
            }
        }
        if kind.tuple {
            self.op(Op::LIST_TO_TUPLE);
        }
        Ok(())
    }

    fn unpack_helper(&mut self, elts: &'a [ast::Expr]) -> CResult {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e, ast::Expr::Starred(_)) {
                if seen_star {
                    return self.error("multiple starred expressions in assignment");
                }
                if i >= 256 || n - i > (i32::MAX >> 8) as usize {
                    return self.error("too many expressions in star-unpacking assignment");
                }
                self.emit(Op::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Op::UNPACK_SEQUENCE, n as u32);
        }
        Ok(())
    }

    fn assignment_helper(&mut self, elts: &'a [ast::Expr]) -> CResult {
        self.unpack_helper(elts)?;
        for e in elts {
            match e {
                ast::Expr::Starred(s) => self.visit_expr(&s.value)?,
                _ => self.visit_expr(e)?,
            }
        }
        Ok(())
    }

    /// compiler_subdict: keys[begin..end] / values as one dict.
    fn subdict(&mut self, d: &'a ast::ExprDict, begin: usize, end: usize) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        let keys_const = d.keys[begin..end]
            .iter()
            .all(|k| k.as_ref().is_some_and(is_const));
        if n > 1 && !big && keys_const {
            for v in &d.values[begin..end] {
                self.visit_expr(v)?;
            }
            let keys: Vec<Constant> = d.keys[begin..end]
                .iter()
                .map(|k| const_value(k.as_ref().expect("const key")))
                .collect();
            self.load_const(Constant::Tuple(Rc::from(keys)));
            self.emit(Op::BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.emit(Op::BUILD_MAP, 0);
        }
        for i in begin..end {
            if let Some(k) = &d.keys[i] {
                self.visit_expr(k)?;
            }
            self.visit_expr(&d.values[i])?;
            if big {
                self.emit(Op::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit(Op::BUILD_MAP, n as u32);
        }
        Ok(())
    }

    fn dict(&mut self, d: &'a ast::ExprDict) -> CResult {
        let n = d.values.len();
        let mut have_dict = false;
        let mut elements = 0;
        for i in 0..n {
            if d.keys[i].is_none() {
                if elements > 0 {
                    self.subdict(d, i - elements, i)?;
                    if have_dict {
                        self.emit(Op::DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Op::BUILD_MAP, 0);
                    have_dict = true;
                }
                self.visit_expr(&d.values[i])?;
                self.emit(Op::DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(d, i - elements, i + 1)?;
                if have_dict {
                    self.emit(Op::DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(d, n - elements, n)?;
            if have_dict {
                self.emit(Op::DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Op::BUILD_MAP, 0);
        }
        Ok(())
    }

    // ----- calls -----------------------------------------------------------

    fn validate_keywords(&mut self, keywords: &'a [ast::Keyword]) -> CResult {
        for (i, k) in keywords.iter().enumerate() {
            let Some(arg) = &k.arg else { continue };
            if arg.as_str() == "__debug__" {
                return self.error("cannot assign to __debug__");
            }
            for other in &keywords[i + 1..] {
                if other.arg.as_ref().map(|a| a.as_str()) == Some(arg.as_str()) {
                    self.set_loc(other.range);
                    return self.error(format!("keyword argument repeated: {arg}"));
                }
            }
        }
        Ok(())
    }

    /// is_import_originated: is `e` a module-level name bound by import?
    fn is_import_originated(&self, e: &ast::Expr) -> bool {
        match e {
            ast::Expr::Name(n) => self.st.scopes[0].flags(n.id.as_str()) & flag::DEF_IMPORT != 0,
            _ => false,
        }
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> CResult {
        self.validate_keywords(&c.keywords)?;
        self.note_genexp_arg(c);
        if self.maybe_optimize_method_call(c)? {
            return Ok(());
        }
        self.set_loc(c.func.range());
        self.op(Op::PUSH_NULL);
        self.set_loc(c.range);
        self.visit_expr(&c.func)?;
        self.call_helper(0, &c.args, &c.keywords)
    }

    fn maybe_optimize_method_call(&mut self, c: &'a ast::ExprCall) -> CResult<bool> {
        let meth = &*c.func;
        let ast::Expr::Attribute(attr) = meth else {
            return Ok(false);
        };
        if attr.ctx != ast::ExprContext::Load || self.is_import_originated(&attr.value) {
            return Ok(false);
        }
        let argsl = c.args.len();
        let kwdsl = c.keywords.len();
        if argsl + kwdsl + (kwdsl != 0) as usize >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_)))
            || c.keywords.iter().any(|k| k.arg.is_none())
        {
            return Ok(false);
        }
        self.visit_expr(&attr.value)?;
        self.set_loc(meth.range());
        self.update_start_location_to_match_attr(meth);
        self.emit_name(Op::LOAD_METHOD, attr.attr.as_str());
        for a in &c.args {
            self.visit_expr(a)?;
        }
        if kwdsl > 0 {
            for k in &c.keywords {
                self.visit_expr(&k.value)?;
            }
            self.kw_names(&c.keywords);
        }
        self.set_loc(c.range);
        self.update_start_location_to_match_attr(meth);
        self.emit(Op::PRECALL, (argsl + kwdsl) as u32);
        self.emit(Op::CALL, (argsl + kwdsl) as u32);
        Ok(true)
    }

    /// compiler_call_simple_kw_helper: KW_NAMES with the keyword names.
    fn kw_names(&mut self, keywords: &[ast::Keyword]) {
        let names: Vec<Constant> = keywords
            .iter()
            .map(|k| Constant::Str(Rc::from(k.arg.as_ref().map_or("", |a| a.as_str()))))
            .collect();
        let i = self.add_const(Constant::Tuple(Rc::from(names)));
        self.emit(Op::KW_NAMES, i);
    }

    /// compiler_subkwargs: keywords[begin..end] as one dict.
    fn subkwargs(&mut self, keywords: &'a [ast::Keyword], begin: usize, end: usize) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in &keywords[begin..end] {
                self.visit_expr(&k.value)?;
            }
            let keys: Vec<Constant> = keywords[begin..end]
                .iter()
                .map(|k| Constant::Str(Rc::from(k.arg.as_ref().map_or("", |a| a.as_str()))))
                .collect();
            self.load_const(Constant::Tuple(Rc::from(keys)));
            self.emit(Op::BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.emit_noline(Op::BUILD_MAP, 0);
        }
        for k in &keywords[begin..end] {
            self.load_str(k.arg.as_ref().map_or("", |a| a.as_str()));
            self.visit_expr(&k.value)?;
            if big {
                self.emit_noline(Op::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit(Op::BUILD_MAP, n as u32);
        }
        Ok(())
    }

    /// compiler_call_helper: arguments and the call itself, `n` positional
    /// arguments already pushed (the class body function and name).
    pub fn call_helper(
        &mut self,
        n: u32,
        args: &'a [ast::Expr],
        keywords: &'a [ast::Keyword],
    ) -> CResult {
        self.validate_keywords(keywords)?;
        let nelts = args.len();
        let nkwelts = keywords.len();
        let simple = nelts + nkwelts * 2 <= STACK_USE_GUIDELINE
            && !args.iter().any(|a| matches!(a, ast::Expr::Starred(_)))
            && !keywords.iter().any(|k| k.arg.is_none());
        if simple {
            for a in args {
                self.visit_expr(a)?;
            }
            if nkwelts > 0 {
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
                self.kw_names(keywords);
            }
            let total = n + (nelts + nkwelts) as u32;
            self.emit(Op::PRECALL, total);
            self.emit(Op::CALL, total);
            return Ok(());
        }
        // ex_call: build a tuple of positional args and a dict of keywords.
        match args {
            [ast::Expr::Starred(s)] if n == 0 => self.visit_expr(&s.value)?,
            _ => self.starunpack(args, n, &TUPLE)?,
        }
        if nkwelts > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(keywords, i - nseen, i)?;
                        if have_dict {
                            self.emit(Op::DICT_MERGE, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Op::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.visit_expr(&k.value)?;
                    self.emit(Op::DICT_MERGE, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(keywords, nkwelts - nseen, nkwelts)?;
                if have_dict {
                    self.emit(Op::DICT_MERGE, 1);
                }
            }
        }
        self.emit(Op::CALL_FUNCTION_EX, (nkwelts > 0) as u32);
        Ok(())
    }

    // ----- f-strings ---------------------------------------------------------

    /// An f-string: see `visit_fstring_part` for its parts' locations.
    fn joined_str(&mut self, j: &'a ast::ExprJoinedStr) -> CResult {
        // A JoinedStr that the folder made from `'%s' % (x,)` has parts with
        // locations of their own (or none), unlike a real f-string's.
        // They are told apart by their parts: literal pieces without a
        // location, and replacement fields spanning exactly their argument
        // (a real f-string's parts span the string token).
        let synthesized = j.values.iter().any(|v| match v {
            ast::Expr::FormattedValue(f) => f.range == f.value.range(),
            _ => crate::fold::is_no_location(v.range()),
        });
        if synthesized {
            let saved = self.fstring_loc.take();
            let r = self.joined_str_synthesized(j);
            self.fstring_loc = saved;
            return r;
        }
        let outer = self.fstring_loc.is_none();
        if outer {
            self.fstring_loc = Some(self.loc_of(j.range));
        }
        let r = self.joined_str_parts(j);
        if outer {
            self.fstring_loc = None;
        }
        r
    }

    /// Replacement fields, also those nested in format specs, take the
    /// outermost f-string's location in CPython's AST; constant pieces keep
    /// their own (which rustpython gives as CPython does: the string token).
    fn visit_fstring_part(&mut self, v: &'a ast::Expr) -> CResult {
        let ast::Expr::FormattedValue(f) = v else {
            return self.visit_expr(v);
        };
        let saved = self.u().loc;
        if let Some(loc) = self.fstring_loc {
            self.um().loc = loc;
        }
        let r = self.formatted_value(f);
        self.um().loc = saved;
        r
    }

    fn joined_str_synthesized(&mut self, j: &'a ast::ExprJoinedStr) -> CResult {
        for v in &j.values {
            self.visit_expr(v)?;
        }
        if j.values.len() != 1 {
            self.emit(Op::BUILD_STRING, j.values.len() as u32);
        }
        Ok(())
    }

    fn joined_str_parts(&mut self, j: &'a ast::ExprJoinedStr) -> CResult {
        let n = j.values.len();
        if n > STACK_USE_GUIDELINE {
            self.load_str("");
            self.emit_name(Op::LOAD_METHOD, "join");
            self.emit(Op::BUILD_LIST, 0);
            for v in &j.values {
                self.visit_fstring_part(v)?;
                self.emit(Op::LIST_APPEND, 1);
            }
            self.emit(Op::PRECALL, 1);
            self.emit(Op::CALL, 1);
        } else {
            for v in &j.values {
                self.visit_fstring_part(v)?;
            }
            if n != 1 {
                self.emit(Op::BUILD_STRING, n as u32);
            }
        }
        Ok(())
    }

    fn formatted_value(&mut self, f: &'a ast::ExprFormattedValue) -> CResult {
        // CPython parses a replacement field's expression on its own, so an
        // f-string nested in it is an outermost f-string again.
        let outer = self.fstring_loc.take();
        let r = self.visit_expr(&f.value);
        self.fstring_loc = outer;
        r?;
        let mut oparg = match f.conversion {
            ast::ConversionFlag::None => 0,
            ast::ConversionFlag::Str => 1,
            ast::ConversionFlag::Repr => 2,
            ast::ConversionFlag::Ascii => 3,
        };
        if let Some(spec) = &f.format_spec {
            self.visit_expr(spec)?;
            oparg |= 4;
        }
        self.emit(Op::FORMAT_VALUE, oparg);
        Ok(())
    }

    // ----- functions ---------------------------------------------------------

    fn lambda(&mut self, e: &'a ast::Expr, l: &'a ast::ExprLambda) -> CResult {
        for a in l
            .args
            .posonlyargs
            .iter()
            .chain(&l.args.args)
            .chain(&l.args.kwonlyargs)
        {
            if a.def.arg.as_str() == "__debug__" {
                return self.error("cannot assign to __debug__");
            }
        }
        let flags = self.default_arguments(&l.args)?;
        let lineno = self.loc_of(e.range()).lineno;
        self.enter_scope("<lambda>", ScopeType::Lambda, node_key(e), lineno)?;
        // None first, so a lambda never has a docstring.
        self.add_const(Constant::None);
        {
            let u = &mut self.um().code;
            u.argcount = l.args.args.len() as u32;
            u.posonlyargcount = l.args.posonlyargs.len() as u32;
            u.kwonlyargcount = l.args.kwonlyargs.len() as u32;
        }
        if let Err(err) = self.visit_expr(&l.body) {
            self.drop_scope();
            return Err(err);
        }
        let code = if self.ste().generator {
            self.exit_scope_and_assemble(false)?
        } else {
            self.op(Op::RETURN_VALUE);
            self.exit_scope_and_assemble(true)?
        };
        self.make_closure(code, flags)
    }

    // ----- comprehensions ------------------------------------------------------

    fn comprehension(
        &mut self,
        e: &'a ast::Expr,
        kind: Comp,
        name: &str,
        generators: &'a [ast::Comprehension],
        elt: &'a ast::Expr,
        val: Option<&'a ast::Expr>,
    ) -> CResult {
        let outer_scope = self.u().scope_type;
        let range = self.expr_range(e);
        let lineno = self.loc_of(range).lineno;
        self.enter_scope(name, ScopeType::Comprehension, node_key(e), lineno)?;
        self.set_loc(range);
        let r = self.comprehension_body(kind, outer_scope, generators, elt, val);
        if let Err(err) = r {
            self.drop_scope();
            return Err(err);
        }
        let is_async_generator = self.ste().coroutine;
        let code = self.exit_scope_and_assemble(true)?;
        self.make_closure(code, 0)?;
        let outermost = &generators[0];
        self.visit_expr(&outermost.iter)?;
        self.op(if outermost.is_async {
            Op::GET_AITER
        } else {
            Op::GET_ITER
        });
        self.emit(Op::PRECALL, 0);
        self.emit(Op::CALL, 0);
        if is_async_generator && kind != Comp::GenExp {
            self.emit(Op::GET_AWAITABLE, 0);
            self.load_none();
            self.add_yield_from(true);
        }
        Ok(())
    }

    fn comprehension_body(
        &mut self,
        kind: Comp,
        outer_scope: ScopeType,
        generators: &'a [ast::Comprehension],
        elt: &'a ast::Expr,
        val: Option<&'a ast::Expr>,
    ) -> CResult {
        let is_async_generator = self.ste().coroutine;
        if is_async_generator
            && kind != Comp::GenExp
            && outer_scope != ScopeType::AsyncFunction
            && outer_scope != ScopeType::Comprehension
        {
            return self.error("asynchronous comprehension outside of an asynchronous function");
        }
        match kind {
            Comp::List => self.emit(Op::BUILD_LIST, 0),
            Comp::Set => self.emit(Op::BUILD_SET, 0),
            Comp::Dict => self.emit(Op::BUILD_MAP, 0),
            Comp::GenExp => {}
        }
        self.comprehension_generator(generators, 0, 0, elt, val, kind)?;
        if kind != Comp::GenExp {
            self.op(Op::RETURN_VALUE);
        }
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        gen_index: usize,
        depth: u32,
        elt: &'a ast::Expr,
        val: Option<&'a ast::Expr>,
        kind: Comp,
    ) -> CResult {
        if generators[gen_index].is_async {
            self.async_comprehension_generator(generators, gen_index, depth, elt, val, kind)
        } else {
            self.sync_comprehension_generator(generators, gen_index, depth, elt, val, kind)
        }
    }

    /// The innermost step of a comprehension: add the element.
    fn comprehension_element(
        &mut self,
        elt: &'a ast::Expr,
        val: Option<&'a ast::Expr>,
        kind: Comp,
        depth: u32,
    ) -> CResult {
        match kind {
            Comp::GenExp => {
                self.visit_expr(elt)?;
                self.add_yield();
                self.op(Op::POP_TOP);
            }
            Comp::List => {
                self.visit_expr(elt)?;
                self.emit(Op::LIST_APPEND, depth + 1);
            }
            Comp::Set => {
                self.visit_expr(elt)?;
                self.emit(Op::SET_ADD, depth + 1);
            }
            Comp::Dict => {
                self.visit_expr(elt)?;
                if let Some(v) = val {
                    self.visit_expr(v)?;
                }
                self.emit(Op::MAP_ADD, depth + 1);
            }
        }
        Ok(())
    }

    fn sync_comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        gen_index: usize,
        mut depth: u32,
        elt: &'a ast::Expr,
        val: Option<&'a ast::Expr>,
        kind: Comp,
    ) -> CResult {
        let mut start = Some(self.new_block());
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        let gen = &generators[gen_index];
        if gen_index == 0 {
            self.um().code.argcount = 1;
            self.emit(Op::LOAD_FAST, 0);
        } else {
            // `for y in [f(x)]` binds y without building a list.
            let elts = match &gen.iter {
                ast::Expr::List(l) => Some(&l.elts),
                ast::Expr::Tuple(t) => Some(&t.elts),
                _ => None,
            };
            if let Some(elts) = elts {
                if elts.len() == 1 && !matches!(elts[0], ast::Expr::Starred(_)) {
                    self.visit_expr(&elts[0])?;
                    start = None;
                }
            }
            if start.is_some() {
                self.visit_expr(&gen.iter)?;
                self.op(Op::GET_ITER);
            }
        }
        if let Some(start) = start {
            depth += 1;
            self.use_next_block(start);
            self.jump(Op::FOR_ITER, anchor);
        }
        self.visit_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if gen_index + 1 < generators.len() {
            self.comprehension_generator(generators, gen_index + 1, depth, elt, val, kind)?;
        } else {
            self.comprehension_element(elt, val, kind, depth)?;
        }
        self.use_next_block(if_cleanup);
        if let Some(start) = start {
            self.jump(Op::JUMP, start);
            self.use_next_block(anchor);
        }
        Ok(())
    }

    fn async_comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        gen_index: usize,
        mut depth: u32,
        elt: &'a ast::Expr,
        val: Option<&'a ast::Expr>,
        kind: Comp,
    ) -> CResult {
        let start = self.new_block();
        let except = self.new_block();
        let if_cleanup = self.new_block();
        let gen = &generators[gen_index];
        if gen_index == 0 {
            self.um().code.argcount = 1;
            self.emit(Op::LOAD_FAST, 0);
        } else {
            self.visit_expr(&gen.iter)?;
            self.op(Op::GET_AITER);
        }
        self.use_next_block(start);
        self.push_fblock(FBlock::AsyncComprehensionGenerator)?;
        self.jump(Op::SETUP_FINALLY, except);
        self.op(Op::GET_ANEXT);
        self.load_none();
        self.add_yield_from(true);
        self.op(Op::POP_BLOCK);
        self.visit_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        depth += 1;
        if gen_index + 1 < generators.len() {
            self.comprehension_generator(generators, gen_index + 1, depth, elt, val, kind)?;
        } else {
            self.comprehension_element(elt, val, kind, depth)?;
        }
        self.use_next_block(if_cleanup);
        self.jump(Op::JUMP, start);
        self.pop_fblock();
        self.use_next_block(except);
        self.op(Op::END_ASYNC_FOR);
        Ok(())
    }
}
