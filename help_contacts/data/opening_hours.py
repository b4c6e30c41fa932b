"""When a helpline is open, in its own time zone: "open now" and "opens at" from its hours.

Hours are spans: on each of some weekdays, open from one time to another. A span that
closes at or before it opens runs past midnight into the next day, and 00:00 to 00:00
is the whole day.
"""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

WEEKDAY_CHOICES = [
    ("0", gettext_lazy("Monday")),
    ("1", gettext_lazy("Tuesday")),
    ("2", gettext_lazy("Wednesday")),
    ("3", gettext_lazy("Thursday")),
    ("4", gettext_lazy("Friday")),
    ("5", gettext_lazy("Saturday")),
    ("6", gettext_lazy("Sunday")),
]
TIME_ZONE_CHOICES = [(name, name) for name in sorted(zoneinfo.available_timezones())]
DAY = datetime.timedelta(days=1)


def validate_time_zone(value: str) -> None:
    if value and value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a time zone name such as Europe/London."),
            params={"value": value},
            code="invalid",
        )


@dataclass(frozen=True)
class OpeningSpan:
    weekdays: frozenset[int]  # 0 is Monday, as datetime.weekday()
    opens: datetime.time
    closes: datetime.time

    def occurrences(self, day: datetime.date, tz) -> tuple[datetime.datetime, datetime.datetime]:
        start = datetime.datetime.combine(day, self.opens, tzinfo=tz)
        end = datetime.datetime.combine(day, self.closes, tzinfo=tz)
        if end <= start:
            end += DAY
        return start, end


@dataclass(frozen=True)
class HelplineStatus:
    open_now: bool
    text: str


def _clock(moment: datetime.datetime) -> str:
    return moment.strftime("%H:%M")


def helpline_status(
    *, spans: list[OpeningSpan], time_zone: str, now: datetime.datetime
) -> HelplineStatus | None:
    """Whether the helpline is open at `now`, and until or from when, in its time zone.

    None when it has no hours or no valid time zone: the page then says nothing rather
    than guess.
    """
    if not spans or not time_zone:
        return None
    try:
        tz = zoneinfo.ZoneInfo(time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None
    local = now.astimezone(tz)
    where = time_zone.replace("_", " ")
    periods = sorted(
        span.occurrences(local.date() + offset * DAY, tz)
        for offset in range(-1, 8)
        for span in spans
        if (local.date() + offset * DAY).weekday() in span.weekdays
    )
    current = [(start, end) for start, end in periods if start <= local < end]
    if current:
        # Join spans that follow on from each other (Monday 00:00-00:00, Tuesday 00:00-...).
        end = max(end for _start, end in current)
        for start, following_end in periods:
            if start <= end < following_end:
                end = following_end
        if end - local >= 7 * DAY:
            return HelplineStatus(True, _("Open now, 24 hours a day"))
        return HelplineStatus(
            True,
            _("Open now, until %(time)s (%(zone)s time)") % {"time": _clock(end), "zone": where},
        )
    upcoming = [start for start, _end in periods if start > local]
    if not upcoming:
        return None
    opens = min(upcoming)
    if opens.date() == local.date():
        text = _("Closed now. Opens today at %(time)s (%(zone)s time)")
    elif opens.date() == local.date() + DAY:
        text = _("Closed now. Opens tomorrow at %(time)s (%(zone)s time)")
    else:
        text = _("Closed now. Opens %(day)s at %(time)s (%(zone)s time)")
    day = dict(WEEKDAY_CHOICES)[str(opens.weekday())]
    return HelplineStatus(False, text % {"day": day, "time": _clock(opens), "zone": where})
