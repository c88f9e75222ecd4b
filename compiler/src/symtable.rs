//! The symbol table: which names are local, global, free or cells in each
//! scope, mirroring CPython 3.11's `Python/symtable.c`.
//!
//! Built once per module from the (constant-folded) AST. Code generation
//! finds the scope of a function, class, lambda or comprehension by the
//! address of its AST node (`node_key`), as CPython does with `st_blocks`.

use std::collections::HashMap;

use rustpython_parser::ast;

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
    /// Only with `from __future__ import annotations`.
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
            symbol_index: HashMap::new(),
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
    /// `scopes[0]` is the module ("top").
    pub scopes: Vec<Scope>,
    /// `node_key(node)` → scope, for every scope-creating node.
    pub by_node: HashMap<usize, ScopeId>,
    /// Features from `from __future__ import ...` (only `annotations`
    /// changes compilation in 3.11; see `crate::code::flags`).
    pub future_annotations: bool,
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

/// Build the symbol table for a module body (`_PySymtable_Build`).
pub fn build(
    body: &[ast::Stmt],
    filename: &str,
    lines: &LineIndex,
) -> Result<SymbolTable, CompileError> {
    let _ = (body, filename, lines);
    Err(CompileError::syntax(
        "symbol table not implemented yet",
        filename,
        1,
        0,
    ))
}
