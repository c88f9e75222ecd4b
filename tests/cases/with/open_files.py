# with over real resources: an in-memory file.
import io

with io.StringIO() as buf:
    buf.write("line one\n")
    buf.write("line two\n")
    text = buf.getvalue()
print(text.splitlines())
print(buf.closed)
with io.BytesIO(b"abc") as raw:
    print(raw.read(2), raw.read())
