"""Forms for the directory: the search parameters (shared by page and API) and submissions."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.numbers import WholeNumberField, ascii_int, whole_number
from core.site_cache import site_cached
from help_contacts.data.choices import Cost, Language, Service, Specialty
from help_contacts.data.listing_checks import OWNER_EDITABLE_FIELDS, OWNER_PROPOSED_FIELDS
from help_contacts.data.models import PUBLIC_PROBLEM_KINDS, Consultant, Place
from help_contacts.data.representations import INTERCHANGE_FIELDS
from help_contacts.data.selectors import DirectoryFilters, DirectorySearch, Point

RADIUS_CHOICES = [
    (5, _("5 km (3 miles)")),
    (10, _("10 km (6 miles)")),
    (25, _("25 km (15 miles)")),
    (50, _("50 km (30 miles)")),
    (100, _("100 km (60 miles)")),
]
DEFAULT_RADIUS_KM = 25
MAX_PAGE = 10_000
# The error code of a place the gazetteer does not hold: the APIs answer it with a 404.
PLACE_NOT_FOUND = "place_not_found"
SEARCH_PARAMETERS = (
    *("location", "lat", "lon", "radius", "language", "service"),
    *("specialty", "accepting", "ibclc", "cost", "q"),
)
# Coordinates are kept to three decimal places (about 110 m north-south): close enough to
# find who is near, too coarse to point at a home in a shared link or the browser history.
COORDINATE_DECIMALS = 3
TRUE_WORDS = {"1", "true", "on", "yes"}
FALSE_WORDS = {"", "0", "false", "off", "no"}


class YesNoCheckbox(forms.CheckboxInput):
    """A checkbox that hands the field what was sent, so nonsense can be refused."""

    def __init__(self, attrs=None):
        super().__init__(attrs, check_test=lambda value: str(value).lower() in TRUE_WORDS)

    def value_from_datadict(self, data, files, name):
        return data.get(name)


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


class FixedChoices:
    """A choice field or widget whose options are the same for every form: forms share them.

    Django copies every field's options for each form it builds, and its widget's options
    again (normalising each, lazy labels and all), so that a form may change its own. These
    never change in place (a form that needs others assigns a new list, which replaces them
    for that form alone), and the copies cost more than validating a search."""

    def __deepcopy__(self, memo):
        base = forms.Widget if isinstance(self, forms.Widget) else forms.Field
        return base.__deepcopy__(self, memo)


# The directory's widgets are drawn by one template each, options written in a loop rather
# than through Django's template per option: the search form holds some sixty options and
# is drawn on every search, where the include per option cost more than the search itself.


class CheckboxList(FixedChoices, forms.CheckboxSelectMultiple):
    template_name = "help_contacts/widgets/checkbox_list.html"


class Select(FixedChoices, forms.Select):
    template_name = "help_contacts/widgets/select.html"


class SingleSelectMultiple(Select):
    """A drop-down that offers one choice but, like a checkbox list, accepts repeated values."""

    allow_multiple_selected = True

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].pop("multiple", None)
        return context


class FixedTypedChoiceField(FixedChoices, forms.TypedChoiceField):
    pass


class FixedMultipleChoiceField(FixedChoices, forms.MultipleChoiceField):
    pass


def coordinate_text(coordinate: float) -> str:
    """A coordinate as the directory's URLs write it: three decimals, no trailing zeros
    ("51.5", "-111"). A search with any other spelling is redirected to this one."""
    return f"{coordinate:.{COORDINATE_DECIMALS}f}".rstrip("0").rstrip(".")


def _rounded(coordinate: float | None) -> float | None:
    return None if coordinate is None else round(coordinate, COORDINATE_DECIMALS)


class DirectoryForm(forms.Form):
    """Labels without a trailing colon; Django's BoundField ties help and errors to inputs."""

    label_suffix = ""


class DirectorySearchForm(DirectoryForm):
    """The directory's query parameters; the page and the API both read them through this."""

    location = forms.CharField(
        label=_("Town, city or ZIP code"),
        max_length=200,
        required=False,
        help_text=_("For example Leeds, Springfield, MO or 10001."),
    )
    lat = forms.FloatField(
        label=_("Latitude"), required=False, min_value=-90, max_value=90, widget=forms.HiddenInput
    )
    lon = forms.FloatField(
        label=_("Longitude"),
        required=False,
        min_value=-180,
        max_value=180,
        widget=forms.HiddenInput,
    )
    radius = FixedTypedChoiceField(
        label=_("Distance"),
        choices=RADIUS_CHOICES,
        coerce=ascii_int,
        required=False,
        empty_value=DEFAULT_RADIUS_KM,
        initial=DEFAULT_RADIUS_KM,
        widget=Select,
    )
    language = FixedMultipleChoiceField(
        label=_("Language"),
        choices=[("", _("Any language")), *Language.choices],
        required=False,
        widget=SingleSelectMultiple,
    )
    service = FixedMultipleChoiceField(
        label=_("Type of help"), choices=Service.choices, required=False, widget=CheckboxList
    )
    specialty = FixedMultipleChoiceField(
        label=_("Experienced with"),
        choices=Specialty.choices,
        required=False,
        widget=CheckboxList,
    )
    cost = FixedMultipleChoiceField(
        label=_("Cost"), choices=Cost.choices, required=False, widget=CheckboxList
    )
    accepting = YesNoField(
        label=_("Only those accepting new clients"), required=False, widget=YesNoCheckbox
    )
    ibclc = YesNoField(
        label=_("IBCLC only"),
        help_text=_("Only IBCLCs whose certification we have checked on the public register."),
        required=False,
        widget=YesNoCheckbox,
    )
    q = forms.CharField(label=_("Name or practice"), max_length=100, required=False)
    # Far beyond any real result set, and small enough for every database's OFFSET.
    page = WholeNumberField(
        min_value=1, max_value=MAX_PAGE, required=False, widget=forms.HiddenInput
    )

    def __init__(
        self, data=None, *args, require_location=False, prefer_countries=frozenset(), **kwargs
    ):
        self.prefer_countries = prefer_countries  # the site's region's, for ambiguous names
        if data is not None and not data.get("radius"):
            data = data.copy()
            data["radius"] = str(DEFAULT_RADIUS_KM)
        super().__init__(data, *args, **kwargs)
        self.require_location = require_location
        self.search = None
        self.place_suggestions = []  # names close to a place that was not found
        # Promise only the postcodes the gazetteer holds: US ZIP codes unless an operator
        # loaded a postcode file (`load_gazetteer --file`).
        countries = site_cached("postcode-countries", Place.objects.postcode_countries)
        if set(countries) - {"US"}:
            location = self.fields["location"]
            location.label = _("Town, city, postcode or ZIP code")
            location.help_text = _("For example Leeds, LS1 4AP, Springfield, MO or 10001.")

    def clean_lat(self):
        return _rounded(self.cleaned_data["lat"])

    def clean_lon(self):
        return _rounded(self.cleaned_data["lon"])

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
            match = Place.objects.resolve(text=location, prefer_countries=self.prefer_countries)
            if match is None:
                self.place_suggestions = Place.objects.spelling_suggestions(text=location)
                message = _(
                    "We could not find “%(place)s”. Check the spelling, add the state "
                    "or country (for example Springfield, MO), or try a ZIP code."
                )
                if self.place_suggestions:
                    message = _("We could not find “%(place)s”. Did you mean %(suggestions)s?")
                self.add_error(
                    "location",
                    forms.ValidationError(
                        message,
                        code=PLACE_NOT_FOUND,
                        params={
                            "place": location,
                            "suggestions": _(" or ").join(self.place_suggestions),
                        },
                    ),
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
                ibclc_only=bool(cleaned.get("ibclc")),
                text=cleaned.get("q", ""),
            ),
            place=match.place if match else None,
            alternatives=match.alternatives if match else [],
            approximate=bool(match and match.approximate),
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


# Fields only a directory manager can vouch for: the map point (looked up from the address)
# and the day the details were last checked.
MANAGER_ONLY_FIELDS = ("latitude", "longitude", "last_verified")
CHOICE_LIST_FIELDS = ("credentials", "services", "languages", "costs", "specialties")


class SuggestListingForm(HoneypotMixin, DirectoryForm, forms.ModelForm):
    """A consultant (or a parent) suggests a listing; a person approves it before it shows.

    It asks for the fields a directory file carries (`INTERCHANGE_FIELDS`), so a suggestion
    holds what an import would.
    """

    submitter_contact = forms.CharField(
        label=_("Your name and email or phone"),
        max_length=300,
        help_text=_("So we can check the details with you. We never publish this."),
    )

    class Meta:
        model = Consultant
        fields = [
            *(name for name in INTERCHANGE_FIELDS if name not in MANAGER_ONLY_FIELDS),
            "submitter_contact",
        ]
        labels = {"costs": _("Cost"), "specialties": _("Experienced with")}
        widgets = {
            **dict.fromkeys(CHOICE_LIST_FIELDS, CheckboxList),
            "opening_hours": forms.Textarea(attrs={"rows": 3}),
            "bio": forms.Textarea(attrs={"rows": 5}),
        }


class ProblemReportForm(HoneypotMixin, DirectoryForm):
    """Tell us something in a listing is wrong."""

    kind = forms.ChoiceField(
        label=_("What is wrong?"), choices=PUBLIC_PROBLEM_KINDS, widget=forms.RadioSelect
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


MAX_REFERRAL_PICKS = 3


class ReferralSheetForm(DirectoryForm):
    """Up to three listings for a referral sheet, all in the URL: nothing is stored."""

    pick = forms.TypedMultipleChoiceField(
        label=_("Listings for the sheet"),
        coerce=ascii_int,
        error_messages={
            "required": _("Tick at least one listing for the referral sheet."),
            "invalid_choice": _("One of these listings is not in the directory any more."),
        },
    )

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        picked = data.getlist("pick") if data is not None else []
        # Offer exactly the published listings asked for, found in one query.
        numbers = (whole_number(value, minimum=1) for value in picked)
        ids = [number for number in numbers if number is not None][: MAX_REFERRAL_PICKS + 1]
        self.listings = {
            listing.pk: listing for listing in Consultant.objects.published().filter(pk__in=ids)
        }
        self.fields["pick"].choices = [(pk, str(pk)) for pk in self.listings]

    def clean_pick(self):
        picked = list(dict.fromkeys(self.cleaned_data["pick"]))
        if len(picked) > MAX_REFERRAL_PICKS:
            raise forms.ValidationError(
                _("A referral sheet holds at most %(count)s listings: untick some."),
                params={"count": MAX_REFERRAL_PICKS},
                code="too_many",
            )
        return picked

    @property
    def picked_listings(self):
        return [self.listings[pk] for pk in self.cleaned_data.get("pick", [])]


class OwnerChangesForm(DirectoryForm, forms.ModelForm):
    """What a listing's owner may correct from the check email.

    `OWNER_EDITABLE_FIELDS` are applied at once; `OWNER_PROPOSED_FIELDS` wait for a
    directory manager. The model's own validators (single lines, URL, lengths, codes)
    apply, so the owner can send nothing an editor could not store.
    """

    class Meta:
        model = Consultant
        fields = [*OWNER_EDITABLE_FIELDS, *OWNER_PROPOSED_FIELDS]
        widgets = {
            **dict.fromkeys(CHOICE_LIST_FIELDS, CheckboxList),
            "opening_hours": forms.Textarea(attrs={"rows": 3}),
        }

    def at_once_fields(self):
        return [self[name] for name in OWNER_EDITABLE_FIELDS]

    def checked_first_fields(self):
        return [self[name] for name in OWNER_PROPOSED_FIELDS]
