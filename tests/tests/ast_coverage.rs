//! Fails if some AST node kind the parser can produce (for Python 3.11)
//! appears in no case of `tests/cases/`, and lists the missing kinds.
//!
//! Every case is parsed with rustpython-parser and folded with a `Fold`
//! that records the variant of each Stmt, Expr, Pattern, ExceptHandler,
//! operator, cmpop, boolop, unaryop, expr_context and constant it meets.
//! The `kind_of_*` functions match exhaustively (no `_` arm), so a parser
//! upgrade that adds a variant breaks the build here until the variant is
//! named in `expected_kinds`.

use std::collections::BTreeSet;
use std::convert::Infallible;

use rustpython_parser::ast::{
    self, fold, BoolOp, CmpOp, Constant, ExceptHandler, Expr, ExprContext, Fold, Operator, Pattern,
    Stmt, UnaryOp,
};
use rustpython_parser::text_size::TextRange;
use rustpython_parser::{parse, Mode};

fn kind_of_stmt(s: &Stmt) -> &'static str {
    match s {
        Stmt::FunctionDef(_) => "Stmt::FunctionDef",
        Stmt::AsyncFunctionDef(_) => "Stmt::AsyncFunctionDef",
        Stmt::ClassDef(_) => "Stmt::ClassDef",
        Stmt::Return(_) => "Stmt::Return",
        Stmt::Delete(_) => "Stmt::Delete",
        Stmt::Assign(_) => "Stmt::Assign",
        Stmt::TypeAlias(_) => "Stmt::TypeAlias",
        Stmt::AugAssign(_) => "Stmt::AugAssign",
        Stmt::AnnAssign(_) => "Stmt::AnnAssign",
        Stmt::For(_) => "Stmt::For",
        Stmt::AsyncFor(_) => "Stmt::AsyncFor",
        Stmt::While(_) => "Stmt::While",
        Stmt::If(_) => "Stmt::If",
        Stmt::With(_) => "Stmt::With",
        Stmt::AsyncWith(_) => "Stmt::AsyncWith",
        Stmt::Match(_) => "Stmt::Match",
        Stmt::Raise(_) => "Stmt::Raise",
        Stmt::Try(_) => "Stmt::Try",
        Stmt::TryStar(_) => "Stmt::TryStar",
        Stmt::Assert(_) => "Stmt::Assert",
        Stmt::Import(_) => "Stmt::Import",
        Stmt::ImportFrom(_) => "Stmt::ImportFrom",
        Stmt::Global(_) => "Stmt::Global",
        Stmt::Nonlocal(_) => "Stmt::Nonlocal",
        Stmt::Expr(_) => "Stmt::Expr",
        Stmt::Pass(_) => "Stmt::Pass",
        Stmt::Break(_) => "Stmt::Break",
        Stmt::Continue(_) => "Stmt::Continue",
    }
}

fn kind_of_expr(e: &Expr) -> &'static str {
    match e {
        Expr::BoolOp(_) => "Expr::BoolOp",
        Expr::NamedExpr(_) => "Expr::NamedExpr",
        Expr::BinOp(_) => "Expr::BinOp",
        Expr::UnaryOp(_) => "Expr::UnaryOp",
        Expr::Lambda(_) => "Expr::Lambda",
        Expr::IfExp(_) => "Expr::IfExp",
        Expr::Dict(_) => "Expr::Dict",
        Expr::Set(_) => "Expr::Set",
        Expr::ListComp(_) => "Expr::ListComp",
        Expr::SetComp(_) => "Expr::SetComp",
        Expr::DictComp(_) => "Expr::DictComp",
        Expr::GeneratorExp(_) => "Expr::GeneratorExp",
        Expr::Await(_) => "Expr::Await",
        Expr::Yield(_) => "Expr::Yield",
        Expr::YieldFrom(_) => "Expr::YieldFrom",
        Expr::Compare(_) => "Expr::Compare",
        Expr::Call(_) => "Expr::Call",
        Expr::FormattedValue(_) => "Expr::FormattedValue",
        Expr::JoinedStr(_) => "Expr::JoinedStr",
        Expr::Constant(_) => "Expr::Constant",
        Expr::Attribute(_) => "Expr::Attribute",
        Expr::Subscript(_) => "Expr::Subscript",
        Expr::Starred(_) => "Expr::Starred",
        Expr::Name(_) => "Expr::Name",
        Expr::List(_) => "Expr::List",
        Expr::Tuple(_) => "Expr::Tuple",
        Expr::Slice(_) => "Expr::Slice",
    }
}

fn kind_of_constant(c: &Constant) -> &'static str {
    match c {
        Constant::None => "Constant::None",
        Constant::Bool(_) => "Constant::Bool",
        Constant::Str(_) => "Constant::Str",
        Constant::Bytes(_) => "Constant::Bytes",
        Constant::Int(_) => "Constant::Int",
        // Only the constant folder builds tuples; the parser never does.
        Constant::Tuple(_) => "Constant::Tuple",
        Constant::Float(_) => "Constant::Float",
        Constant::Complex { .. } => "Constant::Complex",
        Constant::Ellipsis => "Constant::Ellipsis",
    }
}

fn kind_of_pattern(p: &Pattern) -> &'static str {
    match p {
        Pattern::MatchValue(_) => "Pattern::MatchValue",
        Pattern::MatchSingleton(_) => "Pattern::MatchSingleton",
        Pattern::MatchSequence(_) => "Pattern::MatchSequence",
        Pattern::MatchMapping(_) => "Pattern::MatchMapping",
        Pattern::MatchClass(_) => "Pattern::MatchClass",
        Pattern::MatchStar(_) => "Pattern::MatchStar",
        Pattern::MatchAs(_) => "Pattern::MatchAs",
        Pattern::MatchOr(_) => "Pattern::MatchOr",
    }
}

fn kind_of_handler(h: &ExceptHandler) -> &'static str {
    match h {
        ExceptHandler::ExceptHandler(_) => "ExceptHandler::ExceptHandler",
    }
}

fn kind_of_operator(o: &Operator) -> &'static str {
    match o {
        Operator::Add => "Operator::Add",
        Operator::Sub => "Operator::Sub",
        Operator::Mult => "Operator::Mult",
        Operator::MatMult => "Operator::MatMult",
        Operator::Div => "Operator::Div",
        Operator::Mod => "Operator::Mod",
        Operator::Pow => "Operator::Pow",
        Operator::LShift => "Operator::LShift",
        Operator::RShift => "Operator::RShift",
        Operator::BitOr => "Operator::BitOr",
        Operator::BitXor => "Operator::BitXor",
        Operator::BitAnd => "Operator::BitAnd",
        Operator::FloorDiv => "Operator::FloorDiv",
    }
}

fn kind_of_cmpop(o: &CmpOp) -> &'static str {
    match o {
        CmpOp::Eq => "CmpOp::Eq",
        CmpOp::NotEq => "CmpOp::NotEq",
        CmpOp::Lt => "CmpOp::Lt",
        CmpOp::LtE => "CmpOp::LtE",
        CmpOp::Gt => "CmpOp::Gt",
        CmpOp::GtE => "CmpOp::GtE",
        CmpOp::Is => "CmpOp::Is",
        CmpOp::IsNot => "CmpOp::IsNot",
        CmpOp::In => "CmpOp::In",
        CmpOp::NotIn => "CmpOp::NotIn",
    }
}

fn kind_of_boolop(o: &BoolOp) -> &'static str {
    match o {
        BoolOp::And => "BoolOp::And",
        BoolOp::Or => "BoolOp::Or",
    }
}

fn kind_of_unaryop(o: &UnaryOp) -> &'static str {
    match o {
        UnaryOp::Invert => "UnaryOp::Invert",
        UnaryOp::Not => "UnaryOp::Not",
        UnaryOp::UAdd => "UnaryOp::UAdd",
        UnaryOp::USub => "UnaryOp::USub",
    }
}

fn kind_of_context(c: &ExprContext) -> &'static str {
    match c {
        ExprContext::Load => "ExprContext::Load",
        ExprContext::Store => "ExprContext::Store",
        ExprContext::Del => "ExprContext::Del",
    }
}

/// Every kind a Python 3.11 program can contain. Left out on purpose:
/// `Stmt::TypeAlias` (3.12 syntax that 3.11 rejects) and `Constant::Tuple`
/// (never produced by the parser).
fn expected_kinds() -> BTreeSet<&'static str> {
    let excluded = ["Stmt::TypeAlias", "Constant::Tuple"];
    let all = [
        "Stmt::FunctionDef",
        "Stmt::AsyncFunctionDef",
        "Stmt::ClassDef",
        "Stmt::Return",
        "Stmt::Delete",
        "Stmt::Assign",
        "Stmt::TypeAlias",
        "Stmt::AugAssign",
        "Stmt::AnnAssign",
        "Stmt::For",
        "Stmt::AsyncFor",
        "Stmt::While",
        "Stmt::If",
        "Stmt::With",
        "Stmt::AsyncWith",
        "Stmt::Match",
        "Stmt::Raise",
        "Stmt::Try",
        "Stmt::TryStar",
        "Stmt::Assert",
        "Stmt::Import",
        "Stmt::ImportFrom",
        "Stmt::Global",
        "Stmt::Nonlocal",
        "Stmt::Expr",
        "Stmt::Pass",
        "Stmt::Break",
        "Stmt::Continue",
        "Expr::BoolOp",
        "Expr::NamedExpr",
        "Expr::BinOp",
        "Expr::UnaryOp",
        "Expr::Lambda",
        "Expr::IfExp",
        "Expr::Dict",
        "Expr::Set",
        "Expr::ListComp",
        "Expr::SetComp",
        "Expr::DictComp",
        "Expr::GeneratorExp",
        "Expr::Await",
        "Expr::Yield",
        "Expr::YieldFrom",
        "Expr::Compare",
        "Expr::Call",
        "Expr::FormattedValue",
        "Expr::JoinedStr",
        "Expr::Constant",
        "Expr::Attribute",
        "Expr::Subscript",
        "Expr::Starred",
        "Expr::Name",
        "Expr::List",
        "Expr::Tuple",
        "Expr::Slice",
        "Constant::None",
        "Constant::Bool",
        "Constant::Str",
        "Constant::Bytes",
        "Constant::Int",
        "Constant::Tuple",
        "Constant::Float",
        "Constant::Complex",
        "Constant::Ellipsis",
        "Pattern::MatchValue",
        "Pattern::MatchSingleton",
        "Pattern::MatchSequence",
        "Pattern::MatchMapping",
        "Pattern::MatchClass",
        "Pattern::MatchStar",
        "Pattern::MatchAs",
        "Pattern::MatchOr",
        "ExceptHandler::ExceptHandler",
        "Operator::Add",
        "Operator::Sub",
        "Operator::Mult",
        "Operator::MatMult",
        "Operator::Div",
        "Operator::Mod",
        "Operator::Pow",
        "Operator::LShift",
        "Operator::RShift",
        "Operator::BitOr",
        "Operator::BitXor",
        "Operator::BitAnd",
        "Operator::FloorDiv",
        "CmpOp::Eq",
        "CmpOp::NotEq",
        "CmpOp::Lt",
        "CmpOp::LtE",
        "CmpOp::Gt",
        "CmpOp::GtE",
        "CmpOp::Is",
        "CmpOp::IsNot",
        "CmpOp::In",
        "CmpOp::NotIn",
        "BoolOp::And",
        "BoolOp::Or",
        "UnaryOp::Invert",
        "UnaryOp::Not",
        "UnaryOp::UAdd",
        "UnaryOp::USub",
        "ExprContext::Load",
        "ExprContext::Store",
        "ExprContext::Del",
    ];
    all.into_iter().filter(|k| !excluded.contains(k)).collect()
}

/// Records node kinds while rebuilding the tree unchanged.
#[derive(Default)]
struct KindCollector {
    seen: BTreeSet<&'static str>,
}

impl Fold<TextRange> for KindCollector {
    type TargetU = TextRange;
    type Error = Infallible;
    type UserContext = ();

    fn will_map_user(&mut self, _user: &TextRange) {}
    fn map_user(&mut self, user: TextRange, _context: ()) -> Result<TextRange, Infallible> {
        Ok(user)
    }

    fn fold_stmt(&mut self, node: Stmt) -> Result<Stmt, Infallible> {
        self.seen.insert(kind_of_stmt(&node));
        fold::fold_stmt(self, node)
    }
    fn fold_expr(&mut self, node: Expr) -> Result<Expr, Infallible> {
        self.seen.insert(kind_of_expr(&node));
        if let Expr::Constant(c) = &node {
            self.seen.insert(kind_of_constant(&c.value));
        }
        fold::fold_expr(self, node)
    }
    fn fold_pattern(&mut self, node: Pattern) -> Result<Pattern, Infallible> {
        self.seen.insert(kind_of_pattern(&node));
        fold::fold_pattern(self, node)
    }
    fn fold_excepthandler(&mut self, node: ExceptHandler) -> Result<ExceptHandler, Infallible> {
        self.seen.insert(kind_of_handler(&node));
        fold::fold_excepthandler(self, node)
    }
    fn fold_operator(&mut self, node: Operator) -> Result<Operator, Infallible> {
        self.seen.insert(kind_of_operator(&node));
        Ok(node)
    }
    fn fold_cmpop(&mut self, node: CmpOp) -> Result<CmpOp, Infallible> {
        self.seen.insert(kind_of_cmpop(&node));
        Ok(node)
    }
    fn fold_boolop(&mut self, node: BoolOp) -> Result<BoolOp, Infallible> {
        self.seen.insert(kind_of_boolop(&node));
        Ok(node)
    }
    fn fold_unaryop(&mut self, node: UnaryOp) -> Result<UnaryOp, Infallible> {
        self.seen.insert(kind_of_unaryop(&node));
        Ok(node)
    }
    fn fold_expr_context(&mut self, node: ExprContext) -> Result<ExprContext, Infallible> {
        self.seen.insert(kind_of_context(&node));
        Ok(node)
    }
}

#[test]
fn every_ast_node_kind_has_a_case() {
    let mut collector = KindCollector::default();
    let cases = pyrite_tests::corpus::all();
    for case in &cases {
        let source = case.source();
        let module = parse(&source, Mode::Module, &case.rel_path())
            .unwrap_or_else(|e| panic!("{} does not parse: {e}", case.id()));
        let ast::Mod::Module(module) = module else {
            panic!("{}: parse in Module mode returned another Mod", case.id());
        };
        for stmt in module.body {
            let Ok(_) = collector.fold_stmt(stmt);
        }
    }
    let expected = expected_kinds();
    let unexpected: Vec<_> = collector.seen.difference(&expected).collect();
    assert!(
        unexpected.is_empty(),
        "kinds seen in the corpus but not expected for 3.11: {unexpected:?}"
    );
    let missing: Vec<_> = expected.difference(&collector.seen).collect();
    println!(
        "{} of {} node kinds covered by {} cases",
        expected.len() - missing.len(),
        expected.len(),
        cases.len()
    );
    assert!(
        missing.is_empty(),
        "no case in tests/cases/ uses these AST node kinds: {missing:?}"
    );
}
