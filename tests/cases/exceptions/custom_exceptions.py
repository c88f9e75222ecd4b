# User-defined exception hierarchies and attributes.
class ValidationError(Exception):
    def __init__(self, field, msg):
        super().__init__(f"{field}: {msg}")
        self.field = field

class MissingField(ValidationError):
    pass

def validate(rec):
    if "name" not in rec:
        raise MissingField("name", "required")
    if len(rec["name"]) < 2:
        raise ValidationError("name", "too short")
    return True

for rec in ({}, {"name": "x"}, {"name": "ok"}):
    try:
        print(validate(rec))
    except MissingField as e:
        print("missing", e.field)
    except ValidationError as e:
        print("invalid", e)
