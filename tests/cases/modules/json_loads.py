# json.loads: values, escapes, numbers, hooks, JSONDecodeError.
import json
print(json.loads('{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d"}}'))
print(json.loads(' [ "\\u00e9\\n\\"\\\\\\/\\b\\f\\r\\t", "\\ud83d\\ude00", "é" ] '))
print(json.loads("12345678901234567890"), json.loads("-0"), json.loads("1E+2"), json.loads("0.5e-1"))
print(json.loads("[NaN, Infinity, -Infinity]"), json.loads(b'{"bytes": 1}'), json.loads(bytearray(b"[2]")))
print(json.loads('{"a": 1, "a": 2}'), json.loads('{}'), json.loads('[]'), json.loads('""'))
print(json.loads('{"a": 1.5, "b": 2}', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"z": 1, "y": 2}', object_pairs_hook=list), json.loads('[NaN]', parse_constant=repr))
print(json.loads(json.dumps({"round": [1, "trip", {"ok": None}]})))
dec = json.JSONDecoder()
print(dec.decode("[1]"), dec.raw_decode('{"a": 1} extra'), json.loads('"a\\tb"', strict=False))
bad = ['', '  ', '{', '{"a" 1}', '{"a": 1 "b"}', '[1 2]', '[1,]', '{"a":1,}', '"abc',
       '"a\x01"', '"\\x"', '1 2', 'nul', '-', '01', '[', '{"a":', '"\\u12zz"',
       '\ufeff1', '{1:2}', '  \n  x', '{"a":1}}', '.5', '"\\']
for doc in bad:
    try:
        json.loads(doc)
    except json.JSONDecodeError as e:
        print(repr(doc), "->", e, "|", e.msg, e.pos, e.lineno, e.colno, e.doc == doc)
for doc in [1, None, [1]]:
    try:
        json.loads(doc)
    except TypeError as e:
        print(type(e).__name__, e)
print(issubclass(json.JSONDecodeError, ValueError), json.JSONDecodeError.__module__)
