S = "/sibling"
try:
    from ... import beyond
except ImportError as e:
    print("sibling:", type(e).__name__, e)
