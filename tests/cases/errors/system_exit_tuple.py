reason = ('two', 'args')
print('raising SystemExit with a tuple')
if reason:
    raise SystemExit(1, reason[0])
print('not reached')
