//! Expression unparsing for `from __future__ import annotations`, matching
//! CPython 3.11's `Python/ast_unparse.c` (`_PyAST_ExprAsUnicode`).
//!
//! This is the small C unparser the compiler uses to turn an annotation back
//! into a string, not `Lib/ast.py`'s `ast.unparse`: the two disagree on
//! parenthesisation, on how constants are spelled and on f-strings, and only
//! this one decides what ends up in `co_consts`.
//!
//! Which AST does CPython unparse? `_PyAST_Compile` runs the AST optimizer
//! (`_PyAST_Optimize`, Python/ast_opt.c) before code generation, and the
//! annotation strings are produced during code generation, so the unparser
//! sees the optimized tree. But in 3.11 the optimizer deliberately skips
//! every annotation when `CO_FUTURE_ANNOTATIONS` is on (`astfold_arg`, the
//! `returns` of function definitions and `AnnAssign.annotation` are guarded
//! by that flag). So the text is that of the *unfolded* annotation:
//! `x: 1 + 2` stores `'1 + 2'` and `x: -1` stores `'-1'`. Our fold pass must
//! skip annotations the same way; this module still renders folded constants
//! (tuples) the way `append_ast_constant` would, should it ever see one.

use rustpython_parser::ast::{self, Constant, ConversionFlag};

use crate::repr::{bytes_repr, complex_repr, float_repr, str_repr};

/// The source text CPython stores for an annotation.
///
/// One detail is not in the AST: rustpython marks both `u"..."` and
/// `U"..."` strings with kind `"u"`, where CPython only marks the lowercase
/// one (and writes it back as a `u` prefix). Without the source we assume
/// lowercase; [`unparse_expr_in`] looks.
pub fn unparse_expr(e: &ast::Expr) -> String {
    Writer::new(None).render(e, prec::TEST)
}

/// [`unparse_expr`] for an expression parsed from `source` (its node ranges
/// index into `source`), which settles the `u`/`U` prefix question.
pub fn unparse_expr_in(e: &ast::Expr, source: &str) -> String {
    Writer::new(Some(source)).render(e, prec::TEST)
}

/// Operator precedence levels, lowest first, as in ast_unparse.c. An
/// expression is parenthesised when the level its context demands is higher
/// than its own.
mod prec {
    pub const TUPLE: u8 = 0;
    /// `if`-`else`, `lambda`.
    pub const TEST: u8 = 1;
    pub const OR: u8 = 2;
    pub const AND: u8 = 3;
    pub const NOT: u8 = 4;
    /// Comparisons, `in`, `is` and their negations.
    pub const CMP: u8 = 5;
    /// Any bitwise-or expression; the operand of `*` in starred expressions.
    pub const EXPR: u8 = 6;
    pub const BOR: u8 = EXPR;
    pub const BXOR: u8 = 7;
    pub const BAND: u8 = 8;
    pub const SHIFT: u8 = 9;
    /// Binary `+`, `-`.
    pub const ARITH: u8 = 10;
    /// `*`, `@`, `/`, `%`, `//`.
    pub const TERM: u8 = 11;
    /// Unary `+`, `-`, `~`.
    pub const FACTOR: u8 = 12;
    pub const POWER: u8 = 13;
    pub const AWAIT: u8 = 14;
    pub const ATOM: u8 = 15;
}

/// Accumulates the output text; one method per kind of node.
struct Writer<'s> {
    out: String,
    /// The text the expression was parsed from, when known.
    source: Option<&'s str>,
}

impl<'s> Writer<'s> {
    fn new(source: Option<&'s str>) -> Self {
        Writer {
            out: String::new(),
            source,
        }
    }

    /// Render `e` on its own in a context demanding precedence `level`.
    fn render(mut self, e: &ast::Expr, level: u8) -> String {
        self.expr(e, level);
        self.out
    }

    fn s(&mut self, text: &str) {
        self.out.push_str(text);
    }

    fn open_if(&mut self, cond: bool) {
        if cond {
            self.out.push('(');
        }
    }

    fn close_if(&mut self, cond: bool) {
        if cond {
            self.out.push(')');
        }
    }

    /// Elements separated by `", "`, each at precedence `level`.
    fn comma_list(&mut self, elts: &[ast::Expr], level: u8) {
        for (i, elt) in elts.iter().enumerate() {
            if i > 0 {
                self.s(", ");
            }
            self.expr(elt, level);
        }
    }

    fn expr(&mut self, e: &ast::Expr, level: u8) {
        use ast::Expr as E;
        match e {
            E::BoolOp(b) => self.boolop(b, level),
            E::BinOp(b) => self.binop(b, level),
            E::UnaryOp(u) => self.unaryop(u, level),
            E::Lambda(l) => self.lambda(l, level),
            E::IfExp(i) => self.ifexp(i, level),
            E::Dict(d) => self.dict(d),
            E::Set(s) => {
                self.s("{");
                self.comma_list(&s.elts, prec::TEST);
                self.s("}");
            }
            E::GeneratorExp(g) => self.comprehension_display("(", &g.elt, None, &g.generators, ")"),
            E::ListComp(c) => self.comprehension_display("[", &c.elt, None, &c.generators, "]"),
            E::SetComp(c) => self.comprehension_display("{", &c.elt, None, &c.generators, "}"),
            E::DictComp(c) => {
                self.comprehension_display("{", &c.key, Some(&c.value), &c.generators, "}")
            }
            // `yield` is always parenthesised, whatever the context.
            E::Yield(y) => match &y.value {
                None => self.s("(yield)"),
                Some(v) => {
                    self.s("(yield ");
                    self.expr(v, prec::TEST);
                    self.s(")");
                }
            },
            E::YieldFrom(y) => {
                self.s("(yield from ");
                self.expr(&y.value, prec::TEST);
                self.s(")");
            }
            E::Await(a) => {
                self.open_if(level > prec::AWAIT);
                self.s("await ");
                self.expr(&a.value, prec::ATOM);
                self.close_if(level > prec::AWAIT);
            }
            E::Compare(c) => self.compare(c, level),
            E::Call(c) => self.call(c),
            E::Constant(c) => self.constant_expr(c),
            E::JoinedStr(j) => self.joinedstr(j, false),
            E::FormattedValue(f) => self.formatted_value(f),
            E::Attribute(a) => self.attribute(a),
            E::Subscript(s) => self.subscript(s),
            E::Starred(s) => {
                self.s("*");
                self.expr(&s.value, prec::EXPR);
            }
            E::Slice(s) => self.slice(s),
            E::Name(n) => self.s(n.id.as_str()),
            E::List(l) => {
                self.s("[");
                self.comma_list(&l.elts, prec::TEST);
                self.s("]");
            }
            E::Tuple(t) => self.tuple(t, level),
            E::NamedExpr(n) => {
                self.open_if(level > prec::TUPLE);
                self.expr(&n.target, prec::ATOM);
                self.s(" := ");
                // CPython renders the value at atom level, so `(y := a + b)`
                // comes out as `(y := (a + b))`.
                self.expr(&n.value, prec::ATOM);
                self.close_if(level > prec::TUPLE);
            }
        }
    }

    fn boolop(&mut self, b: &ast::ExprBoolOp, level: u8) {
        let (op, pr) = match b.op {
            ast::BoolOp::And => (" and ", prec::AND),
            ast::BoolOp::Or => (" or ", prec::OR),
        };
        self.open_if(level > pr);
        for (i, v) in b.values.iter().enumerate() {
            if i > 0 {
                self.s(op);
            }
            self.expr(v, pr + 1);
        }
        self.close_if(level > pr);
    }

    fn binop(&mut self, b: &ast::ExprBinOp, level: u8) {
        use ast::Operator as O;
        let (op, pr) = match b.op {
            O::Add => (" + ", prec::ARITH),
            O::Sub => (" - ", prec::ARITH),
            O::Mult => (" * ", prec::TERM),
            O::MatMult => (" @ ", prec::TERM),
            O::Div => (" / ", prec::TERM),
            O::Mod => (" % ", prec::TERM),
            O::LShift => (" << ", prec::SHIFT),
            O::RShift => (" >> ", prec::SHIFT),
            O::BitOr => (" | ", prec::BOR),
            O::BitXor => (" ^ ", prec::BXOR),
            O::BitAnd => (" & ", prec::BAND),
            O::FloorDiv => (" // ", prec::TERM),
            O::Pow => (" ** ", prec::POWER),
        };
        // `**` is the one right-associative operator: its left operand needs
        // parentheses at equal precedence, its right one does not.
        let rassoc = u8::from(matches!(b.op, O::Pow));
        self.open_if(level > pr);
        self.expr(&b.left, pr + rassoc);
        self.s(op);
        self.expr(&b.right, pr + 1 - rassoc);
        self.close_if(level > pr);
    }

    fn unaryop(&mut self, u: &ast::ExprUnaryOp, level: u8) {
        let (op, pr) = match u.op {
            ast::UnaryOp::Invert => ("~", prec::FACTOR),
            ast::UnaryOp::Not => ("not ", prec::NOT),
            ast::UnaryOp::UAdd => ("+", prec::FACTOR),
            ast::UnaryOp::USub => ("-", prec::FACTOR),
        };
        self.open_if(level > pr);
        self.s(op);
        self.expr(&u.operand, pr);
        self.close_if(level > pr);
    }

    fn arg(&mut self, a: &ast::Arg) {
        self.s(a.arg.as_str());
        if let Some(ann) = &a.annotation {
            self.s(": ");
            self.expr(ann, prec::TEST);
        }
    }

    /// A parameter list as `append_ast_args` writes it. rustpython keeps each
    /// default next to its parameter, where CPython keeps right-aligned lists
    /// of defaults; the rendering is the same.
    fn arguments(&mut self, args: &ast::Arguments) {
        let mut first = true;
        let mut sep = |w: &mut Self| {
            if !first {
                w.s(", ");
            }
            first = false;
        };
        let n_posonly = args.posonlyargs.len();
        for (i, a) in args.posonlyargs.iter().chain(&args.args).enumerate() {
            sep(self);
            self.arg_with_default(a);
            if i + 1 == n_posonly {
                self.s(", /");
            }
        }
        // A bare `*` marks the start of keyword-only parameters when there
        // is no `*args`.
        if args.vararg.is_some() || !args.kwonlyargs.is_empty() {
            sep(self);
            self.s("*");
            if let Some(v) = &args.vararg {
                self.arg(v);
            }
        }
        for a in &args.kwonlyargs {
            sep(self);
            self.arg_with_default(a);
        }
        if let Some(k) = &args.kwarg {
            sep(self);
            self.s("**");
            self.arg(k);
        }
    }

    fn arg_with_default(&mut self, a: &ast::ArgWithDefault) {
        self.arg(&a.def);
        if let Some(d) = &a.default {
            self.s("=");
            self.expr(d, prec::TEST);
        }
    }

    fn lambda(&mut self, l: &ast::ExprLambda, level: u8) {
        self.open_if(level > prec::TEST);
        // CPython only adds the space after `lambda` when there are
        // positional parameters, so `lambda *a: 0` comes out `lambda*a: 0`.
        let n_positional = l.args.args.len() + l.args.posonlyargs.len();
        self.s(if n_positional > 0 {
            "lambda "
        } else {
            "lambda"
        });
        self.arguments(&l.args);
        self.s(": ");
        self.expr(&l.body, prec::TEST);
        self.close_if(level > prec::TEST);
    }

    fn ifexp(&mut self, i: &ast::ExprIfExp, level: u8) {
        self.open_if(level > prec::TEST);
        self.expr(&i.body, prec::TEST + 1);
        self.s(" if ");
        self.expr(&i.test, prec::TEST + 1);
        self.s(" else ");
        self.expr(&i.orelse, prec::TEST);
        self.close_if(level > prec::TEST);
    }

    fn dict(&mut self, d: &ast::ExprDict) {
        self.s("{");
        for (i, (k, v)) in d.keys.iter().zip(&d.values).enumerate() {
            if i > 0 {
                self.s(", ");
            }
            match k {
                Some(k) => {
                    self.expr(k, prec::TEST);
                    self.s(": ");
                    self.expr(v, prec::TEST);
                }
                None => {
                    self.s("**");
                    self.expr(v, prec::EXPR);
                }
            }
        }
        self.s("}");
    }

    fn tuple(&mut self, t: &ast::ExprTuple, level: u8) {
        if t.elts.is_empty() {
            self.s("()");
            return;
        }
        self.open_if(level > prec::TUPLE);
        self.comma_list(&t.elts, prec::TEST);
        if t.elts.len() == 1 {
            self.s(",");
        }
        self.close_if(level > prec::TUPLE);
    }

    /// Generator expressions and list/set/dict comprehensions: `open`, the
    /// element (or `key: value`), the `for` clauses, `close`.
    fn comprehension_display(
        &mut self,
        open: &str,
        elt: &ast::Expr,
        value: Option<&ast::Expr>,
        generators: &[ast::Comprehension],
        close: &str,
    ) {
        self.s(open);
        self.expr(elt, prec::TEST);
        if let Some(v) = value {
            self.s(": ");
            self.expr(v, prec::TEST);
        }
        for gen in generators {
            self.s(if gen.is_async { " async for " } else { " for " });
            self.expr(&gen.target, prec::TUPLE);
            self.s(" in ");
            self.expr(&gen.iter, prec::TEST + 1);
            for cond in &gen.ifs {
                self.s(" if ");
                self.expr(cond, prec::TEST + 1);
            }
        }
        self.s(close);
    }

    fn compare(&mut self, c: &ast::ExprCompare, level: u8) {
        use ast::CmpOp as C;
        self.open_if(level > prec::CMP);
        self.expr(&c.left, prec::CMP + 1);
        for (op, right) in c.ops.iter().zip(&c.comparators) {
            self.s(match op {
                C::Eq => " == ",
                C::NotEq => " != ",
                C::Lt => " < ",
                C::LtE => " <= ",
                C::Gt => " > ",
                C::GtE => " >= ",
                C::Is => " is ",
                C::IsNot => " is not ",
                C::In => " in ",
                C::NotIn => " not in ",
            });
            self.expr(right, prec::CMP + 1);
        }
        self.close_if(level > prec::CMP);
    }

    fn call(&mut self, c: &ast::ExprCall) {
        self.expr(&c.func, prec::ATOM);
        // A lone generator expression argument supplies the call's
        // parentheses itself: `f(x for x in y)`.
        if let ([arg @ ast::Expr::GeneratorExp(_)], []) = (&c.args[..], &c.keywords[..]) {
            self.expr(arg, prec::TEST);
            return;
        }
        self.s("(");
        let mut first = true;
        for a in &c.args {
            if !first {
                self.s(", ");
            }
            first = false;
            self.expr(a, prec::TEST);
        }
        for k in &c.keywords {
            if !first {
                self.s(", ");
            }
            first = false;
            match &k.arg {
                None => self.s("**"),
                Some(name) => {
                    self.s(name.as_str());
                    self.s("=");
                }
            }
            self.expr(&k.value, prec::TEST);
        }
        self.s(")");
    }

    fn attribute(&mut self, a: &ast::ExprAttribute) {
        self.expr(&a.value, prec::ATOM);
        // `1.real` would lex as a float: CPython separates an int with a
        // space. (Only exact ints: `True.real` keeps its dot.)
        let int_value = matches!(
            &*a.value,
            ast::Expr::Constant(ast::ExprConstant {
                value: Constant::Int(_),
                ..
            })
        );
        self.s(if int_value { " ." } else { "." });
        self.s(a.attr.as_str());
    }

    fn subscript(&mut self, s: &ast::ExprSubscript) {
        self.expr(&s.value, prec::ATOM);
        self.s("[");
        if let ast::Expr::Starred(_) = &*s.slice {
            // rustpython leaves `a[*b]` as a bare Starred slice; CPython's
            // parser makes it the one-element tuple `a[*b,]`, and that is
            // how it comes out.
            self.expr(&s.slice, prec::TEST);
            self.s(",");
        } else {
            self.expr(&s.slice, prec::TUPLE);
        }
        self.s("]");
    }

    fn slice(&mut self, s: &ast::ExprSlice) {
        if let Some(lower) = &s.lower {
            self.expr(lower, prec::TEST);
        }
        self.s(":");
        if let Some(upper) = &s.upper {
            self.expr(upper, prec::TEST);
        }
        if let Some(step) = &s.step {
            self.s(":");
            self.expr(step, prec::TEST);
        }
    }

    fn constant_expr(&mut self, c: &ast::ExprConstant) {
        // A top-level Ellipsis is spelled `...`; inside a folded tuple
        // constant it is the repr, `Ellipsis`.
        if matches!(c.value, Constant::Ellipsis) {
            self.s("...");
            return;
        }
        // The only `kind` CPython's parser produces is "u" (a `u"..."`
        // string), which it writes back as a prefix. Our fold pass uses
        // `kind` to tag frozensets; that is not source text.
        if c.kind.as_deref() == Some("u") && !self.starts_with_upper_u(c) {
            self.s("u");
        }
        self.constant(&c.value);
    }

    /// Whether the source of a string constant starts with a `U` prefix.
    fn starts_with_upper_u(&self, c: &ast::ExprConstant) -> bool {
        let start = usize::from(c.range.start());
        self.source
            .and_then(|src| src.as_bytes().get(start))
            .is_some_and(|&b| b == b'U')
    }

    /// `append_ast_constant`: a tuple constant element by element, anything
    /// else by its repr.
    fn constant(&mut self, c: &Constant) {
        match c {
            Constant::Tuple(elts) => {
                self.s("(");
                for (i, elt) in elts.iter().enumerate() {
                    if i > 0 {
                        self.s(", ");
                    }
                    self.constant(elt);
                }
                if elts.len() == 1 {
                    self.s(",");
                }
                self.s(")");
            }
            other => {
                let repr = constant_repr(other);
                self.s(&repr);
            }
        }
    }

    /// An f-string. At top level it is written as `f` plus the repr of its
    /// whole body (so the quote choice and escaping are those of `repr`);
    /// as a format spec the body goes in bare.
    fn joinedstr(&mut self, j: &ast::ExprJoinedStr, is_format_spec: bool) {
        let mut body = Writer::new(self.source);
        for v in &j.values {
            body.fstring_element(v, is_format_spec);
        }
        if is_format_spec {
            self.s(&body.out);
        } else {
            self.s("f");
            self.s(&str_repr(&body.out));
        }
    }

    fn fstring_element(&mut self, e: &ast::Expr, is_format_spec: bool) {
        match e {
            ast::Expr::Constant(ast::ExprConstant {
                value: Constant::Str(s),
                ..
            }) => {
                self.s(&s.replace('{', "{{").replace('}', "}}"));
            }
            ast::Expr::JoinedStr(j) => self.joinedstr(j, is_format_spec),
            ast::Expr::FormattedValue(f) => self.formatted_value(f),
            // The parser puts nothing else in an f-string (CPython raises
            // SystemError here); render it plainly rather than panic.
            other => self.expr(other, prec::TEST + 1),
        }
    }

    fn formatted_value(&mut self, f: &ast::ExprFormattedValue) {
        // Above TEST so that a lambda (whose `:` would start the format
        // spec) gets parenthesised.
        let inner = Writer::new(self.source).render(&f.value, prec::TEST + 1);
        // `{{` would be an escaped brace: keep a leading `{` apart.
        self.s(if inner.starts_with('{') { "{ " } else { "{" });
        self.s(&inner);
        match f.conversion {
            ConversionFlag::None => {}
            ConversionFlag::Str => self.s("!s"),
            ConversionFlag::Ascii => self.s("!a"),
            ConversionFlag::Repr => self.s("!r"),
        }
        if let Some(spec) = &f.format_spec {
            self.s(":");
            self.fstring_element(spec, true);
        }
        self.s("}");
    }
}

/// `repr()` of a non-tuple constant, except that an infinity is written
/// `1e309` (a literal that overflows to it; CPython uses `1e` followed by
/// `DBL_MAX_10_EXP + 1`), in floats and in complex numbers alike.
fn constant_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".to_string(),
        Constant::Bool(true) => "True".to_string(),
        Constant::Bool(false) => "False".to_string(),
        Constant::Str(s) => str_repr(s),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => {
            let r = float_repr(*f);
            if f.is_infinite() {
                r.replace("inf", INF_LITERAL)
            } else {
                r
            }
        }
        Constant::Complex { real, imag } => complex_repr(*real, *imag).replace("inf", INF_LITERAL),
        Constant::Ellipsis => "Ellipsis".to_string(),
        Constant::Tuple(_) => {
            let mut w = Writer::new(None);
            w.constant(c);
            w.out
        }
    }
}

/// What ast_unparse.c writes for `inf`: `"1e%d" % (DBL_MAX_10_EXP + 1)`.
const INF_LITERAL: &str = "1e309";
