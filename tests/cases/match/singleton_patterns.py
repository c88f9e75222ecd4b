# Singleton patterns None/True/False and capture patterns.
def kind(v):
    match v:
        case None:
            return "none"
        case True:
            return "true"
        case False:
            return "false"
        case other:
            return "value " + repr(other)

print([kind(v) for v in (None, True, False, 0, 1, "")])
