//! Structural pattern matching (compile.c: compiler_match and the
//! compiler_pattern_* / pattern_helper_* routines, PEP 634).
//!
//! Every `pattern_*` routine consumes the subject on top of the stack and,
//! when the subject does not match, jumps to a "fail pop" block that pops
//! whatever the pattern had pushed so far. `PatternContext::on_top` counts
//! the items the current pattern keeps above its subject; name captures are
//! rotated *underneath* those items and only stored once the whole pattern
//! has matched, so a failed match never binds anything.
//!
//! Source locations follow CPython exactly: `pattern` sets the location of
//! each (sub)pattern and never restores it, so instructions emitted after a
//! sub-pattern carry the location of the last sub-pattern compiled.

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::FromPrimitive;
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::TextRange;

use super::{constant_from_ast, CResult, Compiler, NameCtx};
use crate::code::Constant;
use crate::ir::BlockId;
use crate::opcode::{nb, Op};

/// COMPARE_OP arguments (CPython's Py_EQ / Py_GE).
const CMP_EQ: u32 = 2;
const CMP_GE: u32 = 5;

/// CPython's `pattern_context`.
#[derive(Default)]
struct PatternContext<'a> {
    /// Names captured so far, in the order their values sit on the stack.
    stores: Vec<&'a str>,
    /// May this pattern be irrefutable (a bare capture or wildcard)?
    allow_irrefutable: bool,
    /// `fail_pop[n]` pops `n` items and then falls into `fail_pop[n - 1]`;
    /// `fail_pop[0]` is where a failed match ends up with a clean stack.
    fail_pop: Vec<BlockId>,
    /// Items on top of the stack (above the captures) that a failure pops.
    on_top: usize,
}

/// WILDCARD_CHECK: `_`.
fn is_wildcard(p: &ast::Pattern) -> bool {
    matches!(p, ast::Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

/// WILDCARD_STAR_CHECK: `*_`.
fn is_star_wildcard(p: &ast::Pattern) -> bool {
    matches!(p, ast::Pattern::MatchStar(s) if s.name.is_none())
}

impl<'a> Compiler<'a> {
    /// compiler_match.
    /// Push the subject. rustpython-parser mis-parses an unparenthesized
    /// tuple subject: `match x,:` comes out as plain `x`, and `match a, b:`
    /// as a tuple spanning the whole statement. CPython's AST has a tuple
    /// spanning the elements (and the trailing comma of a 1-tuple).
    fn match_subject(&mut self, m: &'a ast::StmtMatch) -> CResult {
        let subject = &*m.subject;
        let after = usize::from(subject.range().end());
        let rest = self.source.get(after..).unwrap_or("");
        let trailing_comma = rest.trim_start().starts_with(',');
        match subject {
            ast::Expr::Tuple(t) if !t.elts.is_empty() && t.range.start() == m.range.start() => {
                let start = t.elts[0].range().start();
                let end = t.elts[t.elts.len() - 1].range().end();
                self.range_override.insert(
                    crate::symtable::node_key(subject),
                    TextRange::new(start, end),
                );
                self.visit_expr(subject)
            }
            // A tuple of constants, already folded: find its text.
            ast::Expr::Constant(_) if subject.range().start() == m.range.start() => {
                if let Some(range) = self.match_header_subject(m) {
                    self.range_override
                        .insert(crate::symtable::node_key(subject), range);
                }
                self.visit_expr(subject)
            }
            _ if trailing_comma && !matches!(subject, ast::Expr::Tuple(_)) => {
                let comma = after + rest.find(',').unwrap_or(0) + 1;
                let saved = self.u().loc;
                self.set_loc(TextRange::new(
                    subject.range().start(),
                    (comma as u32).into(),
                ));
                self.visit_expr(subject)?;
                self.emit(Op::BUILD_TUPLE, 1);
                self.um().loc = saved;
                Ok(())
            }
            _ => self.visit_expr(subject),
        }
    }

    /// The text range between `match` and the header's `:` (trimmed).
    fn match_header_subject(&self, m: &ast::StmtMatch) -> Option<TextRange> {
        let start = usize::from(m.range.start()) + "match".len();
        let text = self.source.get(start..)?;
        let mut depth = 0i32;
        let mut quote: Option<char> = None;
        let mut end = None;
        let mut prev = ' ';
        for (i, ch) in text.char_indices() {
            match quote {
                Some(q) => {
                    if ch == q && prev != '\\' {
                        quote = None;
                    }
                }
                None => match ch {
                    '\'' | '"' => quote = Some(ch),
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' | '}' => depth -= 1,
                    ':' if depth == 0 => {
                        end = Some(i);
                        break;
                    }
                    _ => {}
                },
            }
            prev = ch;
        }
        let header = &text[..end?];
        let lead = header.len() - header.trim_start().len();
        let body = header.trim();
        let from = (start + lead) as u32;
        Some(TextRange::new(
            from.into(),
            (from + body.len() as u32).into(),
        ))
    }

    pub fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> CResult {
        let mut pc = PatternContext::default();
        self.match_subject(m)?;
        let end = self.new_block();
        let cases = m.cases.len();
        let Some(last) = m.cases.last() else {
            return self.error("match statement without cases");
        };
        // A trailing `case _:` needs no copy of the subject and no pattern
        // code at all; it is compiled separately after the loop.
        let has_default = is_wildcard(&last.pattern) && cases > 1;
        let refutable_cases = cases - has_default as usize;
        for (i, case) in m.cases[..refutable_cases].iter().enumerate() {
            let is_last = i == refutable_cases - 1;
            self.set_loc(case.pattern.range());
            // Only copy the subject if another case will need it.
            if !is_last {
                self.emit(Op::COPY, 1);
            }
            pc.stores.clear();
            // Irrefutable cases must be guarded, last, or both.
            pc.allow_irrefutable = case.guard.is_some() || i == cases - 1;
            pc.fail_pop.clear();
            pc.on_top = 0;
            self.pattern(&case.pattern, &mut pc)?;
            debug_assert_eq!(pc.on_top, 0);
            // It's a match: bind the captures, which are on the stack.
            for name in std::mem::take(&mut pc.stores) {
                self.nameop(name, NameCtx::Store)?;
            }
            if let Some(guard) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let fail = pc.fail_pop[0];
                self.jump_if(guard, fail, false)?;
            }
            // Done with the subject.
            if !is_last {
                self.op(Op::POP_TOP);
            }
            self.visit_stmts(&case.body)?;
            // CPython 3.11.7 gives this jump no location of its own (it takes
            // the body's last one), unlike 3.11.2's ADDOP_JUMP.
            self.jump_noline(Op::JUMP, end);
            // The clean-up of a failed match belongs to the pattern's line,
            // not to the last line of the body.
            self.set_loc(case.pattern.range());
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            self.set_loc(last.pattern.range());
            // `has_default` implies an earlier case consumed the subject, so
            // there is nothing to pop (CPython's `cases == 1` branch is dead);
            // the NOP gives the default case line coverage.
            self.op(Op::NOP);
            if let Some(guard) = &last.guard {
                self.jump_if(guard, end, false)?;
            }
            self.visit_stmts(&last.body)?;
        }
        self.use_next_block(end);
        Ok(())
    }

    /// compiler_pattern.
    fn pattern(&mut self, p: &'a ast::Pattern, pc: &mut PatternContext<'a>) -> CResult {
        use ast::Pattern as P;
        self.set_loc(p.range());
        match p {
            P::MatchValue(v) => self.pattern_value(v, pc),
            P::MatchSingleton(s) => self.pattern_singleton(s, pc),
            P::MatchSequence(s) => self.pattern_sequence(s, pc),
            P::MatchMapping(m) => self.pattern_mapping(m, pc),
            P::MatchClass(c) => self.pattern_class(c, pc),
            P::MatchStar(s) => self.pattern_helper_store_name(s.name.as_deref(), pc),
            P::MatchAs(a) => self.pattern_as(a, pc),
            P::MatchOr(o) => self.pattern_or(o, pc),
        }
    }

    /// compiler_pattern_subpattern: like `pattern`, but a sub-pattern may
    /// always be irrefutable.
    fn pattern_subpattern(&mut self, p: &'a ast::Pattern, pc: &mut PatternContext<'a>) -> CResult {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = saved;
        Ok(())
    }

    // ----- failure blocks ------------------------------------------------

    /// ensure_fail_pop: make sure `fail_pop[n]` exists.
    fn ensure_fail_pop(&mut self, pc: &mut PatternContext<'a>, n: usize) {
        while pc.fail_pop.len() <= n {
            let b = self.new_block();
            pc.fail_pop.push(b);
        }
    }

    /// jump_to_fail_pop: on failure, pop the items on top and the values
    /// captured so far.
    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext<'a>, op: Op) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.jump(op, pc.fail_pop[pops]);
    }

    /// emit_and_reset_fail_pop: lay out the chain of POP_TOP blocks, the
    /// deepest first, ending at `fail_pop[0]` (empty).
    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext<'a>) {
        let blocks = std::mem::take(&mut pc.fail_pop);
        let Some((&first, rest)) = blocks.split_first() else {
            return;
        };
        for &b in rest.iter().rev() {
            self.use_next_block(b);
            self.op(Op::POP_TOP);
        }
        self.use_next_block(first);
    }

    // ----- captures --------------------------------------------------------

    /// pattern_helper_rotate: bring TOS down `count - 1` places (what 3.10's
    /// ROT_N did), using SWAPs.
    fn pattern_helper_rotate(&mut self, count: usize) {
        for n in (2..=count).rev() {
            self.emit(Op::SWAP, n as u32);
        }
    }

    /// pattern_helper_store_name: capture TOS as `name` (or drop it for a
    /// wildcard), stashing it below the items the pattern still needs.
    fn pattern_helper_store_name(
        &mut self,
        name: Option<&'a str>,
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        let Some(name) = name else {
            self.op(Op::POP_TOP);
            return Ok(());
        };
        if name == "__debug__" {
            return self.error("cannot assign to __debug__");
        }
        if pc.stores.contains(&name) {
            return self.error_duplicate_store(name);
        }
        let rotations = pc.on_top + pc.stores.len() + 1;
        self.pattern_helper_rotate(rotations);
        pc.stores.push(name);
        Ok(())
    }

    /// compiler_error_duplicate_store.
    fn error_duplicate_store<T>(&self, name: &str) -> CResult<T> {
        self.error(format!("multiple assignments to name '{name}' in pattern"))
    }

    // ----- the pattern kinds -------------------------------------------------

    /// compiler_pattern_as: `name`, `_`, or `pattern as name`.
    fn pattern_as(&mut self, p: &'a ast::PatternMatchAs, pc: &mut PatternContext<'a>) -> CResult {
        let name = p.name.as_deref();
        let Some(inner) = &p.pattern else {
            // An irrefutable match.
            if !pc.allow_irrefutable {
                return match name {
                    Some(n) => self.error(format!(
                        "name capture '{n}' makes remaining patterns unreachable"
                    )),
                    None => self.error("wildcard makes remaining patterns unreachable"),
                };
            }
            return self.pattern_helper_store_name(name, pc);
        };
        // Keep a copy of the subject to store if the inner pattern matches.
        pc.on_top += 1;
        self.emit(Op::COPY, 1);
        self.pattern(inner, pc)?;
        pc.on_top -= 1;
        self.pattern_helper_store_name(name, pc)
    }

    /// compiler_pattern_value: a literal or dotted name, compared with `==`.
    fn pattern_value(
        &mut self,
        p: &'a ast::PatternMatchValue,
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        // The parser only produces literals and attributes here (negative
        // and complex literals are folded into constants beforehand).
        if !matches!(*p.value, ast::Expr::Constant(_) | ast::Expr::Attribute(_)) {
            return self.error("patterns may only match literals and attribute lookups");
        }
        self.visit_expr(&p.value)?;
        self.emit(Op::COMPARE_OP, CMP_EQ);
        self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
        Ok(())
    }

    /// compiler_pattern_singleton: `None`, `True`, `False`, compared with `is`.
    fn pattern_singleton(
        &mut self,
        p: &'a ast::PatternMatchSingleton,
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        self.load_const(constant_from_ast(&p.value, None));
        self.emit(Op::IS_OP, 0);
        self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
        Ok(())
    }

    /// compiler_pattern_sequence: `[a, b, *rest]`.
    fn pattern_sequence(
        &mut self,
        p: &'a ast::PatternMatchSequence,
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        let patterns = &p.patterns;
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        // Find the starred sub-pattern; there may be at most one.
        for (i, sub) in patterns.iter().enumerate() {
            if matches!(sub, ast::Pattern::MatchStar(_)) {
                if star.is_some() {
                    return self.error("multiple starred names in sequence pattern");
                }
                star_wildcard = is_star_wildcard(sub);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(sub);
        }
        // Keep the subject on top during the type and length checks.
        pc.on_top += 1;
        self.op(Op::MATCH_SEQUENCE);
        self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
        match star {
            None => {
                // len(subject) == size
                self.op(Op::GET_LEN);
                self.load_const(int_const(size));
                self.emit(Op::COMPARE_OP, CMP_EQ);
                self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
            }
            Some(_) if size > 1 => {
                // len(subject) >= size - 1
                self.op(Op::GET_LEN);
                self.load_const(int_const(size - 1));
                self.emit(Op::COMPARE_OP, CMP_GE);
                self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
            }
            Some(_) => {}
        }
        // Whatever comes next consumes the subject.
        pc.on_top -= 1;
        if only_wildcard {
            // [] / [_] / [_, _] / [*_] / [_, *_] / ...
            self.op(Op::POP_TOP);
            Ok(())
        } else if let (true, Some(star)) = (star_wildcard, star) {
            self.pattern_helper_sequence_subscr(patterns, star, pc)
        } else {
            self.pattern_helper_sequence_unpack(patterns, pc)
        }
    }

    /// pattern_unpack_helper: UNPACK_SEQUENCE, or UNPACK_EX around the star.
    fn pattern_unpack_helper(&mut self, elts: &[ast::Pattern]) -> CResult {
        let n = elts.len();
        let mut seen_star = false;
        for (i, elt) in elts.iter().enumerate() {
            if !matches!(elt, ast::Pattern::MatchStar(_)) {
                continue;
            }
            if seen_star {
                return self.error("multiple starred expressions in sequence pattern");
            }
            // UNPACK_EX packs the counts before (8 bits) and after the star.
            if i >= 1 << 8 || n - i > (i32::MAX >> 8) as usize {
                return self.error("too many expressions in star-unpacking sequence pattern");
            }
            self.emit(Op::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32);
            seen_star = true;
        }
        if !seen_star {
            self.emit(Op::UNPACK_SEQUENCE, n as u32);
        }
        Ok(())
    }

    /// pattern_helper_sequence_unpack: unpack the subject and match each
    /// item against its sub-pattern.
    fn pattern_helper_sequence_unpack(
        &mut self,
        patterns: &'a [ast::Pattern],
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        self.pattern_unpack_helper(patterns)?;
        // The unpacked items stay on the stack until their turn comes.
        pc.on_top += patterns.len();
        for sub in patterns {
            pc.on_top -= 1;
            self.pattern_subpattern(sub, pc)?;
        }
        Ok(())
    }

    /// pattern_helper_sequence_subscr: with a `*_` wildcard, index the
    /// subject for each non-wildcard item instead of unpacking it all.
    fn pattern_helper_sequence_subscr(
        &mut self,
        patterns: &'a [ast::Pattern],
        star: usize,
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        // The subject stays on the stack for the subscripts.
        pc.on_top += 1;
        let size = patterns.len();
        for (i, sub) in patterns.iter().enumerate() {
            if is_wildcard(sub) || i == star {
                continue;
            }
            self.emit(Op::COPY, 1);
            if i < star {
                self.load_const(int_const(i));
            } else {
                // The subject may not support negative indices: compute
                // len(subject) - (size - i).
                self.op(Op::GET_LEN);
                self.load_const(int_const(size - i));
                self.emit(Op::BINARY_OP, nb::SUBTRACT);
            }
            self.op(Op::BINARY_SUBSCR);
            self.pattern_subpattern(sub, pc)?;
        }
        pc.on_top -= 1;
        self.op(Op::POP_TOP);
        Ok(())
    }

    /// validate_kwd_attrs: keyword names of a class pattern may not be
    /// `__debug__` nor repeat. Errors point at the sub-pattern, since the
    /// AST keeps the names as bare identifiers.
    fn validate_kwd_attrs(
        &mut self,
        attrs: &[ast::Identifier],
        patterns: &[ast::Pattern],
    ) -> CResult {
        for (i, attr) in attrs.iter().enumerate() {
            self.set_loc(patterns[i].range());
            if attr.as_str() == "__debug__" {
                return self.error("cannot assign to __debug__");
            }
            if let Some(j) = (i + 1..attrs.len()).find(|&j| attrs[j] == *attr) {
                self.set_loc(patterns[j].range());
                return self.error(format!(
                    "attribute name repeated in class pattern: {}",
                    attr.as_str()
                ));
            }
        }
        Ok(())
    }

    /// compiler_pattern_class: `Cls(p1, p2, kw=p3)`.
    fn pattern_class(
        &mut self,
        p: &'a ast::PatternMatchClass,
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        let nargs = p.patterns.len();
        let nattrs = p.kwd_attrs.len();
        if nattrs != p.kwd_patterns.len() {
            return self.error(format!(
                "kwd_attrs ({nattrs}) / kwd_patterns ({}) length mismatch in class pattern",
                p.kwd_patterns.len()
            ));
        }
        if nattrs > 0 {
            self.validate_kwd_attrs(&p.kwd_attrs, &p.kwd_patterns)?;
            self.set_loc(p.range());
        }
        self.visit_expr(&p.cls)?;
        let attr_names: Vec<Constant> = p
            .kwd_attrs
            .iter()
            .map(|a| Constant::Str(Rc::from(a.as_str())))
            .collect();
        self.load_const(Constant::Tuple(Rc::from(attr_names)));
        self.emit(Op::MATCH_CLASS, nargs as u32);
        self.emit(Op::COPY, 1);
        self.load_none();
        self.emit(Op::IS_OP, 1);
        // TOS is now a tuple of (nargs + nattrs) attributes, or None.
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
        let total = nargs + nattrs;
        self.emit(Op::UNPACK_SEQUENCE, total as u32);
        pc.on_top = pc.on_top + total - 1;
        for sub in p.patterns.iter().chain(&p.kwd_patterns) {
            pc.on_top -= 1;
            if is_wildcard(sub) {
                self.op(Op::POP_TOP);
                continue;
            }
            self.pattern_subpattern(sub, pc)?;
        }
        Ok(())
    }

    /// compiler_pattern_mapping: `{key: p, ..., **rest}`.
    fn pattern_mapping(
        &mut self,
        p: &'a ast::PatternMatchMapping,
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        let keys = &p.keys;
        let size = keys.len();
        if size != p.patterns.len() {
            return self.error(format!(
                "keys ({size}) / patterns ({}) length mismatch in mapping pattern",
                p.patterns.len()
            ));
        }
        let star_target = p.rest.as_deref();
        // Keep the subject on top during the type and length checks.
        pc.on_top += 1;
        self.op(Op::MATCH_MAPPING);
        self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
        if size == 0 && star_target.is_none() {
            // Just `{}`: done, pop the subject.
            pc.on_top -= 1;
            self.op(Op::POP_TOP);
            return Ok(());
        }
        if size > 0 {
            // len(subject) >= number of keys
            self.op(Op::GET_LEN);
            self.load_const(int_const(size));
            self.emit(Op::COMPARE_OP, CMP_GE);
            self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
        }
        // Push the keys (literals or dotted names) for MATCH_KEYS, rejecting
        // duplicate literal keys.
        let mut seen: Vec<&ast::Constant> = Vec::new();
        for key in keys {
            match key {
                ast::Expr::Constant(k) => {
                    if seen.iter().any(|s| const_eq(s, &k.value)) {
                        return self.error(format!(
                            "mapping pattern checks duplicate key ({})",
                            crate::repr::repr(&constant_from_ast(&k.value, None))
                        ));
                    }
                    seen.push(&k.value);
                }
                ast::Expr::Attribute(_) => {}
                _ => {
                    return self.error(
                        "mapping pattern keys may only match literals and attribute lookups",
                    )
                }
            }
            self.visit_expr(key)?;
        }
        self.emit(Op::BUILD_TUPLE, size as u32);
        self.op(Op::MATCH_KEYS);
        // The tuple of keys and the tuple of values (or None) are now on
        // top of the subject.
        pc.on_top += 2;
        self.emit(Op::COPY, 1);
        self.load_none();
        self.emit(Op::IS_OP, 1);
        self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
        // Match the values against the sub-patterns.
        self.emit(Op::UNPACK_SEQUENCE, size as u32);
        pc.on_top = pc.on_top + size - 1;
        for sub in &p.patterns {
            pc.on_top -= 1;
            self.pattern_subpattern(sub, pc)?;
        }
        // It's a match; what follows consumes the keys and the subject.
        pc.on_top -= 2;
        match star_target {
            Some(rest) => {
                // rest = dict(subject); then `del rest[key]` for each key.
                self.emit(Op::BUILD_MAP, 0); // [subject, keys, empty]
                self.emit(Op::SWAP, 3); // [empty, keys, subject]
                self.emit(Op::DICT_UPDATE, 2); // [copy, keys]
                self.emit(Op::UNPACK_SEQUENCE, size as u32); // [copy, keys...]
                for remaining in (1..=size).rev() {
                    self.emit(Op::COPY, 1 + remaining as u32); // [copy, keys..., copy]
                    self.emit(Op::SWAP, 2); // [copy, keys..., copy, key]
                    self.op(Op::DELETE_SUBSCR); // [copy, keys...]
                }
                self.pattern_helper_store_name(Some(rest), pc)
            }
            None => {
                self.op(Op::POP_TOP); // the tuple of keys
                self.op(Op::POP_TOP); // the subject
                Ok(())
            }
        }
    }

    /// compiler_pattern_or: `p1 | p2 | ...`. Each alternative matches a
    /// copy of the subject; all must bind the same names, and their values
    /// are reordered on the stack to the first alternative's order.
    fn pattern_or(&mut self, p: &'a ast::PatternMatchOr, pc: &mut PatternContext<'a>) -> CResult {
        let end = self.new_block();
        let size = p.patterns.len();
        // Each alternative gets a fresh context; keep the outer one aside.
        let outer_stores = std::mem::take(&mut pc.stores);
        let outer_fail_pop = std::mem::take(&mut pc.fail_pop);
        let outer_on_top = pc.on_top;
        let outer_allow_irrefutable = pc.allow_irrefutable;
        // The names bound by the first alternative.
        let mut control: Option<Vec<&'a str>> = None;
        for (i, alt) in p.patterns.iter().enumerate() {
            self.set_loc(alt.range());
            pc.stores = Vec::new();
            // An irrefutable alternative must be last, if allowed at all.
            pc.allow_irrefutable = i == size - 1 && outer_allow_irrefutable;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Op::COPY, 1);
            self.pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(control) => self.or_align_stores(control, pc)?,
            }
            self.jump(Op::JUMP, end);
            self.emit_and_reset_fail_pop(pc);
        }
        let control = control.unwrap_or_default();
        pc.stores = outer_stores;
        pc.fail_pop = outer_fail_pop;
        pc.on_top = outer_on_top;
        pc.allow_irrefutable = outer_allow_irrefutable;
        // No alternative matched: pop the remaining copy of the subject.
        self.op(Op::POP_TOP);
        self.jump_to_fail_pop(pc, Op::JUMP);
        self.use_next_block(end);
        // Between the new captures and their place on the stack are: the
        // other new captures, the copy of the subject, the items on top, and
        // the captures made before this pattern.
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.pattern_helper_rotate(nrots);
            if pc.stores.contains(&name) {
                return self.error_duplicate_store(name);
            }
            pc.stores.push(name);
        }
        // Pop the copy of the subject.
        self.op(Op::POP_TOP);
        Ok(())
    }

    /// Check that an or-pattern alternative bound the same names as the
    /// first one, and rotate its captures on the stack (and in `pc.stores`)
    /// into the first alternative's order.
    fn or_align_stores(&mut self, control: &[&'a str], pc: &mut PatternContext<'a>) -> CResult {
        let nstores = pc.stores.len();
        if nstores != control.len() {
            return self.error("alternative patterns bind different names");
        }
        for icontrol in (0..nstores).rev() {
            let name = control[icontrol];
            let Some(istores) = pc.stores.iter().position(|s| *s == name) else {
                return self.error("alternative patterns bind different names");
            };
            if icontrol != istores {
                // Move stores[..=istores] to just below position icontrol,
                // and do the same on the stack with rotations.
                debug_assert!(istores < icontrol);
                let rotations = istores + 1;
                let rotated: Vec<&'a str> = pc.stores.drain(..rotations).collect();
                let at = icontrol - istores;
                pc.stores.splice(at..at, rotated);
                for _ in 0..rotations {
                    self.pattern_helper_rotate(icontrol + 1);
                }
            }
        }
        Ok(())
    }
}

fn int_const(n: usize) -> Constant {
    Constant::Int(BigInt::from(n))
}

/// A numeric constant, for comparing mapping keys the way Python's `==`
/// (and so a set) does: `1 == 1.0 == True == (1+0j)`.
enum Num {
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
}

fn as_num(c: &ast::Constant) -> Option<Num> {
    Some(match c {
        ast::Constant::Bool(b) => Num::Int(BigInt::from(*b as u8)),
        ast::Constant::Int(i) => Num::Int(i.clone()),
        ast::Constant::Float(f) => Num::Float(*f),
        ast::Constant::Complex { real, imag } if *imag == 0.0 => Num::Float(*real),
        ast::Constant::Complex { real, imag } => Num::Complex(*real, *imag),
        _ => return None,
    })
}

/// Python's `int == float`: exact, never through rounding.
fn int_eq_float(i: &BigInt, f: f64) -> bool {
    // An integral finite f64 converts to a BigInt exactly.
    f.is_finite() && f.fract() == 0.0 && BigInt::from_f64(f).as_ref() == Some(i)
}

/// Python equality between two constants of a mapping pattern's keys.
fn const_eq(a: &ast::Constant, b: &ast::Constant) -> bool {
    use ast::Constant as C;
    match (a, b) {
        (C::Str(x), C::Str(y)) => x == y,
        (C::Bytes(x), C::Bytes(y)) => x == y,
        (C::None, C::None) | (C::Ellipsis, C::Ellipsis) => true,
        (C::Tuple(x), C::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| const_eq(p, q))
        }
        _ => match (as_num(a), as_num(b)) {
            (Some(Num::Int(x)), Some(Num::Int(y))) => x == y,
            (Some(Num::Float(x)), Some(Num::Float(y))) => x == y,
            (Some(Num::Int(x)), Some(Num::Float(y))) | (Some(Num::Float(y)), Some(Num::Int(x))) => {
                int_eq_float(&x, y)
            }
            (Some(Num::Complex(a, b)), Some(Num::Complex(c, d))) => a == c && b == d,
            _ => false,
        },
    }
}
