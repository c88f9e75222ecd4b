import time

a = time.perf_counter()
b = time.perf_counter()
print(type(a).__name__, b >= a)
m1 = time.monotonic()
total = 0
for i in range(1000):
    total += i
m2 = time.monotonic()
print(type(m1).__name__, m2 >= m1, total)
t = time.time()
print(type(t).__name__, t > 1600000000.0)
ns = time.perf_counter_ns()
ns2 = time.perf_counter_ns()
print(type(ns).__name__, ns2 >= ns, type(time.time_ns()).__name__, type(time.monotonic_ns()).__name__)
start = time.perf_counter()
time.sleep(0.01)
print(time.perf_counter() - start >= 0.005, time.sleep(0))
print(type(time.process_time()).__name__, callable(time.sleep))
for bad in [lambda: time.sleep(-1), lambda: time.sleep('1')]:
    try:
        bad()
    except (ValueError, TypeError) as exc:
        print(type(exc).__name__ + ':', exc)
