"""Builds the demo site tree and its first article, creating only what is missing.

Every object is looked up by a stable key (a page's slug, a snippet's title) and
created only if absent, so running this again changes nothing and never
overwrites an editor's work.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wagtail.models import Page, Site

from core.models import SiteSettings, WarningSigns
from core.regions import Region
from factors.models import (
    FactorIndexPage,
    FactorInsight,
    FactorPage,
    FactorSupportContact,
    PracticalInsight,
)
from help_contacts.models import SupportContact
from website.demo import content
from website.models import (
    AppointmentPlanPage,
    ArticleIndexPage,
    ArticlePage,
    FirstDaysPage,
    HomePage,
    StandardPage,
)

REVIEW_DUE_IN_DAYS = 30


def _publish(page):
    # Logged with its revision (add_child has logged the creation), so the first version is
    # in History, to compare with and revert to.
    page.save_revision(log_action=True).publish()
    return page


def _child(parent, model, slug, **fields):
    """The live child page with this slug, created and published if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    return _publish(page), True


def _snippet(model, lookup, **fields):
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **fields)
        obj.save()
        obj.save_revision(log_action="wagtail.create").publish()
    return obj


def _references(keys):
    """ReferenceBlock values for the keys of `content.REFERENCES`."""
    return [content.REFERENCES[key] for key in keys]


def _reference_stream(keys):
    return [("reference", reference) for reference in _references(keys)]


def _factor_specs():
    """Every demo factor: the seed article's, with evidence notes, then the added ones."""
    specs = {
        slug: {**spec, **content.FACTOR_EVIDENCE.get(slug, {})}
        for slug, spec in content.FACTORS.items()
    }
    return {**specs, **content.NEW_FACTORS}


def _numbered(items, extra_keys=()):
    """Items whose "sources" are REFERENCES keys, citing them by number instead, and the
    reference keys in that numbering: in order of first citation, then `extra_keys`."""
    keys = list(dict.fromkeys([*(key for item in items for key in item["sources"]), *extra_keys]))
    numbered = [
        {**item, "sources": [keys.index(key) + 1 for key in item["sources"]]} for item in items
    ]
    return numbered, keys


def _warning_signs(region):
    """One region's card: its signs cite sources by number, in order of first citation."""
    spec = content.WARNING_SIGNS[region]
    numbered, keys = _numbered(spec["signs"])
    signs = [("sign", sign) for sign in numbered]
    return _snippet(
        WarningSigns,
        {"region": region},
        title=spec["title"],
        emergency_line=spec["emergency_line"],
        signs=signs,
        references=_reference_stream(keys),
    )


def _first_days_body():
    spec = content.FIRST_DAYS
    days, keys = _numbered(spec["days"], extra_keys=spec["note_sources"])
    body = [
        (
            "day_table",
            {
                "caption": "What to expect, day by day",
                "days": days,
                "note": spec["note"],
                "sources": _references(keys),
            },
        )
    ]
    for section in spec["sections"]:
        body.append(("section", {**section, "sources": _references(section["sources"])}))
    return body


def _review_fields():
    # Demo text has not been through medical review, so no page claims it has.
    return {"next_review_due": timezone.localdate() + timezone.timedelta(days=REVIEW_DUE_IN_DAYS)}


def _configured_host() -> tuple[str, int]:
    """The host and port of WAGTAILADMIN_BASE_URL, the site's configured address."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    default_port = 443 if address.scheme == "https" else 80
    return address.hostname or "localhost", address.port or default_port


def _use_configured_host(site: Site) -> None:
    """Replace Wagtail's installer default, localhost:80, by the configured address, so
    absolute links (sitemap.xml, emails) name where the site is served; an address an
    operator set is left alone."""
    if (site.hostname, site.port) == ("localhost", 80):
        site.hostname, site.port = _configured_host()
        if (site.hostname, site.port) != ("localhost", 80):
            site.save(update_fields=["hostname", "port"])


def _home_page():
    """The site's HomePage, replacing Wagtail's placeholder 'Welcome' page on a new install."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site and isinstance(site.root_page.specific, HomePage):
        _use_configured_host(site)
        return site.root_page.specific, False
    root = Page.get_first_root_node()
    # Wagtail's installer leaves a plain, childless Page at the top of the tree.
    placeholders = [
        page for page in root.get_children().filter(numchild=0) if type(page.specific) is Page
    ]
    home = HomePage.objects.first()
    created = home is None
    if created:
        for placeholder in placeholders:
            placeholder.slug = f"placeholder-{placeholder.pk}"
            placeholder.save(update_fields=["slug"])
        home = HomePage(
            title=content.HOME["title"],
            slug=content.HOME["slug"],
            heading=content.HOME["heading"],
            intro=content.HOME["intro"],
        )
        root.add_child(instance=home)
        _publish(home)
    hostname, port = _configured_host()
    if site is None:
        Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.save()
        _use_configured_host(site)
    for placeholder in placeholders:
        if not Site.objects.filter(root_page=placeholder).exists():
            placeholder.delete()
    return home, created


@transaction.atomic
def load_site_content(*, log=print):
    """Create the demo tree: home, topic, article, factor pages, insights and contacts."""
    home, created = _home_page()
    log(f"{'Created' if created else 'Kept'} home page")

    site = Site.objects.get(root_page=home)
    settings_obj = SiteSettings.for_site(site)
    if not settings_obj.urgent_care_notice:
        settings_obj.urgent_care_notice = content.URGENT_NOTICE
        settings_obj.save()
    if settings_obj.warning_signs_id is None:
        settings_obj.region = Region.UK
        settings_obj.warning_signs = _warning_signs(Region.UK)
        settings_obj.save()
    for region in content.WARNING_SIGNS:  # the other regions' own cards
        _warning_signs(region)

    contacts = {
        key: _snippet(
            SupportContact,
            {"name": fields["name"]},
            **{k: v for k, v in fields.items() if k != "name"},
        )
        for key, fields in content.CONTACTS.items()
    }
    insights = {
        key: _snippet(
            PracticalInsight,
            {"title": fields["title"]},
            body=fields["body"],
            references=_reference_stream(fields.get("references", [])),
        )
        for key, fields in content.INSIGHTS.items()
    }

    topic, _ = _child(
        home,
        ArticleIndexPage,
        content.TOPIC["slug"],
        title=content.TOPIC["title"],
        intro=content.TOPIC["intro"],
        show_in_menus=True,
    )
    factor_index, _ = _child(
        home,
        FactorIndexPage,
        content.FACTOR_INDEX["slug"],
        title=content.FACTOR_INDEX["title"],
        intro=content.FACTOR_INDEX["intro"],
        show_in_menus=True,
        **_review_fields(),
    )
    first_days = content.FIRST_DAYS
    first_days_page, created = _child(
        home,
        FirstDaysPage,
        first_days["slug"],
        title=first_days["title"],
        intro=first_days["intro"],
        body=_first_days_body(),
        show_in_menus=True,
        **_review_fields(),
    )
    log(f"{'Created' if created else 'Kept'} first-days guide")

    factors = []
    for slug, spec in _factor_specs().items():
        factor = factor_index.get_children().filter(slug=slug).first()
        if factor is None:
            factor = FactorPage(
                slug=slug,
                **{
                    k: spec[k]
                    for k in (
                        "title",
                        "topic",
                        "specialty",
                        "summary",
                        "why_it_matters",
                        "evidence_note",
                        "what_helps",
                        "when_to_seek_help",
                    )
                },
                references=_reference_stream(spec["references"]),
                feeding_guide=first_days_page if slug in content.FEEDING_GUIDE_FACTORS else None,
                **_review_fields(),
            )
            factor.insight_links = [
                FactorInsight(insight=insights[key]) for key in spec["insights"]
            ]
            factor.contact_links = [
                FactorSupportContact(contact=contacts[key]) for key in spec["contacts"]
            ]
            factor.tags.add(*spec["tags"])
            factor_index.add_child(instance=factor)
            _publish(factor)
            log(f"Created factor page {slug}")
        factors.append(factor.specific)

    article_spec = content.ARTICLE
    body = [
        ("paragraph", article_spec["opening"]),
        (
            "factor_list",
            {
                "heading": article_spec["factor_heading"],
                "intro": article_spec["factor_intro"],
                "factors": factors,
                "show_insights": True,
            },
        ),
        (
            "callout",
            {
                "tone": "tip",
                "title": article_spec["callout_title"],
                "text": article_spec["callout_text"],
            },
        ),
        (
            "seek_help",
            {
                "heading": article_spec["help_heading"],
                "intro": article_spec["help_intro"],
                "contacts": [
                    contacts["midwife"],
                    contacts["doctor"],
                    contacts["lactation-consultant"],
                ],
            },
        ),
    ]
    _, created = _child(
        topic,
        ArticlePage,
        article_spec["slug"],
        title=article_spec["title"],
        intro=article_spec["intro"],
        body=body,
        references=_reference_stream(article_spec["references"]),
        **_review_fields(),
    )
    log(f"{'Created' if created else 'Kept'} article {article_spec['slug']}")

    plan = content.APPOINTMENT_PLAN
    _, created = _child(
        home,
        AppointmentPlanPage,
        plan["slug"],
        title=plan["title"],
        intro=plan["intro"],
        tried_options=[
            ("option", {"label": label, "topping_up": topping_up})
            for label, topping_up in plan["tried"]
        ],
        questions=[
            ("question", {"text": text, "applies": applies}) for text, applies in plan["questions"]
        ],
        show_in_menus=True,
        **_review_fields(),
    )
    log(f"{'Created' if created else 'Kept'} appointment plan page")

    for slug, spec in content.PAGES.items():
        _child(
            home,
            StandardPage,
            slug,
            title=spec["title"],
            intro=spec["intro"],
            body=[
                ("paragraph", spec["body"]),
                *([("review_status", None)] if spec.get("review_status") else []),
            ],
        )

    if not settings_obj.footer_links:
        settings_obj.footer_links = [
            ("link", {"label": page.title, "page": page, "url": ""})
            for page in StandardPage.objects.child_of(home).live()
        ]
        settings_obj.save()
    return home
