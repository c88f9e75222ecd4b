//! CPython 3.11's hash functions and set iteration order.
//!
//! A frozenset constant's items print (and marshal) in the order of
//! CPython's set table, which depends on the items' hashes. Ints, floats,
//! tuples and so on hash deterministically; `str` and `bytes` use SipHash-1-3
//! keyed by the per-process hash secret, which is all zeros when CPython
//! runs with `PYTHONHASHSEED=0`. With that setting, the orders computed here
//! are exactly CPython's, so expectations are generated under it.

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

use crate::code::Constant;

/// `_PyHASH_BITS` and `_PyHASH_MODULUS` on 64-bit builds (2**61 - 1).
const HASH_BITS: u32 = 61;
const MODULUS: u64 = (1u64 << HASH_BITS) - 1;
const HASH_INF: i64 = 314159;
const HASH_IMAG: u64 = 1000003;

/// `hash(x)` for a constant, or None where CPython's value is not
/// reproducible (None, Ellipsis and NaN hash by address; code objects).
pub fn hash(c: &Constant) -> Option<i64> {
    Some(match c {
        Constant::Bool(b) => *b as i64,
        Constant::Int(i) => hash_int(i),
        Constant::Float(f) => hash_float(*f)?,
        Constant::Complex { re, im } => {
            let r = hash_float(*re)? as u64;
            let i = hash_float(*im)? as u64;
            fix(r.wrapping_add(HASH_IMAG.wrapping_mul(i)) as i64)
        }
        Constant::Str(s) => hash_str(s),
        Constant::SurrogateStr(cps) => hash_code_points(cps.iter().copied()),
        Constant::Bytes(b) => hash_bytes(b),
        Constant::Tuple(items) => hash_tuple(items)?,
        Constant::FrozenSet(items) => hash_frozenset(items)?,
        Constant::None | Constant::Ellipsis | Constant::Code(_) => return None,
    })
}

/// -1 is reserved for errors in CPython's hash functions.
fn fix(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_int(i: &BigInt) -> i64 {
    if let Some(v) = i.to_i64() {
        if v.unsigned_abs() < MODULUS {
            return fix(v);
        }
    }
    let m = BigInt::from(MODULUS);
    let r = (i.magnitude() % m.magnitude()).to_u64().unwrap_or(0) as i64;
    fix(if i.sign() == Sign::Minus { -r } else { r })
}

pub fn hash_float(v: f64) -> Option<i64> {
    if v.is_nan() {
        return None;
    }
    if v.is_infinite() {
        return Some(if v > 0.0 { HASH_INF } else { -HASH_INF });
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let bits = HASH_BITS as i32;
    let e = if e >= 0 {
        e % bits
    } else {
        bits - 1 - ((-1 - e) % bits)
    } as u32;
    x = ((x << e) & MODULUS) | (x >> (HASH_BITS - e));
    Some(fix((x as i64).wrapping_mul(sign)))
}

/// C's frexp: v = m * 2**e with 0.5 <= |m| < 1.
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(v * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// str hashes cover CPython's internal representation: one byte per
/// character for Latin-1 text, two (UCS-2) or four (UCS-4) otherwise.
pub fn hash_str(s: &str) -> i64 {
    // ASCII text is its own one-byte-per-character form: hash the bytes
    // as they are, without building that form.
    if s.is_ascii() {
        return hash_bytes(s.as_bytes());
    }
    hash_code_points(s.chars().map(u32::from))
}

/// [`hash_str`] for a string given as code points (lone surrogates
/// included).
pub fn hash_code_points(cps: impl Iterator<Item = u32> + Clone) -> i64 {
    let max = cps.clone().max().unwrap_or(0);
    let mut buf = Vec::with_capacity(cps.size_hint().0 * 2);
    for c in cps {
        if max <= 0xff {
            buf.push(c as u8);
        } else if max <= 0xffff {
            buf.extend_from_slice(&(c as u16).to_le_bytes());
        } else {
            buf.extend_from_slice(&c.to_le_bytes());
        }
    }
    hash_bytes(&buf)
}

pub fn hash_bytes(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    fix(siphash13(0, 0, b) as i64)
}

fn siphash13(k0: u64, k1: u64, src: &[u8]) -> u64 {
    let mut v0 = k0 ^ 0x736f6d6570736575;
    let mut v1 = k1 ^ 0x646f72616e646f6d;
    let mut v2 = k0 ^ 0x6c7967656e657261;
    let mut v3 = k1 ^ 0x7465646279746573;
    let round = |v0: &mut u64, v1: &mut u64, v2: &mut u64, v3: &mut u64| {
        *v0 = v0.wrapping_add(*v1);
        *v2 = v2.wrapping_add(*v3);
        *v1 = v1.rotate_left(13) ^ *v0;
        *v3 = v3.rotate_left(16) ^ *v2;
        *v0 = v0.rotate_left(32);
        *v2 = v2.wrapping_add(*v1);
        *v0 = v0.wrapping_add(*v3);
        *v1 = v1.rotate_left(17) ^ *v2;
        *v3 = v3.rotate_left(21) ^ *v0;
        *v2 = v2.rotate_left(32);
    };
    let mut chunks = src.chunks_exact(8);
    for chunk in &mut chunks {
        let mi = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        v3 ^= mi;
        round(&mut v0, &mut v1, &mut v2, &mut v3);
        v0 ^= mi;
    }
    let mut t = [0u8; 8];
    let rest = chunks.remainder();
    t[..rest.len()].copy_from_slice(rest);
    let b = ((src.len() as u64) << 56) | u64::from_le_bytes(t);
    v3 ^= b;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    v0 ^= b;
    v2 ^= 0xff;
    for _ in 0..3 {
        round(&mut v0, &mut v1, &mut v2, &mut v3);
    }
    (v0 ^ v1) ^ (v2 ^ v3)
}

fn hash_tuple(items: &[Constant]) -> Option<i64> {
    let lanes: Vec<i64> = items.iter().map(hash).collect::<Option<_>>()?;
    Some(hash_tuple_lanes(&lanes))
}

/// `tuplehash`: combine the hashes of a tuple's items (xxHash-based).
pub fn hash_tuple_lanes(lanes: &[i64]) -> i64 {
    match hash_tuple_with(
        lanes
            .iter()
            .map(|&lane| Ok::<i64, std::convert::Infallible>(lane)),
    ) {
        Ok(h) => h,
        Err(never) => match never {},
    }
}

/// `tuplehash` over item hashes computed one by one (the first error
/// stops it), so that hashing a tuple needs no buffer of hashes.
pub fn hash_tuple_with<E>(lanes: impl ExactSizeIterator<Item = Result<i64, E>>) -> Result<i64, E> {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let len = lanes.len();
    let mut acc = P5;
    for lane in lanes {
        acc = acc.wrapping_add((lane? as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((len as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as i64)
}

fn hash_frozenset(items: &[Constant]) -> Option<i64> {
    // frozenset_hash: an order-independent mix of the item hashes.
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let mut hash: u64 = 0;
    for item in items {
        hash ^= shuffle(self::hash(item)? as u64);
    }
    if items.len() % 2 == 1 {
        hash ^= shuffle(0);
    }
    hash ^= ((items.len() as u64) + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    Some(hash as i64)
}

/// The distinct items of a set display, first occurrence kept, as
/// `frozenset(items)` keeps them (`{1, 1.0, True}` is `{1}`).
pub fn set_items(items: Vec<Constant>) -> Vec<Constant> {
    let mut out: Vec<Constant> = Vec::with_capacity(items.len());
    for item in items {
        if !out.iter().any(|seen| py_eq(seen, &item)) {
            out.push(item);
        }
    }
    out
}

/// Python equality between two constants, as a set lookup needs it
/// (`1 == 1.0 == True`).
pub fn py_eq(a: &Constant, b: &Constant) -> bool {
    use Constant::*;
    let num = |c: &Constant| -> Option<f64> {
        match c {
            Bool(b) => Some(*b as i64 as f64),
            Int(i) => i.to_f64(),
            Float(f) => Some(*f),
            _ => Option::None,
        }
    };
    match (a, b) {
        (Int(x), Int(y)) => x == y,
        (Int(_) | Bool(_) | Float(_), Int(_) | Bool(_) | Float(_)) => num(a) == num(b),
        (Str(x), Str(y)) => x == y,
        (Bytes(x), Bytes(y)) => x == y,
        (Tuple(x), Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| py_eq(p, q))
        }
        _ => a == b,
    }
}

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const MINSIZE: usize = 8;

/// A CPython set table, enough to reproduce insertion and iteration order.
struct SetTable {
    slots: Vec<Option<(usize, u64)>>,
    fill: usize,
}

impl SetTable {
    fn new() -> Self {
        SetTable {
            slots: vec![None; MINSIZE],
            fill: 0,
        }
    }

    /// set_add_entry: returns false if an equal key is already present.
    fn add(&mut self, items: &[Constant], idx: usize, h: u64) -> bool {
        let mask = self.slots.len() - 1;
        let mut i = (h as usize) & mask;
        let mut perturb = h;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match self.slots[j] {
                    None => {
                        self.slots[j] = Some((idx, h));
                        self.fill += 1;
                        if self.fill * 5 >= mask * 3 {
                            self.resize(self.fill * 4);
                        }
                        return true;
                    }
                    Some((k, kh)) => {
                        if kh == h && py_eq(&items[k], &items[idx]) {
                            return false;
                        }
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    fn resize(&mut self, minused: usize) {
        let mut size = MINSIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![None; size]);
        let mask = size - 1;
        for (idx, h) in old.into_iter().flatten() {
            // set_insert_clean
            let mut i = (h as usize) & mask;
            let mut perturb = h;
            'outer: loop {
                if self.slots[i].is_none() {
                    self.slots[i] = Some((idx, h));
                    break;
                }
                if i + LINEAR_PROBES <= mask {
                    for j in i + 1..=i + LINEAR_PROBES {
                        if self.slots[j].is_none() {
                            self.slots[j] = Some((idx, h));
                            break 'outer;
                        }
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(perturb as usize))
                    & mask;
            }
        }
    }

    fn order(&self) -> Vec<usize> {
        self.slots.iter().flatten().map(|(i, _)| *i).collect()
    }
}

/// Insert `order` (indexes into items) into a fresh set, returning its
/// iteration order.
fn set_order_once(items: &[Constant], hashes: &[u64], order: &[usize]) -> Vec<usize> {
    let mut t = SetTable::new();
    for &i in order {
        t.add(items, i, hashes[i]);
    }
    t.order()
}

/// The order in which CPython iterates a frozenset constant whose items
/// were written in `items` order (indexes into `items`), or None if some
/// item's hash is not reproducible.
///
/// The compiler builds the frozenset from the items, then rebuilds it
/// while merging constants (`merge_consts_recursive`), so the items go
/// through two tables. CPython may rebuild it a third time when the code
/// object is created, if interning replaced one of its strings by an equal
/// string interned earlier in the process (`intern_string_constants`); that
/// depends on the process's history, so frozensets of strings can print in
/// either order even under one hash seed, and comparisons treat them as sets.
pub fn frozenset_order(items: &[Constant]) -> Option<Vec<usize>> {
    if items.is_empty() {
        return Some(Vec::new());
    }
    let hashes: Vec<u64> = items
        .iter()
        .map(|c| hash(c).map(|h| h as u64))
        .collect::<Option<_>>()?;
    let first: Vec<usize> = (0..items.len()).collect();
    let once = set_order_once(items, &hashes, &first);
    Some(set_order_once(items, &hashes, &once))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_int_hashes() {
        assert_eq!(hash_int(&BigInt::from(-1)), -2);
        assert_eq!(hash_int(&BigInt::from(12345)), 12345);
        assert_eq!(hash_int(&BigInt::from(0)), 0);
        assert_eq!(hash_int(&(BigInt::from(1u64) << 61u32)), 1);
    }

    #[test]
    fn float_hashes() {
        assert_eq!(hash_float(1.5), Some(1152921504606846977));
        assert_eq!(hash_float(2.0), Some(2));
        assert_eq!(hash_float(f64::INFINITY), Some(314159));
    }
}
