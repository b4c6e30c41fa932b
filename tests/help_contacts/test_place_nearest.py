"""Which town a bare point is in: the nearest within 50 km, the most populous on a tie.
On PostgreSQL the towns' GiST index is walked nearest first; it must pick what measuring
every town in the bounding box picks."""

import random

import pytest

from django.db import connection

from help_contacts.data.choices import PlaceKind
from help_contacts.data.models import Place
from help_contacts.data.selectors import (
    NEAREST_PLACE_KM,
    GreatCircleKm,
    Point,
    _bounding_box,
    place_nearest,
)
from tests.help_contacts.conftest import make_place

pytestmark = pytest.mark.django_db


def measured_in_the_box(point):
    return (
        Place.objects.filter(_bounding_box(point, NEAREST_PLACE_KM), kind=PlaceKind.PLACE)
        .annotate(distance_km=GreatCircleKm(point))
        .filter(distance_km__lte=NEAREST_PLACE_KM)
        .order_by("distance_km", "-population")
        .first()
    )


@pytest.fixture
def towns():
    rng = random.Random(20261205)
    found = [
        make_place(f"Town {number}", latitude=rng.uniform(50, 53), longitude=rng.uniform(-2, 1),
                   population=rng.randrange(100, 100_000))
        for number in range(150)
    ]  # fmt: skip
    # Across the dateline, and a postcode area (not a town) nearer than any town.
    found.append(make_place("Taveuni", latitude=-16.85, longitude=179.98, population=9000))
    found.append(make_place("SW1A", kind=PlaceKind.POSTCODE, latitude=51.501, longitude=-0.142))
    return found


def test_the_nearest_town_is_the_one_measuring_every_town_finds(towns):
    rng = random.Random(7)
    points = [Point(rng.uniform(49.5, 53.5), rng.uniform(-2.5, 1.5)) for _ in range(60)]
    points += [Point(-16.8, -179.99), Point(-16.8, 179.5), Point(0.0, 0.0), Point(89.9, 0.0)]
    for point in points:
        assert place_nearest(point=point) == measured_in_the_box(point), point


def test_on_a_tie_the_most_populous_town_wins():
    make_place("Smaller", latitude=48.0, longitude=2.0, population=10)
    bigger = make_place("Bigger", latitude=48.0, longitude=2.0, population=5000)
    make_place("Smallest", latitude=48.0, longitude=2.0, population=1)
    assert place_nearest(point=Point(48.01, 2.0)) == bigger


def test_nothing_within_fifty_km_is_no_town(towns):
    assert place_nearest(point=Point(40.0, -30.0)) is None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the walk is PostgreSQL's")
def test_the_walk_uses_the_towns_index_and_sorts_nothing(towns):
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        place_nearest(point=Point(51.5, -0.12))
    (sql,) = [query["sql"] for query in queries]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table would be scanned
        cursor.execute(f"EXPLAIN {sql}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "place_town_position" in plan, plan
    assert "Sort" not in plan, plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statistics")
def test_a_loaded_gazetteer_gives_the_planner_statistics(towns):
    """A table the planner takes for empty had a lookup by name scan the towns' position
    index for its kind alone (6 ms at 235,000 places); loading ends with ANALYZE."""
    from help_contacts.management.commands.load_gazetteer import places_analyzed

    places_analyzed()
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'help_contacts_place'")
        (tuples,) = cursor.fetchone()
    assert tuples == Place.objects.count()
