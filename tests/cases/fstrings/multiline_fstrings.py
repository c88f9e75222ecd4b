# Multi-line and triple-quoted f-strings.
user = {"name": "Ada", "langs": ["en", "fr"]}
msg = f"""Name: {user["name"]}
Langs: {", ".join(user["langs"])}
Count: {len(user["langs"]):>3}"""
print(msg)
total = (
    f"a={1 + 1} "
    f"b={2 * 3} "
    "c=plain"
)
print(total)
print(rf"raw\n{user['name']}")
