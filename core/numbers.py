"""The one way a number is read from a request, a form or an imported file.

Python's `int()` reads far more than a parent or a client means by a number: Unicode digits
("٣", "²" passes `str.isdigit()` and then fails `int()`), signs, spaces, underscores, and
integers of any size, which then overflow the database. Everything read from outside goes
through `whole_number`: ASCII digits only, within a range, or a clear "not a number".
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# PostgreSQL's bigint, the largest key or count any column here holds.
LARGEST = 2**63 - 1
_ASCII_DIGITS = re.compile(r"[0-9]{1,19}")


def whole_number(value, *, minimum: int = 0, maximum: int = LARGEST) -> int | None:
    """`value` as an int if it is ASCII digits between `minimum` and `maximum`, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and _ASCII_DIGITS.fullmatch(value.strip()):
        number = int(value.strip())
    else:
        return None
    return number if minimum <= number <= maximum else None


def ascii_int(value) -> int:
    """For a form field's `coerce`: like `int`, but ASCII digits only (ValueError otherwise)."""
    number = whole_number(value)
    if number is None:
        raise ValueError(f"not a whole number: {value!r}")
    return number


class WholeNumberField(forms.IntegerField):
    """An IntegerField that reads ASCII digits only: "²" or "٣" is an error, never a 500."""

    default_error_messages = {"invalid": _("Enter a whole number, like 2.")}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        number = whole_number(value, minimum=0)
        if number is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return number
