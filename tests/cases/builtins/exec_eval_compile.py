print(eval('1 + 2 * 3'), eval('[x * x for x in range(4)]'), eval(' 7 '), eval('"s" * 3'))
ns = {'a': 5}
print(eval('a * 2', ns), eval('a + b', ns, {'b': 1}), eval('len(t)', {'t': (1, 2)}))
exec('z = 40 + 2')
print(z)
scope = {}
exec('def sq(n):\n    return n * n\nresult = sq(9)', scope)
print(scope['result'], 'sq' in scope, '__builtins__' in scope)
print(exec('1 + 1'), exec('w = 1', {}, {}))
code = compile('3 ** 4', '<expr>', 'eval')
print(type(code).__name__, eval(code), eval(code))
block = compile('acc = []\nfor i in range(3):\n    acc.append(i)\n', '<block>', 'exec')
env = {}
exec(block, env)
print(env['acc'])
single = compile('q = 5', '<single>', 'single')
exec(single, env)
print(env['q'], eval(compile('q + 1', 'f', 'eval'), env))
for bad in ['1 +', 'def', '(]', 'x = = 1']:
    try:
        eval(bad)
    except SyntaxError as exc:
        print('SyntaxError', type(exc).__name__)
for bad in [lambda: eval('undefined_name'), lambda: eval('1/0'), lambda: eval(5), lambda: compile('x', 'f', 'bogus')]:
    try:
        bad()
    except Exception as exc:
        print(type(exc).__name__ + ':', exc)
