import sys


def main():
    try:
        print('working')
        sys.exit(4)
    finally:
        print('cleanup runs before exit')


main()
print('not reached')
