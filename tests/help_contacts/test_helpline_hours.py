"""Which helpline is open now, and when a closed one opens, in the helpline's own time zone."""

import datetime
import zoneinfo

import pytest
from bs4 import BeautifulSoup

from django.core.exceptions import ValidationError

from help_contacts.data.opening_hours import OpeningSpan, helpline_status
from tests.factories import SupportContactFactory

LONDON = zoneinfo.ZoneInfo("Europe/London")
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
WEEKDAYS = frozenset(range(5))
NINE_TO_FIVE = [OpeningSpan(WEEKDAYS, datetime.time(9), datetime.time(17))]


def at(year, month, day, hour, minute=0, tz=LONDON):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=tz)


def status(spans, when, zone="Europe/London"):
    return helpline_status(spans=spans, time_zone=zone, now=when)


def test_open_now_says_until_when_in_its_own_time_zone():
    # Wednesday 2 December 2026, 10:00 in London.
    result = status(NINE_TO_FIVE, at(2026, 12, 2, 10))
    assert result.open_now
    assert result.text == "Open now, until 17:00 (Europe/London time)"


def test_the_hour_is_read_in_the_helplines_zone_not_the_parents():
    # 10:00 in New York is 15:00 in London: open. 13:00 in New York is 18:00: closed.
    assert status(NINE_TO_FIVE, at(2026, 12, 2, 10, tz=NEW_YORK)).open_now
    later = status(NINE_TO_FIVE, at(2026, 12, 2, 13, tz=NEW_YORK))
    assert not later.open_now
    assert later.text == "Closed now. Opens tomorrow at 09:00 (Europe/London time)"


def test_closed_before_opening_and_over_the_weekend():
    early = status(NINE_TO_FIVE, at(2026, 12, 2, 7, 30))
    assert early.text == "Closed now. Opens today at 09:00 (Europe/London time)"
    saturday = status(NINE_TO_FIVE, at(2026, 12, 5, 12))
    assert saturday.text == "Closed now. Opens Monday at 09:00 (Europe/London time)"


def test_a_span_past_midnight_is_open_in_the_small_hours():
    evenings = [OpeningSpan(frozenset({4}), datetime.time(19), datetime.time(2))]  # Friday
    small_hours = status(evenings, at(2026, 12, 5, 1))  # Saturday 01:00
    assert small_hours.open_now
    assert small_hours.text == "Open now, until 02:00 (Europe/London time)"


def test_every_day_all_day_is_open_24_hours():
    always = [OpeningSpan(frozenset(range(7)), datetime.time(0), datetime.time(0))]
    assert status(always, at(2026, 12, 2, 3)).text == "Open now, 24 hours a day"


def test_no_hours_or_no_zone_says_nothing():
    assert status([], at(2026, 12, 2, 10)) is None
    assert status(NINE_TO_FIVE, at(2026, 12, 2, 10), zone="") is None
    assert status(NINE_TO_FIVE, at(2026, 12, 2, 10), zone="Mars/Olympus") is None


@pytest.mark.django_db
def test_hours_need_a_real_time_zone():
    contact = SupportContactFactory.build(
        kind="helpline",
        hours=[("span", {"weekdays": ["0"], "opens": "09:00", "closes": "17:00"})],
        time_zone="",
    )
    with pytest.raises(ValidationError) as error:
        contact.full_clean()
    assert "time_zone" in error.value.message_dict
    contact.time_zone = "Europe/Londres"
    with pytest.raises(ValidationError) as error:
        contact.full_clean()
    assert "time_zone" in error.value.message_dict


@pytest.mark.django_db
def test_directory_shows_whether_each_helpline_is_open_when_few_are_near(client, directory, places):
    SupportContactFactory(
        name="Always Line",
        kind="helpline",
        hours=[
            (
                "span",
                {"weekdays": [str(day) for day in range(7)], "opens": "00:00", "closes": "00:00"},
            )
        ],
        time_zone="Europe/London",
    )
    SupportContactFactory(name="Unknown Hours Line", kind="helpline")
    response = client.get("/find-support/", {"location": "London, UK"})
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    helplines = {
        item.select_one(".contact-card__name").get_text(strip=True): item
        for item in soup.select(".helpline")
    }
    assert set(helplines) == {"Always Line", "Unknown Hours Line"}
    status_line = helplines["Always Line"].select_one(".helpline__status")
    assert status_line.get_text(strip=True) == "Open now, 24 hours a day"
    assert helplines["Unknown Hours Line"].select_one(".helpline__status") is None
