"""Factories for the site's models; values come from Faker or sequences, never import time."""

import datetime

import factory
import wagtail_factories

from django.contrib.auth import get_user_model
from django.utils import timezone

from core.models import WarningSigns
from factors.models import (
    FactorIndexPage,
    FactorInsight,
    FactorPage,
    FactorSupportContact,
    FactorTopic,
    PracticalInsight,
)
from help_contacts.data import representations
from help_contacts.data.choices import ContactKind
from help_contacts.models import SupportContact
from website.models import ArticleIndexPage, ArticlePage, HomePage, StandardPage


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password("correct-horse-battery")


class ReviewerProfileFactory(factory.django.DjangoModelFactory):
    """A medical reviewer's public name and credentials."""

    class Meta:
        model = "core.ReviewerProfile"

    user = factory.SubFactory(UserFactory)
    display_name = factory.LazyAttribute(lambda profile: f"Dr {profile.user.get_full_name()}")
    credentials = "MBBS, IBCLC"


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Home"
    heading = factory.Faker("sentence", nb_words=6)


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Faker("sentence", nb_words=3)


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticleIndexPage

    title = factory.Faker("sentence", nb_words=3)


class ArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticlePage

    title = factory.Faker("sentence", nb_words=5)
    intro = factory.Faker("paragraph")
    body = factory.LazyFunction(lambda: [("paragraph", "<p>An article.</p>")])


class FactorIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = FactorIndexPage

    title = "Why milk can be slow"


class FactorPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = FactorPage

    title = factory.Faker("sentence", nb_words=4)
    topic = FactorTopic.FEEDING
    summary = factory.Faker("sentence")
    why_it_matters = factory.LazyFunction(lambda: "<p>Why it matters.</p>")


class PracticalInsightFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PracticalInsight

    title = factory.Faker("sentence", nb_words=5)
    body = factory.LazyAttribute(lambda insight: f"<p>{insight.title} body.</p>")
    live = True


class SupportContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportContact

    name = factory.Faker("company")
    kind = ContactKind.MIDWIFE
    summary = factory.Faker("sentence")
    when_to_contact = "<p>When you are worried.</p>"
    live = True


class WarningSignsFactory(factory.django.DjangoModelFactory):
    """Published warning signs with one reference."""

    class Meta:
        model = WarningSigns

    title = "Get help now"
    region = "uk"
    emergency_line = "your baby cannot be woken"
    signs = factory.LazyFunction(
        lambda: [
            (
                "sign",
                {"tier": "emergency", "who": "baby", "text": "cannot be woken", "sources": [1]},
            ),
            ("sign", {"tier": "urgent", "who": "baby", "text": "has a fit", "sources": [1]}),
            (
                "sign",
                {
                    "tier": "today",
                    "who": "baby",
                    "text": "has had no wet nappy for 8 hours",
                    "sources": [1],
                },
            ),
            (
                "sign",
                {"tier": "today", "who": "parent", "text": "are bleeding heavily", "sources": [1]},
            ),
        ]
    )
    references = factory.LazyFunction(
        lambda: [("reference", {"title": "Warning signs guidance", "publisher": "NHS"})]
    )
    live = True


def link_insights(factor, insights):
    """Attach insights to a factor page in the given order and publish the change."""
    factor.insight_links = [FactorInsight(insight=insight) for insight in insights]
    factor.save_revision().publish()
    return factor


def link_contacts(factor, contacts):
    factor.contact_links = [FactorSupportContact(contact=contact) for contact in contacts]
    factor.save_revision().publish()
    return factor


# The consultant directory ------------------------------------------------------------------


class DirectoryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "help_contacts.DirectoryPage"

    title = "Find support"
    slug = "find-support"


class ConsultantFactory(factory.django.DjangoModelFactory):
    """A published listing in central London unless told otherwise."""

    class Meta:
        model = "help_contacts.Consultant"

    name = factory.Faker("name")
    slug = factory.Sequence(lambda n: f"consultant-{n}")
    credentials = factory.LazyFunction(lambda: ["ibclc"])
    practice_name = factory.Faker("company")
    city = "London"
    country = "GB"
    latitude = 51.5074
    longitude = -0.1278
    phone = "020 7946 0000"
    languages = factory.LazyFunction(lambda: ["en"])
    services = factory.LazyFunction(lambda: ["clinic"])
    costs = factory.LazyFunction(lambda: ["private-fee"])
    specialties = factory.LazyFunction(list)
    accepting_new_clients = True
    # Checked today: a listing is only stale (and its availability hedged) when a test says so.
    last_verified = factory.LazyFunction(timezone.localdate)
    live = True


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "help_contacts.Place"

    kind = "place"
    name = factory.Faker("city")
    key = factory.LazyAttribute(lambda place: place.name.lower())
    label = factory.LazyAttribute(lambda place: f"{place.name}, {place.country_name}")
    label_key = factory.LazyAttribute(lambda place: place.label.lower())
    country_code = "US"
    country_name = "United States"
    latitude = 40.0
    longitude = -90.0
    population = 1000


class SuggestedConsultantFactory(ConsultantFactory):
    """A listing suggested through the website: an unpublished draft with one revision."""

    class Meta:
        skip_postgeneration_save = True

    live = False
    source = "suggestion"
    submitter_contact = factory.LazyAttribute(
        lambda listing: f"{listing.name}, suggester@example.org"
    )

    @factory.post_generation
    def revision(obj, create, extracted, **kwargs):
        if create:
            obj.save_revision()


class ProblemReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "help_contacts.ProblemReport"

    consultant = factory.SubFactory(ConsultantFactory)
    kind = "phone"
    details = factory.Faker("sentence")
    reporter_email = factory.Faker("email")


def suggestion_form_data(**changes):
    """What a consultant types into the public "suggest a listing" form."""
    data = {
        "name": "Siobhan Walsh",
        "practice_name": "Harbour Feeding Clinic",
        "credentials": ["ibclc"],
        "city": "Springfield",
        "region": "IL",
        "country": "US",
        "phone": "+1 202 555 0100",
        "services": ["clinic"],
        "languages": ["en"],
        "costs": ["private-fee"],
        "accepting_new_clients": "on",
        "submitter_contact": "Siobhan, siobhan@example.org",
    }
    data.update(changes)
    return data


def complete_listing(**fields):
    """A published listing with every field a directory file carries filled in."""
    values = {
        "name": "Zofia Nowak",
        "practice_name": "Latch & Learn",
        "credentials": ["ibclc", "midwife"],
        "street_address": "12 Example Road",
        "city": "London",
        "region": "Greater London",
        "postcode": "N1 9GU",
        "country": "GB",
        "latitude": 51.5308,
        "longitude": -0.1238,
        "phone": "+44 20 7946 0123",
        "email": "zofia@example.org",
        "website": "https://example.org/zofia/",
        "languages": ["pl", "en"],
        "services": ["home-visits", "clinic"],
        "costs": ["sliding-scale", "insurance"],
        "insurance_plans": "Aetna, Cigna",
        "specialties": ["premature", "latch"],
        "home_visit_radius_km": 15,
        "opening_hours": "Monday to Friday, 9am to 5pm",
        "accepting_new_clients": False,
        "bio": "Twenty years helping families with feeding.",
        "last_verified": datetime.date(2025, 3, 1),
    }
    values.update(fields)
    return ConsultantFactory(**values)


def interchange_values(consultant):
    """What an export and re-import must carry over unchanged."""
    return representations.interchange_values(consultant=consultant)
