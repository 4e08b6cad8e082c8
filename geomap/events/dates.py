"""Resolve relative dates against the article's date.

Precision codes follow ACLED: 1 day, 2 week, 3 month; geomap adds 4 for a
year ("last year").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

DAY, WEEK, MONTH, YEAR = 1, 2, 3, 4
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY_DATE = rf"""(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_RE}(?:,?\s+\d{{4}})?
    |{MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)"""
_PATTERN = re.compile(
    rf"""
    (?P<between>\bbetween\s+(?P<b1>{_DAY_DATE}|\d{{1,2}})\s+and\s+(?P<b2>{_DAY_DATE}))
    |(?P<iso>\b(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})\b)
    |(?P<numeric>\b(?P<nd>\d{{1,2}})(?P<sep>[/.])(?P<nm>\d{{1,2}})(?P=sep)(?P<ny>\d{{4}})\b)
    |(?P<around>\b(?:around|about|circa|c\.|on\s+or\s+about|(?:in|during)\s+the\s+week\s+of)\s+
        (?P<a1>{_DAY_DATE})\b)
    |(?P<ago>\b(?P<n_ago>a|one|two|three|four|five|six|seven|\d{{1,2}})\s+
        (?P<unit_ago>days?|weeks?|fortnight)\s+ago\b)
    |(?P<past_week>\b(?:in\s+|over\s+)?the\s+(?:past|last)\s+(?:week|(?:two|three|four|five|six|
        seven|few|several|[2-7])\s+days)\b|\bin\s+recent\s+days\b|\bthis\s+past\s+week\b)
    |(?P<weekend>\b(?:over|at|during|on)\s+the\s+weekend\b|\b(?:the\s+)?weekend(?:['’]s)?
        (?=\s+(?:strikes?|attacks?|shelling|assault))|\blast\s+weekend\b)
    |(?P<past_day>\b(?:in\s+|over\s+)?the\s+(?:past|last|previous)\s+(?:24\s+hours|day)\b)
    |(?P<holiday>\b(?:on\s+)?(?:new\s+year['’]?s\s+(?:eve|day)|(?:orthodox\s+)?christmas
        (?:\s+(?:eve|day))?)\b)
    |(?P<month_part>\b(?P<part>early|mid-?|late|(?:the\s+)?(?:start|beginning|middle|end|close)
        \s+of)\s*(?P<m4>{MONTH_RE})(?:\s+(?P<y4>\d{{4}}))?\b)
    |(?P<weekday>\b(?:late\s+|early\s+|overnight\s+(?:into\s+|to\s+)?)?(?:on\s+)?
        (?:{"|".join(_WEEKDAYS)})\b(?P<week_before>\s+(?:of\s+)?last\s+week\b)?)
    |(?P<day_month>\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{MONTH_RE})
        (?:,?\s+(?P<y1>\d{{4}}))?)
    |(?P<month_day>\b(?P<m2>{MONTH_RE})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b
        (?:,?\s+(?P<y2>\d{{4}}))?)
    |(?P<month_year>\b(?:in\s+)?(?P<m3>{MONTH_RE})(?:\s+(?P<y3>\d{{4}}))?\b)
    |(?P<next_day>\b(?:the\s+(?:next|following)\s+day|a\s+day\s+later|the\s+day\s+after)\b
        (?!\s+(?:tomorrow|the|a)\b))
    |(?P<day_before>\b(?:the\s+(?:previous|preceding)\s+day|a\s+day\s+earlier|the\s+day\s+before)
        \b(?!\s+(?:yesterday|the|a)\b))
    |(?P<today>\b(?:today|this\s+morning|this\s+evening|tonight|overnight)\b)
    |(?P<yesterday>\b(?:yesterday|last\s+night)\b)
    |(?P<this_week>\bthis\s+week\b)
    |(?P<last_week>\blast\s+week\b)
    |(?P<this_month>\bthis\s+month\b)
    |(?P<last_month>\blast\s+month\b)
    |(?P<year>\b(?:in|during|since|the)\s+(?P<y5>(?:1[89]|20)\d{{2}})\b(?![,.]\d))
    |(?P<last_year>\blast\s+year\b)
    |(?P<this_year>\bthis\s+year\b)
    """,
    re.IGNORECASE | re.VERBOSE,
)
_ORDINAL_DAY = re.compile(
    r"\b(?P<n>first|second|third|fourth|fifth|sixth|seventh|\d+(?:st|nd|rd|th))\s+day\s+of\b",
    re.IGNORECASE,
)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}


_DAY_DATE_AT = re.compile(
    rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH_RE})(?:,?\s+(?P<y>\d{{4}}))?"
    rf"|(?P<m_>{MONTH_RE})\s+(?P<d_>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y_>\d{{4}}))?",
    re.IGNORECASE,
)


def undated(reference: dt.date) -> tuple[dt.date, int]:
    """When current news that states no time happened: on or shortly before the
    article's date, so that date with week precision (as ACLED codes a report's
    undated event at the report's date).

    >>> undated(dt.date(2026, 2, 5))
    (datetime.date(2026, 2, 5), 2)
    """
    return reference, WEEK


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression at ``text[start:end]`` resolved to a date and precision."""

    start: int
    end: int
    date: dt.date
    precision: int
    text: str


def month_number(name: str) -> int | None:
    """1 for "January" or "Jan.", …; None for a word that is no month."""
    name = name.lower().rstrip(".")
    if len(name) < 3:
        return None
    return next((i for i, m in enumerate(_MONTHS, 1) if m.startswith(name)), None)


def _past(candidate: dt.date, reference: dt.date) -> dt.date:
    """A date written without a year lies at most a few days after the article."""
    if candidate > reference + dt.timedelta(days=7):
        return candidate.replace(year=candidate.year - 1)
    return candidate


def find_dates(
    text: str, reference: dt.date | None, previous: tuple[dt.date, int] | None = None
) -> list[DateMention]:
    """Every date expression in ``text``, resolved against ``reference``;
    "the next day" and "the day before" against ``previous`` (the last date the
    sentences before stated, and its precision), and left out without one.

    A weekday is the most recent such day on or before the article's date.

    >>> ref = dt.date(2026, 2, 5)  # a Thursday
    >>> [(d.date.isoformat(), d.precision) for d in find_dates(
    ...     "overnight on Tuesday, then on Thursday; last month", ref)]
    [('2026-02-03', 1), ('2026-02-05', 1), ('2026-01-01', 3)]
    >>> [(d.date.isoformat(), d.precision) for d in find_dates(
    ...     "around 3 January, between 5 and 7 January, two weeks ago", ref)]
    [('2026-01-03', 2), ('2026-01-05', 2), ('2026-01-22', 2)]
    >>> [(d.date.isoformat(), d.precision) for d in find_dates(
    ...     "over the weekend; over the last five days", ref)]  # its Monday; their middle
    [('2026-01-26', 2), ('2026-02-02', 2)]
    >>> monday = (dt.date(2026, 1, 26), DAY)
    >>> [d.date.isoformat() for d in find_dates("The next day, a gunman", ref, monday)]
    ['2026-01-27']
    """
    if reference is None:
        return []
    found = []
    for match in _PATTERN.finditer(text):
        kind = match.lastgroup
        group = match.group(kind) if kind else None
        if kind in ("next_day", "day_before"):
            step = dt.timedelta(days=1 if kind == "next_day" else -1)
            resolved = (previous[0] + step, previous[1]) if previous else None
        else:
            resolved = _resolve(match, kind, group, reference)
        if resolved:
            found.append(DateMention(match.start(), match.end(), *resolved, match.group()))
    return found


_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _day_date(text: str, ref: dt.date) -> dt.date | None:
    """A day written "5 March [2022]" or "March 5[, 2022]", in ``ref``'s past."""
    match = _DAY_DATE_AT.fullmatch(text.strip())
    if not match:
        return None
    day = int(match.group("d") or match.group("d_"))
    month = month_number(match.group("m") or match.group("m_"))
    year = match.group("y") or match.group("y_")
    try:
        date = dt.date(int(year) if year else ref.year, month, day)
    except ValueError:
        return None
    return date if year else _past(date, ref)


def _resolve(match, kind, group, ref: dt.date):
    if kind == "between":
        end = _day_date(match.group("b2"), ref)
        first = match.group("b1")
        start = end.replace(day=int(first)) if end and first.isdigit() else _day_date(first, ref)
        if not start or not end or start > end:
            return None
        return start, WEEK if (end - start).days <= 7 else MONTH
    if kind == "numeric":  # "13/03/2024", "13.03.2024": day first, unless it cannot be
        day, month = int(match.group("nd")), int(match.group("nm"))
        if month > 12 >= day:
            day, month = month, day  # "03/13/2024", as US forms write it
        try:
            return dt.date(int(match.group("ny")), month, day), DAY
        except ValueError:
            return None
    if kind == "iso":  # "2023-04-03", as incident logs write it
        try:
            return dt.date(
                int(match.group("iy")), int(match.group("im")), int(match.group("id"))
            ), DAY
        except ValueError:
            return None
    if kind == "around":
        date = _day_date(match.group("a1"), ref)
        return (date, WEEK) if date else None
    if kind == "ago":
        count = _COUNTS.get(match.group("n_ago").lower()) or int(match.group("n_ago"))
        unit = match.group("unit_ago").lower()
        if unit.startswith("day"):
            return ref - dt.timedelta(days=count), DAY
        days = 14 if unit == "fortnight" else 7 * count
        return ref - dt.timedelta(days=days), WEEK
    if kind == "past_week":
        return ref - dt.timedelta(days=3), WEEK  # the middle of the seven days
    if kind == "weekend":  # the last Saturday on or before the article's day, its week
        saturday = ref - dt.timedelta(days=(ref.weekday() - 5) % 7)
        return saturday - dt.timedelta(days=saturday.weekday()), WEEK
    if kind == "holiday":
        return _holiday(group.lower(), ref)
    if kind == "month_part":
        return _month_part(match, ref)
    if kind == "past_day":
        return ref, DAY
    if kind == "weekday":
        day = next(i for i, w in enumerate(_WEEKDAYS) if w in group.lower())
        if match.group("week_before"):  # "on Tuesday last week": that week's Tuesday
            return ref - dt.timedelta(days=ref.weekday() + 7 - day), DAY
        return ref - dt.timedelta(days=(ref.weekday() - day) % 7), DAY
    try:
        if kind == "day_month":
            year = int(match.group("y1")) if match.group("y1") else None
            date = dt.date(
                year or ref.year, month_number(match.group("m1")), int(match.group("d1"))
            )
            return (date if year else _past(date, ref)), DAY
        if kind == "month_day":
            year = int(match.group("y2")) if match.group("y2") else None
            date = dt.date(
                year or ref.year, month_number(match.group("m2")), int(match.group("d2"))
            )
            return (date if year else _past(date, ref)), DAY
    except ValueError:
        return None
    if kind == "month_year":
        word = match.group("m3")
        if (
            word.lower().rstrip(".") in ("may", "mar", "march")
            and not match.group("y3")
            and not group.lower().startswith("in")
        ):
            return None  # "may" the verb, "march" the noun
        year = int(match.group("y3")) if match.group("y3") else None
        date = dt.date(year or ref.year, month_number(word), 1)
        return (date if year else _past(date, ref)), MONTH
    if kind == "today":
        return ref, DAY
    if kind == "yesterday":
        return ref - dt.timedelta(days=1), DAY
    if kind == "this_week":
        return ref - dt.timedelta(days=ref.weekday()), WEEK  # the week's Monday, as ACLED
    if kind == "last_week":
        return ref - dt.timedelta(days=ref.weekday() + 7), WEEK
    if kind == "this_month":
        return ref.replace(day=1), MONTH
    if kind == "last_month":
        first = ref.replace(day=1) - dt.timedelta(days=1)
        return first.replace(day=1), MONTH
    if kind == "year":  # "in 1945", "the 1982 siege"
        return dt.date(int(match.group("y5")), 1, 1), YEAR
    if kind == "last_year":
        return dt.date(ref.year - 1, 1, 1), YEAR
    if kind == "this_year":
        return dt.date(ref.year, 1, 1), YEAR
    return None


# Days of the year that news names ("on New Year's Eve", "Orthodox Christmas").
_HOLIDAYS = (  # written without apostrophes, one space between words
    ("new years eve", 12, 31),
    ("new year", 1, 1),
    ("orthodox christmas", 1, 7),
    ("christmas eve", 12, 24),
    ("christmas", 12, 25),
)


def _holiday(words: str, ref: dt.date) -> tuple[dt.date, int]:
    words = " ".join(words.replace("'", "").replace("’", "").split())
    _, month, day = next(h for h in _HOLIDAYS if h[0] in words)
    return _past(dt.date(ref.year, month, day), ref), DAY


# Parts of a month: the day that stands for them, with week precision.
_PART_DAY = {
    "early": 4,
    "start": 4,
    "beginning": 4,
    "mid": 15,
    "middle": 15,
    "late": 25,
    "end": 27,
    "close": 27,
}


def _month_part(match, ref: dt.date) -> tuple[dt.date, int] | None:
    part = next(word for word in _PART_DAY if word in match.group("part").lower())
    year = int(match.group("y4")) if match.group("y4") else None
    date = dt.date(year or ref.year, month_number(match.group("m4")), _PART_DAY[part])
    return (date if year else _past(date, ref)), WEEK


def day_span(text: str, end_date: dt.date) -> dt.date:
    """The first day of a multi-day event: "a second day of talks ... on Thursday"
    started on Wednesday.

    >>> day_span("a second day of talks", dt.date(2026, 2, 5)).isoformat()
    '2026-02-04'
    """
    match = _ORDINAL_DAY.search(text)
    if not match:
        return end_date
    word = match.group("n").lower()
    n = _ORDINALS.get(word) or int(re.sub(r"\D", "", word))
    return end_date - dt.timedelta(days=max(n - 1, 0))
