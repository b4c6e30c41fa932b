"""Validators every app's stored text shares."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

LINE_BREAKS = {"\n", "\r", "\t"}


@deconstructible
class NoControlCharacters:
    """Refuse NUL and other invisible control characters, which no one types on purpose.

    They arrive from pasted or imported text; PostgreSQL cannot store NUL at all, so a
    value that passed here must also save. Line breaks and tabs are allowed where
    `multiline` is set (addresses, opening hours, about text).
    """

    def __init__(self, *, multiline: bool = False):
        self.multiline = multiline

    def __call__(self, value):
        allowed = LINE_BREAKS if self.multiline else set()
        if any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in str(value or "")):
            raise ValidationError(
                _("Remove the invisible control characters (such as NUL) from this text."),
                code="control_characters",
            )

    def __eq__(self, other):
        return isinstance(other, NoControlCharacters) and other.multiline == self.multiline


validate_single_line = NoControlCharacters()
validate_multiline = NoControlCharacters(multiline=True)
