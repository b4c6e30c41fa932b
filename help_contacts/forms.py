"""Forms for the directory: the search parameters (shared by page and API) and submissions."""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from help_contacts.choices import Cost, Credential, Language, Service, Specialty
from help_contacts.gazetteer import place_resolve
from help_contacts.models import Consultant, Place, ProblemKind
from help_contacts.selectors import DirectoryFilters, Point

RADIUS_CHOICES = [
    (5, _("5 km (3 miles)")),
    (10, _("10 km (6 miles)")),
    (25, _("25 km (15 miles)")),
    (50, _("50 km (30 miles)")),
    (100, _("100 km (60 miles)")),
]
DEFAULT_RADIUS_KM = 25
SEARCH_PARAMETERS = (
    *("location", "lat", "lon", "radius", "language", "service"),
    *("specialty", "accepting", "cost", "q"),
)
TRUE_WORDS = {"1", "true", "on", "yes"}
FALSE_WORDS = {"", "0", "false", "off", "no"}


def _attributes_html(attrs):
    """What Django's widgets/attrs.html writes: True as a bare name, False left out."""
    return mark_safe(
        "".join(
            f" {conditional_escape(name)}"
            if value is True
            else f' {conditional_escape(name)}="{conditional_escape(value)}"'
            for name, value in attrs.items()
            if value is not False
        )
    )


def _input_html(widget):
    value = widget["value"]
    return format_html(
        '<input type="{}" name="{}"{}{}>',
        widget["type"],
        widget["name"],
        format_html(' value="{}"', value) if value is not None else "",
        _attributes_html(widget["attrs"]),
    )


class PythonRenderedWidget:
    """Writes the same HTML as Django's widget templates, without a template per option.

    The search form is drawn on every directory request; through the template
    machinery its fifty-odd options cost more than the search itself.
    """

    def render(self, name, value, attrs=None, renderer=None):
        return self.render_html(self.get_context(name, value, attrs)["widget"])

    def render_html(self, widget):
        return _input_html(widget)


class SearchTextInput(PythonRenderedWidget, forms.TextInput):
    pass


class SearchHiddenInput(PythonRenderedWidget, forms.HiddenInput):
    pass


class SearchSelect(PythonRenderedWidget, forms.Select):
    def render_html(self, widget):
        groups = []
        for group_name, options, _index in widget["optgroups"]:
            html = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                ((option["value"], _attributes_html(option["attrs"]), option["label"])
                 for option in options),
            )  # fmt: skip
            if group_name:
                html = format_html('<optgroup label="{}">{}</optgroup>', group_name, html)
            groups.append(html)
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            _attributes_html(widget["attrs"]),
            mark_safe("".join(groups)),
        )


class SingleSelectMultiple(SearchSelect):
    """A drop-down that offers one choice but, like a checkbox list, accepts repeated values."""

    allow_multiple_selected = True

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].pop("multiple", None)
        return context


class YesNoCheckbox(forms.CheckboxInput):
    """A checkbox that hands the field what was sent, so nonsense can be refused."""

    def __init__(self, attrs=None):
        super().__init__(attrs, check_test=lambda value: str(value).lower() in TRUE_WORDS)

    def value_from_datadict(self, data, files, name):
        return data.get(name)


class SearchYesNoCheckbox(PythonRenderedWidget, YesNoCheckbox):
    pass


class YesNoField(forms.Field):
    """A checkbox that refuses anything but the usual spellings of yes and no."""

    widget = YesNoCheckbox
    default_error_messages = {"invalid": _("Use 1 for yes or 0 for no.")}

    def to_python(self, value):
        text = str(value if value is not None else "").strip().lower()
        if value is True or text in TRUE_WORDS:
            return True
        if value is False or text in FALSE_WORDS:
            return False
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


class CheckboxList(forms.CheckboxSelectMultiple):
    template_name = "help_contacts/widgets/checkbox_list.html"


class SearchCheckboxList(PythonRenderedWidget, CheckboxList):
    """help_contacts/widgets/checkbox_list.html, written in Python."""

    def render_html(self, widget):
        items = format_html_join(
            "",
            '\n    <li>{} <label for="{}" class="inline">{}</label></li>',
            ((_input_html(option), option["attrs"].get("id", ""), option["label"])
             for _name, options, _index in widget["optgroups"] for option in options),
        )  # fmt: skip
        widget_id = widget["attrs"].get("id")
        return format_html(
            '<ul class="checkbox-list"{}>{}\n</ul>',
            format_html(' id="{}"', widget_id) if widget_id else "",
            items,
        )


class DescribedFieldsMixin:
    """Tie each input to its help text and its errors with aria-describedby."""

    label_suffix = ""
    grouped_widgets = (forms.CheckboxSelectMultiple, forms.RadioSelect)

    def full_clean(self):
        super().full_clean()
        for name, form_field in self.fields.items():
            if isinstance(form_field.widget, (*self.grouped_widgets, forms.HiddenInput)):
                continue  # a group is described on its fieldset, in the template
            auto_id = self[name].auto_id
            ids = [f"{auto_id}_helptext"] if form_field.help_text else []
            if name in self.errors:
                ids.append(f"{auto_id}_error")
            if ids:
                form_field.widget.attrs["aria-describedby"] = " ".join(ids)


@dataclass(frozen=True)
class DirectorySearch:
    """A validated search: the point, its name, how far to look and what to look for."""

    point: Point
    place_name: str
    radius_km: int
    filters: DirectoryFilters
    place: Place | None = None
    alternatives: list[Place] = field(default_factory=list)


class DirectorySearchForm(DescribedFieldsMixin, forms.Form):
    """The directory's query parameters; the page and the API both read them through this."""

    location = forms.CharField(
        label=_("Town, city or ZIP code"),
        max_length=200,
        required=False,
        widget=SearchTextInput,
        help_text=_("For example Leeds, Springfield, MO or 10001."),
    )
    lat = forms.FloatField(
        label=_("Latitude"), required=False, min_value=-90, max_value=90, widget=SearchHiddenInput
    )
    lon = forms.FloatField(
        label=_("Longitude"),
        required=False,
        min_value=-180,
        max_value=180,
        widget=SearchHiddenInput,
    )
    radius = forms.TypedChoiceField(
        label=_("Distance"),
        choices=RADIUS_CHOICES,
        coerce=int,
        required=False,
        empty_value=DEFAULT_RADIUS_KM,
        initial=DEFAULT_RADIUS_KM,
        widget=SearchSelect,
    )
    language = forms.MultipleChoiceField(
        label=_("Language"),
        choices=[("", _("Any language")), *Language.choices],
        required=False,
        widget=SingleSelectMultiple,
    )
    service = forms.MultipleChoiceField(
        label=_("Type of help"), choices=Service.choices, required=False, widget=SearchCheckboxList
    )
    specialty = forms.MultipleChoiceField(
        label=_("Experienced with"),
        choices=Specialty.choices,
        required=False,
        widget=SearchCheckboxList,
    )
    cost = forms.MultipleChoiceField(
        label=_("Cost"), choices=Cost.choices, required=False, widget=SearchCheckboxList
    )
    accepting = YesNoField(
        label=_("Only those accepting new clients"), required=False, widget=SearchYesNoCheckbox
    )
    q = forms.CharField(
        label=_("Name or practice"), max_length=100, required=False, widget=SearchTextInput
    )
    page = forms.IntegerField(min_value=1, required=False, widget=SearchHiddenInput)

    def __init__(self, data=None, *args, require_location=False, **kwargs):
        if data is not None and not data.get("radius"):
            data = data.copy()
            data["radius"] = str(DEFAULT_RADIUS_KM)
        super().__init__(data, *args, **kwargs)
        self.require_location = require_location
        self.search = None

    def clean_language(self):
        return [code for code in self.cleaned_data["language"] if code]

    def clean(self):
        cleaned = super().clean()
        lat, lon = cleaned.get("lat"), cleaned.get("lon")
        if self.has_error("lat") or self.has_error("lon"):
            return cleaned
        if (lat is None) != (lon is None):
            missing = "lon" if lon is None else "lat"
            self.add_error(missing, _("Send both latitude and longitude, or neither."))
            return cleaned
        match = None
        location = cleaned.get("location", "")
        if lat is not None:
            point, place_name = Point(lat, lon), str(_("your location"))
        elif location:
            match = place_resolve(text=location)
            if match is None:
                self.add_error(
                    "location",
                    _(
                        "We could not find “%(place)s”. Check the spelling, add the state or "
                        "country (for example Springfield, MO), or try a ZIP code."
                    )
                    % {"place": location},
                )
                return cleaned
            point = Point(match.place.latitude, match.place.longitude)
            place_name = match.place.label
        elif self.has_error("location"):
            return cleaned
        else:
            if self.require_location:
                self.add_error("location", _("Enter a town, city or ZIP code, or lat and lon."))
            return cleaned
        if self.errors:
            return cleaned
        self.search = DirectorySearch(
            point=point,
            place_name=place_name,
            radius_km=cleaned.get("radius") or DEFAULT_RADIUS_KM,
            filters=DirectoryFilters(
                languages=tuple(cleaned.get("language") or ()),
                services=tuple(cleaned.get("service") or ()),
                specialties=tuple(cleaned.get("specialty") or ()),
                costs=tuple(cleaned.get("cost") or ()),
                accepting=bool(cleaned.get("accepting")),
                text=cleaned.get("q", ""),
            ),
            place=match.place if match else None,
            alternatives=match.alternatives if match else [],
        )
        return cleaned


class HoneypotMixin(forms.Form):
    """A field people never see and bots fill in."""

    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    @property
    def is_spam(self):
        return bool(self.data.get("homepage"))


class SuggestListingForm(DescribedFieldsMixin, HoneypotMixin, forms.ModelForm):
    """A consultant (or a parent) suggests a listing; a person approves it before it shows."""

    credentials = forms.MultipleChoiceField(
        label=_("Credentials"), choices=Credential.choices, required=False, widget=CheckboxList
    )
    services = forms.MultipleChoiceField(
        label=_("Services"), choices=Service.choices, required=False, widget=CheckboxList
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=Language.choices, required=False, widget=CheckboxList
    )
    costs = forms.MultipleChoiceField(
        label=_("Cost"), choices=Cost.choices, required=False, widget=CheckboxList
    )
    specialties = forms.MultipleChoiceField(
        label=_("Experienced with"), choices=Specialty.choices, required=False, widget=CheckboxList
    )
    submitter_contact = forms.CharField(
        label=_("Your name and email or phone"),
        max_length=300,
        help_text=_("So we can check the details with you. We never publish this."),
    )

    class Meta:
        model = Consultant
        fields = [
            "name",
            "practice_name",
            "credentials",
            "street_address",
            "city",
            "region",
            "postcode",
            "country",
            "phone",
            "email",
            "website",
            "services",
            "home_visit_radius_km",
            "languages",
            "costs",
            "specialties",
            "opening_hours",
            "accepting_new_clients",
            "bio",
            "submitter_contact",
        ]
        widgets = {
            "opening_hours": forms.Textarea(attrs={"rows": 3}),
            "bio": forms.Textarea(attrs={"rows": 5}),
        }


class ProblemReportForm(DescribedFieldsMixin, HoneypotMixin, forms.Form):
    """Tell us something in a listing is wrong."""

    kind = forms.ChoiceField(
        label=_("What is wrong?"), choices=ProblemKind.choices, widget=forms.RadioSelect
    )
    details = forms.CharField(
        label=_("Details"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    reporter_email = forms.EmailField(
        label=_("Your email (optional)"),
        required=False,
        help_text=_("Only if you are happy for us to ask you about it."),
    )
