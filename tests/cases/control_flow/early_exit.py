# sys.exit inside a function: SystemExit with a zero status.
import sys

def main():
    total = 0
    for i in range(5):
        total += i
    print("total", total)
    if total > 5:
        sys.exit(0)
    print("not reached")

main()
