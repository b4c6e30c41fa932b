"""Forms for the exchange of directory data: the HSDS API's parameters and the admin upload."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.numbers import WholeNumberField
from help_contacts.web.forms import DirectorySearchForm

FILTER_PARAMETERS = ("language", "service", "specialty", "cost", "accepting", "q")
DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100


class HsdsServicesForm(DirectorySearchForm):
    """The directory's search parameters, plus HSDS's `per_page`.

    Without a place every published listing is exported, so a filter on its own is refused
    rather than quietly ignored.
    """

    per_page = WholeNumberField(
        min_value=1, max_value=MAX_PER_PAGE, required=False, widget=forms.HiddenInput
    )

    def clean(self):
        cleaned = super().clean()
        filtered = any(cleaned.get(name) for name in FILTER_PARAMETERS)
        if self.search is None and not self.errors and filtered:
            self.add_error(
                "location",
                _("Filters need a place to search around: add location, or lat and lon."),
            )
        return cleaned


class ListingImportForm(forms.Form):
    """A directory manager uploads an HSDS or CSV file of listings."""

    HSDS = "hsds"
    CSV = "csv"

    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "Open Referral HSDS 3.0 JSON (a list of services) or CSV with the columns of the "
            "directory's CSV export. UTF-8, at most 10 MB."
        ),
    )
    file_format = forms.ChoiceField(
        label=_("Format"),
        choices=[(HSDS, _("HSDS 3.0 JSON")), (CSV, _("CSV"))],
        widget=forms.RadioSelect,
        initial=HSDS,
    )
    dry_run = forms.BooleanField(
        label=_("Dry run: check the file and show what would change, without saving"),
        required=False,
        initial=True,
    )
