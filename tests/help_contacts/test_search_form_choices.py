"""The search form's options are shared by every form built (help_contacts.web.forms.
FixedChoices), which is only safe while one form's change stays its own."""

import pytest

from help_contacts.web.forms import DirectorySearchForm

pytestmark = pytest.mark.django_db

CHOICE_FIELDS = ("radius", "language", "service", "specialty", "cost")


def _options(form, name):
    return [value for value, _label in form.fields[name].widget.choices]


def test_each_form_offers_every_option_in_the_field_order():
    form = DirectorySearchForm()
    for name in CHOICE_FIELDS:
        field = DirectorySearchForm.base_fields[name]
        assert _options(form, name) == [value for value, _label in field.choices]
        assert len(_options(form, name)) > 1


def test_one_form_giving_a_field_other_options_leaves_the_next_form_alone():
    first = DirectorySearchForm()
    for name in CHOICE_FIELDS:
        first.fields[name].choices = [("only", "Only this")]
        first.fields[name].widget.attrs["data-changed"] = "yes"
    second = DirectorySearchForm()
    for name in CHOICE_FIELDS:
        assert _options(first, name) == ["only"]
        assert "only" not in _options(second, name)
        assert "data-changed" not in second.fields[name].widget.attrs
        assert second.fields[name] is not first.fields[name]
        assert second.fields[name].widget is not first.fields[name].widget


def test_a_form_refuses_a_value_that_is_not_among_its_options():
    form = DirectorySearchForm({"location": "Leeds", "radius": "7", "language": "xx"})
    assert not form.is_valid()
    assert set(form.errors) >= {"radius", "language"}
