# Long attribute chains, loads and stores, on nested objects.
class Node:
    def __init__(self, val, nxt=None):
        self.val = val
        self.next = nxt

head = Node(1, Node(2, Node(3)))
print(head.val, head.next.val, head.next.next.val)
head.next.next.val = 30
head.next.next.next = Node(4)
print(head.next.next.next.val + head.next.next.val)
import os
print(os.path.sep == "/", "".join.__name__)
