"""A list of fixed choices stored in one column, portable between SQLite and PostgreSQL."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.JSONField):
    """A JSON list whose items come from a `TextChoices` class, edited as checkboxes."""

    def __init__(self, *args, choices_class=None, **kwargs):
        self.choices_class = choices_class
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices_class"] = self.choices_class
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, list):
            raise ValidationError(_("Choose from the list."), code="invalid")
        allowed = set(self.choices_class.values)
        unknown = [item for item in value if item not in allowed]
        if unknown:
            raise ValidationError(
                _("Unknown choice: %(values)s."),
                code="invalid_choice",
                params={"values": ", ".join(map(str, unknown))},
            )

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.choices_class.choices,
            required=not self.blank,
            label=self.verbose_name.capitalize() if self.verbose_name else None,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    @cached_property
    def _positions_and_labels(self):
        # `choices` builds a new list on every call: dozens of languages for each listing shown.
        return {
            value: (position, label)
            for position, (value, label) in enumerate(self.choices_class.choices)
        }

    def labels(self, values):
        """Display names for stored codes, in the order the choices are declared."""
        known = self._positions_and_labels
        return [
            label for _position, label in sorted(known[v] for v in set(values or []) if v in known)
        ]


REGION_CODE_RE = re.compile(r"^(\*|[A-Z]{2}|US-[A-Z]{2})$")
ANYWHERE = "*"


class RegionCodesFormField(forms.CharField):
    """Region codes typed as text, "US-MO, US-KS" or "GB" or "*", kept as a list."""

    def prepare_value(self, value):
        if isinstance(value, list):
            return ", ".join(value)
        return value

    def to_python(self, value):
        if isinstance(value, list):
            return value
        text = super().to_python(value)
        codes = [code.strip().upper() for code in re.split(r"[\s,;]+", text) if code.strip()]
        return list(dict.fromkeys(codes))

    def validate(self, value):
        super().validate(value)
        unknown = [code for code in value if not REGION_CODE_RE.match(code)]
        if unknown:
            raise ValidationError(
                _(
                    "Use two-letter country codes (GB, CA), US-XX for a US state (US-MO) or * "
                    "for anywhere, not: %(codes)s."
                ),
                code="invalid",
                params={"codes": ", ".join(unknown)},
            )


class RegionCodesField(models.JSONField):
    """Where someone may serve remotely: ISO 3166 country codes, US states as US-XX, or *."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, list) or not all(
            isinstance(code, str) and REGION_CODE_RE.match(code) for code in value
        ):
            raise ValidationError(
                _("Use country codes, US-XX for a US state, or * for anywhere."), code="invalid"
            )

    def formfield(self, **kwargs):
        return RegionCodesFormField(
            required=not self.blank,
            label=self.verbose_name.capitalize() if self.verbose_name else None,
            help_text=self.help_text,
            max_length=500,
        )
