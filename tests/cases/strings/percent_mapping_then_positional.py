for fmt, args in [("%(foo)s %s %(foo)s", {"foo": 1}), ("%(foo)*s", {"foo": "bar"}), ("%s %(foo)s %(foo)s", {"foo": 1}),
                  ("%(a)s-%(b)5s", {"a": 1, "b": 2}), ("%(a)s", {"a": 1, "b": 2})]:
    try:
        print(repr(fmt % args))
    except TypeError as e:
        print('TypeError', e)
    try:
        print(repr(fmt.encode() % {k.encode(): v for k, v in args.items()}))
    except TypeError as e:
        print('TypeError', e)
