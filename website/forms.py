"""Forms of the site shell: the appointment plan a parent ticks together."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.numbers import ascii_int

PLAN_MAX_DAY = 14


def day_choices():
    """Day 1 to 14 of the baby's life, then "more than 2 weeks"."""
    choices = [(1, gettext("Day 1 (the first 24 hours)"))]
    choices += [(day, gettext("Day %(day)d") % {"day": day}) for day in range(2, PLAN_MAX_DAY + 1)]
    return [*choices, (PLAN_MAX_DAY + 1, gettext("More than 2 weeks"))]


class AppointmentPlanForm(forms.Form):
    """What a parent ticks: her baby's day of life, the factors that apply, what she has tried."""

    label_suffix = ""

    day = forms.TypedChoiceField(
        label=_("How old is your baby?"),
        coerce=ascii_int,
        help_text=_("Day 1 is the first 24 hours after the birth."),
    )
    factor = forms.MultipleChoiceField(
        label=_("Which of these apply to you?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    tried = forms.MultipleChoiceField(
        label=_("What have you tried so far?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, data=None, *args, factor_choices=(), tried_choices=(), **kwargs):
        super().__init__(data, *args, **kwargs)
        self.fields["day"].choices = [("", _("Choose a day")), *day_choices()]
        self.fields["factor"].choices = list(factor_choices)
        self.fields["tried"].choices = list(tried_choices)
