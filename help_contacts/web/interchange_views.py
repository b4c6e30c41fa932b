"""The HSDS services API and the admin's "Import listings" view."""

from django.core.paginator import EmptyPage, Paginator
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permissions import policy_registry

from core.http_cache import SEARCH, public_cache
from help_contacts.data.exports import listings_for_export
from help_contacts.data.models import Consultant
from help_contacts.interchange.csv_io import csv_import
from help_contacts.interchange.hsds import consultant_to_hsds, hsds_import, hsds_parse
from help_contacts.interchange.importing import MAX_IMPORT_BYTES, ImportFileError
from help_contacts.web.interchange_forms import (
    DEFAULT_PER_PAGE,
    HsdsServicesForm,
    ListingImportForm,
)
from help_contacts.web.views import (
    PageOutOfRange,
    api_view,
    conditional,
    errors_response,
    form_errors_response,
    with_last_modified,
)


@api_view
@public_cache(SEARCH)
@conditional
def hsds_services_api(request):
    """GET /api/v1/hsds/services/: published listings as an HSDS 3.0 page of full services.

    Takes the directory API's parameters (`location`, `lat`, `lon`, `radius`, filters) and
    gives the same listings in the same order; with no place, every published listing by
    name. `page` and `per_page` page through them.
    """
    form = HsdsServicesForm(request.GET)
    if not form.is_valid():
        return form_errors_response(form)
    listings = listings_for_export(search=form.search)
    paginator = Paginator(listings, form.cleaned_data.get("per_page") or DEFAULT_PER_PAGE)
    number = form.cleaned_data.get("page") or 1
    try:
        page = paginator.page(number)
    except EmptyPage:
        # The directory's one rule for a page past the end, with its message.
        error = PageOutOfRange(number=number, last=paginator.num_pages)
        return errors_response({"page": [str(error)]}, status=404)
    contents = [consultant_to_hsds(consultant=consultant) for consultant in page.object_list]
    response = JsonResponse(
        {
            "total_items": paginator.count,
            "total_pages": paginator.num_pages,
            "page_number": page.number,
            "size": len(contents),
            "first_page": not page.has_previous(),
            "last_page": not page.has_next(),
            "empty": paginator.count == 0,
            "contents": contents,
        },
        json_dumps_params={"ensure_ascii": False},
    )
    return with_last_modified(response, page.object_list)


class ListingImportView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Upload an HSDS or CSV file; check it, and import it as drafts unless a dry run."""

    model = Consultant
    permission_required = "add"
    form_class = ListingImportForm
    template_name = "help_contacts/admin/import_listings.html"
    page_title = gettext_lazy("Import listings")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            action_url=self.request.path,
            submit_button_label=_("Check or import"),
            submit_button_active_label=_("Checking…"),
            listings_url=reverse("wagtailsnippets_help_contacts_consultant:list"),
        )
        return context

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        dry_run = form.cleaned_data["dry_run"]
        user = self.request.user
        try:
            if upload.size > MAX_IMPORT_BYTES:
                # Refused before reading, so a huge upload is never held in memory.
                raise ImportFileError(
                    _("The file is too big. Split it into files of at most %(limit)s MB.")
                    % {"limit": MAX_IMPORT_BYTES // 1024 // 1024}
                )
            content = upload.read()
            if form.cleaned_data["file_format"] == ListingImportForm.CSV:
                report = csv_import(content=content, dry_run=dry_run, user=user)
            else:
                report = hsds_import(data=hsds_parse(content=content), dry_run=dry_run, user=user)
        except ImportFileError as error:
            form.add_error("file", error.message)
            return self.form_invalid(form)
        status = 400 if report.problems and not dry_run else 200
        return self.render_to_response(
            self.get_context_data(form=form, report=report, upload_name=upload.name),
            status=status,
        )


def _can_import(user) -> bool:
    return policy_registry.get_by_type(Consultant).user_has_permission(user, "add")


class ListingImportMenuItem(MenuItem):
    def is_shown(self, request):
        return _can_import(request.user)


class ListingImportViewSet(ViewSet):
    """The "Import listings" item in the Directory menu."""

    name = "directory_import"
    icon = "upload"
    menu_label = gettext_lazy("Import listings")
    menu_name = "import-listings"
    menu_order = 300
    menu_item_class = ListingImportMenuItem

    def get_urlpatterns(self):
        return [path("", ListingImportView.as_view(), name="index")]
