def attempt(label, fn):
    try:
        print(label, fn())
    except Exception as exc:
        print(label, type(exc).__name__ + ':', exc)


attempt('min empty', lambda: min([]))
attempt('max empty', lambda: max(()))
attempt('min no args', lambda: min())
attempt('max int', lambda: max(5))
attempt('max mixed', lambda: max([1, 'a']))
attempt('min mixed', lambda: min('a', 2))
attempt('max default+args', lambda: max(1, 2, default=0))
attempt('min bad kw', lambda: min([1], foo=2))
attempt('max key raises', lambda: max([1, 0], key=lambda x: 1 / x))
attempt('min none', lambda: min([None, None]))
attempt('max lists', lambda: max([[1], ['a']]))
attempt('max ok', lambda: max([1, 2], default=0))
