# The if __name__ == "__main__" idiom and module dunders.
def main(argv):
    print("running main with", len(argv) >= 1)
    return 0

print(__name__)
if __name__ == "__main__":
    import sys
    status = main(sys.argv)
    print("status", status)
