# print(file=...), json.dump/json.load through real files, nested with.
import json
import os
base = "/tmp/pyrite-files-json-%d" % os.getpid()
record = {"name": "pyrite", "tags": ["vm", "compiler"], "version": 1.5, "ok": True}
with open(base + ".json", "w") as out:
    json.dump(record, out, indent=2, sort_keys=True)
with open(base + ".json") as src:
    text = src.read()
print(text)
with open(base + ".json") as src:
    print(json.load(src) == record)
with open(base + ".txt", "w") as log, open(base + ".json") as src:
    for i, line in enumerate(src):
        print(i, line.rstrip(), sep=": ", file=log)
    print("done", end="!\n", file=log)
with open(base + ".txt") as log:
    lines = log.read().splitlines()
print(len(lines), lines[0], lines[-1])
with open(base + ".txt", "a") as log:
    log.write("extra\n")
print(sum(1 for _ in open(base + ".txt")))
for suffix in [".json", ".txt"]:
    os.remove(base + suffix)
print([os.path.exists(base + s) for s in [".json", ".txt"]])
