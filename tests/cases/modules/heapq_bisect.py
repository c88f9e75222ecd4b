# heapq (the same heap layout as CPython) and bisect.
import heapq
import bisect
h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, x)
print(h, heapq.heappop(h), h)
data = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
heapq.heapify(data)
print(data, heapq.heapreplace(data, 10), data)
print(heapq.heappushpop(data, -1), heapq.heappushpop(data, 4), data)
print([heapq.heappop(data) for _ in range(len(data))])
pq = []
for prio, task in [(2, "write"), (1, "read"), (3, "sleep"), (1, "eat")]:
    heapq.heappush(pq, (prio, task))
print([heapq.heappop(pq)[1] for _ in range(4)])
print(heapq.nlargest(3, [1, 5, 2, 8, 3]), heapq.nsmallest(2, [4, 1, 3], key=lambda x: -x))
print(heapq.nlargest(2, ["bb", "a", "ccc"], key=len), heapq.nsmallest(0, [1]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])), list(heapq.merge([3, 1], [2], reverse=True)))
print(list(heapq.merge(["a", "ccc"], ["bb"], key=len)))
for bad in [lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1), lambda: heapq.heapify((1,))]:
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 5), bisect.bisect_left(a, 0, 1))
print(bisect.bisect_left(a, 4, 0, 2), bisect.bisect_right(a, 100), bisect.bisect_left([], 1))
bisect.insort(a, 3)
bisect.insort_left(a, 4)
bisect.insort_right(a, 0)
print(a)
grades = [(60, "D"), (70, "C"), (80, "B"), (90, "A")]
print([grades[bisect.bisect([g[0] for g in grades], s) - 1][1] for s in [65, 70, 99]])
print(bisect.bisect([("a", 1), ("c", 3)], 2, key=lambda p: p[1]))
try:
    bisect.bisect(a, 1, -1)
except ValueError as e:
    print(type(e).__name__, e)
