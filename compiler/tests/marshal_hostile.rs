//! marshal::loads on hostile input: errors, never panics, never huge
//! allocations; and dis never panics on whatever loads accepts.

use pyrite_compiler::marshal::{self, MarshalError};
use pyrite_compiler::{dis, Constant};

/// Marshal data of a tuple holding one constant of every kind.
fn sample() -> Vec<u8> {
    let int = |v: i64| Constant::Int(v.into());
    let items = vec![
        Constant::None,
        int(1),
        Constant::Int(num_bigint::BigInt::from(10u8).pow(30)),
        Constant::Str("abc".into()),
        Constant::Str("é".into()),
        Constant::Bytes(b"xy"[..].into()),
        Constant::Float(2.5),
        Constant::Complex { re: 0.0, im: 1.0 },
        Constant::Tuple(vec![int(1)].into()),
        Constant::FrozenSet(vec![int(1)].into()),
    ];
    marshal::dumps_const(&Constant::Tuple(items.into()))
}

#[test]
fn sample_loads() {
    let c = marshal::loads(&sample()).unwrap();
    assert_eq!(
        dis::repr(&c),
        "(None, 1, 1000000000000000000000000000000, 'abc', 'é', b'xy', 2.5, 1j, (1,), frozenset({1}))"
    );
}

#[test]
fn every_truncation_is_an_error() {
    let data = sample();
    for n in 0..data.len() {
        assert!(marshal::loads(&data[..n]).is_err(), "prefix {n} loaded");
    }
}

/// A tiny deterministic PRNG (xorshift) so failures reproduce.
fn rng(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

#[test]
fn mutations_never_panic() {
    let data = sample();
    let mut seed = 0x9e3779b97f4a7c15u64;
    for _ in 0..20000 {
        let mut d = data.clone();
        for _ in 0..1 + rng(&mut seed) % 4 {
            let i = (rng(&mut seed) as usize) % d.len();
            d[i] = rng(&mut seed) as u8;
        }
        if let Ok(c) = marshal::loads(&d) {
            let _ = dis::repr(&c);
        }
    }
}

#[test]
fn huge_sizes_are_refused_without_allocating() {
    for t in [b'(', b's', b'a', b'u', b'>', b'l'] {
        let d = [t, 0xff, 0xff, 0xff, 0x7f];
        assert_eq!(
            marshal::loads(&d),
            Err(MarshalError::Eof),
            "type {}",
            t as char
        );
    }
    assert!(marshal::loads(&[b'(', 0xff, 0xff, 0xff, 0xff]).is_err());
}

#[test]
fn deep_nesting_is_refused() {
    let mut d = Vec::new();
    for _ in 0..100_000 {
        d.extend([b')', 1]);
    }
    d.push(b'N');
    assert_eq!(marshal::loads(&d), Err(MarshalError::TooDeep));
}

#[test]
fn bad_refs_are_refused() {
    assert_eq!(marshal::loads(b"r\0\0\0\0"), Err(MarshalError::BadRef(0)));
    // A tuple referring to itself while being read.
    assert_eq!(
        marshal::loads(&[0xa9, 1, b'r', 0, 0, 0, 0]),
        Err(MarshalError::BadRef(0))
    );
    // A valid back-reference.
    assert_eq!(
        marshal::loads(&[0xa9, 2, 0xe9, 7, 0, 0, 0, b'r', 1, 0, 0, 0]),
        Ok(Constant::Tuple(
            vec![Constant::Int(7.into()), Constant::Int(7.into())].into()
        ))
    );
}

#[test]
fn lone_surrogates_load_and_round_trip() {
    // '\udc80' and 'a\ud83d\ude00' (a surrogate pair kept as two code
    // points, as Python does), encoded with surrogatepass.
    let cases: [(&[u8], &[u32]); 2] = [
        (&[b'u', 3, 0, 0, 0, 0xed, 0xb2, 0x80], &[0xdc80]),
        (
            &[b'u', 7, 0, 0, 0, b'a', 0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80],
            &[0x61, 0xd83d, 0xde00],
        ),
    ];
    for (data, cps) in cases {
        let c = marshal::loads(data).unwrap();
        assert_eq!(c, Constant::SurrogateStr(cps.into()));
        assert_eq!(marshal::dumps_const(&c), data);
    }
    // dis prints them as CPython's repr does.
    let c = marshal::loads(cases[1].0).unwrap();
    assert_eq!(pyrite_compiler::repr::repr(&c), "'a\\ud83d\\ude00'");
    // A real astral character stays an ordinary str.
    assert_eq!(
        marshal::loads(&[b'u', 4, 0, 0, 0, 0xf0, 0x9f, 0x98, 0x80]),
        Ok(Constant::Str("\u{1f600}".into()))
    );
    // Overlong forms, stray continuation bytes and truncated sequences are
    // still refused.
    for data in [
        &[b'u', 2, 0, 0, 0, 0xc0, 0x80][..],
        &[b'u', 1, 0, 0, 0, 0x80],
        &[b'u', 2, 0, 0, 0, 0xed, 0xb2],
        &[b'u', 3, 0, 0, 0, 0xe0, 0x80, 0x80],
    ] {
        assert!(matches!(
            marshal::loads(data),
            Err(MarshalError::Invalid(_))
        ));
    }
}

#[test]
fn pyc_header_round_trips() {
    let code = marshal::loads_code(&marshal::dumps(&minimal_code())).unwrap();
    let pyc = marshal::write_pyc(&code, 0x1234_5678, 42);
    assert_eq!(&pyc[..4], b"\xa7\r\r\n");
    let (header, back) = marshal::read_pyc(&pyc).unwrap();
    assert_eq!(
        (header.flags, header.mtime, header.source_size),
        (0, 0x1234_5678, 42)
    );
    assert_eq!(back, code);
    assert!(matches!(
        marshal::read_pyc(b"\x6f\r\r\n000000000000N"),
        Err(MarshalError::BadPyc(_))
    ));
}

fn minimal_code() -> pyrite_compiler::CodeObject {
    pyrite_compiler::CodeObject {
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        stacksize: 1,
        flags: 0,
        code: vec![151, 0, 100, 0, 83, 0],
        consts: vec![Constant::None],
        names: vec![],
        localsplusnames: vec![],
        localspluskinds: vec![],
        filename: "x.py".into(),
        name: "<module>".into(),
        qualname: "<module>".into(),
        firstlineno: 1,
        linetable: vec![0xf0, 0x03, 0x01, 0x01, 0x01],
        exceptiontable: vec![],
    }
}

#[test]
fn dis_of_garbage_code_never_panics() {
    let mut seed = 0x2545f4914f6cdd1du64;
    for round in 0..3000 {
        let mut code = minimal_code();
        let bytes = |n: u64, seed: &mut u64| -> Vec<u8> {
            (0..rng(seed) % n).map(|_| rng(seed) as u8).collect()
        };
        code.code = bytes(64, &mut seed);
        if code.code.len() % 2 == 1 {
            code.code.pop();
        }
        code.linetable = bytes(40, &mut seed);
        code.exceptiontable = bytes(24, &mut seed);
        code.localsplusnames = vec!["a".into()];
        code.localspluskinds = vec![(round % 256) as u8];
        code.flags = rng(&mut seed) as u32;
        let _ = dis::dis_module(&code);
        let _ = dis::code_info_all(&code);
    }
}
