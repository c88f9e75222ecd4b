# A coroutine dropped before it ever ran: CPython warns on stderr (once per
# line); closing it first is silent. One left in a global warns at exit.
async def job(n):
    print("never runs", n)

for i in range(3):
    job(i)
print("created and dropped three")
c = job(9)
c.close()
print(c.cr_frame, c.cr_suspended)
kept = job(10)
print("end")
