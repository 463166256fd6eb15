"""Times stage: time expressions resolved to ISO date ranges against the publication date.

Candidates are spaCy DATE/TIME entities plus a few patterns spaCy misses. Each candidate
is resolved by the first rule that fits, and the rule's name is kept for explanation.

Why rules here and dateparser only for absolute dates: news time is relative in ways
dateparser does not model. "Wednesday" in a report published on a Wednesday means that
day, and an unqualified weekday means the most recent one, not the next; "the next
morning" is anchored to the previous time the report mentioned, not to today; "in the last
10 days" is a window ending on the publication date, not a point. Absolute forms
("December 7, 2016", "7 Dec", "2016-12-07", "March 2015") go to dateparser with the
publication date as its relative base, so a day-month without year takes the most
recent past year.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable

from ..models import Extraction, TimeMention
from ..vocab import read_table
from .parse import Parsed

WEEKDAYS = {name: i for i, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"a": 1, "an": 1, "a few": 3, "several": 3, "couple of": 2, "a couple of": 2})
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}

# Words that only colour a day ("late Tuesday", "Tuesday night") and do not move it.
_PART_OF_DAY = r"(?:early|late|mid|midday)?\s*"
_DAY_SUFFIX = r"(?:\s+(?:morning|afternoon|evening|night))?"
_NUM = r"(\d+|" + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True)) + r")"

RE_WEEKDAY = re.compile(
    r"^(?:on\s+|by\s+|since\s+|until\s+)?(?:(last|this|next|on)\s+)?" + _PART_OF_DAY
    + r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)" + _DAY_SUFFIX + r"$")
RE_DEICTIC = re.compile(
    r"^(?:early\s+|late\s+)?(today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)|"
    r"last night|overnight|the day before yesterday)$")
RE_NEXT = re.compile(
    r"^(?:by\s+)?the\s+(next|following|previous|preceding)\s+(day|morning|afternoon|evening|night|week|month|year)$")
# "the day before", "the week after": from the time the report mentioned last, as RE_NEXT
RE_BEFORE_AFTER = re.compile(r"^(?:on\s+)?the\s+(day|night|week|month|year)\s+(before|after)$")
RE_WINDOW = re.compile(
    r"^(?:in|over|during|for|within)?\s*the\s+(?:last|past|previous|preceding)\s+" + _NUM
    + r"?\s*(day|week|month|year)s?$")
RE_AGO = re.compile(r"^" + _NUM + r"\s+(day|week|month|year)s?\s+ago$")
RE_RELATIVE_PERIOD = re.compile(
    r"^(?:earlier\s+|later\s+)?(last|this|next|earlier this|later this)\s+(week|month|year)$")
RE_WEEKEND = re.compile(r"^(?:over |during |at |on )?(?:the )?(?:(last|past|this|next|coming) )?weekend$")
RE_YEAR = re.compile(r"^(?:in\s+|since\s+)?((?:19|20)\d\d)$")
RE_MONTH_ONLY = re.compile(r"^(?:(early|late|mid-?)\s*)?(?:in\s+)?([a-z]+)\.?(?:\s+((?:19|20)\d\d))?$")
RE_PART_OF_YEAR = re.compile(r"^(?:in |during |by |until |since |through )?(?:the )?(?:early|late|mid|mid-|"
                             r"(?:start|beginning|middle|end) of)\s*-?((?:19|20)\d\d)$")
RE_SEASON = re.compile(r"^(?:in |during |over |through |throughout |by )?(?:the )?(?:(?:early|late|mid|mid-)\s*)?"
                       r"(?:(last|past|this|next)\s+)?(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?((?:19|20)\d\d))?$")
RE_NAMED_MONTH = re.compile(r"^(?:(?:early|late|mid|mid-)\s*)?(last|past|this|next)\s+([a-z]+)\.?$")

# spaCy misses some of these or tags them TIME; they are found by pattern as well. The
# lookahead first: each alternative starts with one of its characters (one that does not
# must add its own there), and the engine passes over every other word at one test
# instead of trying each alternative (the same matches, in half the time).
RE_EXTRA = re.compile(
    r"\b(?=[12deilnopty])(?:(?:in|over|during)\s+the\s+(?:last|past)\s+(?:\d+|[a-z]+\s+)?\s*(?:days?|weeks?|months?|years?)"
    r"|the\s+(?:next|following)\s+(?:day|morning|afternoon|evening|night)"
    r"|the\s+(?:day|night)\s+(?:before|after)(?=\s*[,.;])"  # "The day before, gunmen had ..."
    r"|(?:early|late)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?:yesterday|today|tonight|last night)"
    # "an exchange of fire overnight killed two", "overnight raids": the night before the
    # report; not "an overnight curfew", nor a stay or a shift, which last beyond it
    r"|(?<!\ban )(?<!\bthe )(?<!\ba )overnight(?!\s+(?:curfews?|stays?|shifts?|flights?|trains?|vigils?)\b)"
    r"|(?:(?:over|during)\s+the|last|this|past|next)\s+weekend"
    # a year naming what it modifies ("the 1946 Moore's Ford lynching", "the 2011 raid"), not
    # a count of people ("the 2000 residents")
    r"|(?<=\bthe\s)(?:19|20)\d\d(?=\s+(?:(?-i:[A-Z])|(?-i:[a-z]+)\b(?<!s\b))))\b",
    re.IGNORECASE)

# Entity text that is not a point or window in time (durations, ages, eras).
RE_NOT_A_TIME = re.compile(
    r"(-long|-old|\bold\b|\bages?\b|\bdecades?\b|\bcentur|\bera\b|\bseason|\bcoming\b|\bhours?\b|\bminutes?\b|\bseconds?\b"
    # durations have no date of their own ("10 years", "a 25-year plan": dateparser reads
    # them as 2006, the 25th), nor does a bare day number ("22"); a decade is RE_DECADE's, and
    # one it does not read ("the 1990s and 2000s") never reaches dateparser, which reads it as a day
    r"|^(?:an? |about |some |nearly |almost |more than |over |up to |at least )?\d+[ -](?:years?|months?|weeks?|days?)$"
    r"|\b(?:1[5-9]|20)\d0s\b|'\d0s\b|^\d{1,2}$)")


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _week(d: dt.date) -> tuple[dt.date, dt.date]:
    start = d - dt.timedelta(days=d.weekday())
    return start, start + dt.timedelta(days=6)


def _month(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: dt.date, n: int) -> tuple[int, int]:
    m = d.month - 1 + n
    return d.year + m // 12, m % 12 + 1


def _number(word: str | None) -> int:
    if not word:
        return 1
    word = word.strip().lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word, 1)


@functools.lru_cache(maxsize=1)
def _dateparser():
    import dateparser  # slow import: only when an absolute date needs it

    return dateparser


_MONTH_RE = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"
RE_MONTH_DAY = re.compile(rf"^{_MONTH_RE} {_ORDINAL}(?:,? (\d{{4}}))?$")
RE_DAY_MONTH = re.compile(rf"^{_ORDINAL} {_MONTH_RE}(?:,? (\d{{4}}))?$")
RE_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# a run of days: "Sept. 11-12", "March 3 and 4, 2015", "11-12 September" (dateparser reads
# "11-12" as the year 2012, and gives up on the rest)
_DAYS_LINK = r"\s*(?:-|–|and|to|through)\s*"
RE_MONTH_DAYS = re.compile(rf"^{_MONTH_RE} {_ORDINAL}{_DAYS_LINK}{_ORDINAL}(?:,? (\d{{4}}))?$")
RE_DAYS_MONTH = re.compile(rf"^{_ORDINAL}{_DAYS_LINK}{_ORDINAL} {_MONTH_RE}(?:,? (\d{{4}}))?$")
# a whole date the tagger may cut to its year ("Maputo, 9 Aug 2021 (Lusa)": only "2021" is a DATE)
_WEEKDAY_NAMES = "|".join(WEEKDAYS)
_WD = rf"(?:(?:{_WEEKDAY_NAMES}),?\s+)?"  # a day's weekday name, passed over
# Where a whole date can start: at a digit or at the first letter of a weekday or month name.
# Tested first, this lookahead passes over every other word at one character test instead
# of trying the 31 names there (the same matches, in half the time).
_FULL_DATE_START = r"(?=\d|[{}])".format("".join(sorted({name[0] for name in (*WEEKDAYS, *MONTHS)})))
RE_FULL_DATE = re.compile(rf"\b{_FULL_DATE_START}"
                          rf"(?:{_WD}{_ORDINAL}(?:{_DAYS_LINK}{_WD}{_ORDINAL})? {_MONTH_RE},? \d{{4}}"
                          rf"|{_MONTH_RE} {_ORDINAL}(?:{_DAYS_LINK}{_ORDINAL})?,? \d{{4}})\b", re.I)
# a day number the tagger left out of the month after it: "on the night of 12 September"
_DAY_BEFORE_MONTH = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$")


def _explicit_day(text: str, base: dt.date | None, future: bool = False) -> tuple[str, str, str] | None:
    """The commonest absolute forms ("December 7", "7 Dec. 2016", "2016-12-07") read
    directly, as dateparser reads them (a day and month without a year: the latest such
    day on or before the publication date; on or after it when the sentence speaks of the
    future: "will host the rodeo on May 7"). dateparser costs about 0.8 ms a call, the most
    of the times stage; a test checks both agree on these forms. None: not one of them."""
    days = _day_run(text, base, future)
    if days is not None:
        return days
    m = RE_ISO_DATE.match(text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = RE_MONTH_DAY.match(text)
        if m:
            mo, d, y = MONTHS[m.group(1)], int(m.group(2)), m.group(3)
        else:
            m = RE_DAY_MONTH.match(text)
            if not m:
                return None
            d, mo, y = int(m.group(1)), MONTHS[m.group(2)], m.group(3)
        if y is None:
            if base is None:
                return None
            y = _year_of(mo, d, base, future)
        y = int(y)
    try:
        day = dt.date(y, mo, d)
    except ValueError:
        return None
    return _iso(day), _iso(day), "day"


def _year_of(month: int, day: int, base: dt.date, future: bool) -> int:
    """The year of a day and month written without one: the latest on or before `base`;
    for what is still to come, the first after it, unless the day is only weeks before
    (a future clause may tell of a day just past: "will be tried for the March 20 raid")."""
    if future:
        try:
            past = dt.date(base.year, month, day) < base - dt.timedelta(days=FUTURE_SLACK_DAYS)
        except ValueError:  # 29 February
            past = False
        return base.year + 1 if past else base.year
    return base.year if (month, day) <= (base.month, base.day) else base.year - 1


# how far before the publication day a day told in a future clause may still lie
FUTURE_SLACK_DAYS = 31


_DAYS_WEEKDAY = re.compile(rf"\b(?:{_WEEKDAY_NAMES}),?\s+(?=\d)", re.I)


def _day_run(text: str, base: dt.date | None, future: bool) -> tuple[str, str, str] | None:
    """"Sept. 11-12" -> the 11th to the 12th (the year as for one day); None: not a run. The
    days' weekday names are passed over ("the night of Sunday 18 to Monday 19 September")."""
    text = _DAYS_WEEKDAY.sub("", text)
    m = RE_MONTH_DAYS.match(text)
    if m:
        mo, d1, d2, y = MONTHS[m.group(1)], int(m.group(2)), int(m.group(3)), m.group(4)
    else:
        m = RE_DAYS_MONTH.match(text)
        if not m:
            return None
        d1, d2, mo, y = int(m.group(1)), int(m.group(2)), MONTHS[m.group(3)], m.group(4)
    if y is None:
        if base is None:
            return None
        y = _year_of(mo, d1, base, future)
    try:
        first, last = dt.date(int(y), mo, d1), dt.date(int(y), mo, d2)
    except ValueError:
        return None
    return (_iso(first), _iso(last), "day") if first <= last else None


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


_CLOCK = re.compile(r"(?:(?:at|around|about|by|after|before|until)\s+)?\d{1,2}[.:]\d{2}\s*(?:[ap]\.?\s?m\.?|hrs?|h)?",
                    re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def _absolute(text: str, base: dt.date | None, future: bool = False) -> tuple[str, str, str] | None:
    """An absolute date, read directly in its commonest forms, else via dateparser:
    (start, end, precision) or None."""
    if not re.search(r"\d", text) and not any(m in text for m in MONTHS if len(m) > 3):
        return None
    fast = _explicit_day(text, base, future)
    if fast is not None:
        return fast
    if base is None and not _YEAR.search(text):
        return None  # "at 10 a.m.", "March 5" in an undated report: dateparser would read today's clock
    if not any(m in text for m in MONTHS) and not _YEAR.search(text) and not re.search(r"\d[/.-]\d", text):
        return None  # "aged 15 and 17": bare numbers are no date (dateparser reads 1917-12-15)
    if _CLOCK.fullmatch(text.strip()):
        return None  # "around 9.30 p.m.": a time of day, no date (dateparser reads the last such hour)
    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True,
                "REQUIRE_PARTS": [], "PREFER_DAY_OF_MONTH": "first"}
    # with no publication date, a year alone anchors it: missing parts come from 1 January
    # of that year, never from the clock (the same report gives the same dates any day)
    b = base or dt.date(int(_YEAR.search(text).group()), 1, 1)
    settings["RELATIVE_BASE"] = dt.datetime(b.year, b.month, b.day)
    parser = _dateparser().date.DateDataParser(languages=["en"], settings=settings)
    try:
        res = parser.get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd strings: not a date then
        return None
    if not res or not res.date_obj:
        return None
    d = res.date_obj.date()
    period = res.period or "day"
    if period == "year":
        return _iso(dt.date(d.year, 1, 1)), _iso(dt.date(d.year, 12, 31)), "year"
    if period == "month":
        s, e = _month(d.year, d.month)
        return _iso(s), _iso(e), "month"
    if period == "week":
        s, e = _week(d)
        return _iso(s), _iso(e), "week"
    return _iso(d), _iso(d), "day"


Resolved = tuple[str | None, str | None, str, str]  # (date_start, date_end, precision, rule)
_NOT_MINE = object()  # a rule's answer when its pattern matched words it does not read


def resolve_expression(text: str, published: dt.date | None, anchor: dt.date | None,
                       future: bool = False) -> Resolved | None:
    """Resolve one time expression: (date_start, date_end, precision, rule) or None.

    `anchor` is the date of the previous time the report mentioned ("the next morning").
    `future` says the sentence speaks of the future ("will meet on Friday"). The rules of
    RULES are tried in order, the first whose pattern matches answers; then dates written
    out (`_absolute`); then the expression without the words that only narrow a time down
    ("late last month", "at the end of November", "overnight Tuesday": `_LOOSER`), and a
    pair of times as the period from the first to the second ("Friday night and Saturday")."""
    t = re.sub(r"\s+", " ", text.strip().lower().replace("’", "'"))
    t = re.sub(r"(?<=[a-z0-9])'s$", "", t)  # "Saturday's attack", "last week's shooting": the day's
    t = _HOURS.sub(lambda m: f"{int(m.group(1)) // 24} days", t)  # "in the past 48 hours"
    res = _resolve_normalised(t, published, anchor, future) or _in_named_year(t, published)
    for rx, repl in _LOOSER if res is None else ():  # each rewrite on the last one's result
        looser = rx.sub(repl, t).strip()
        if looser and looser != t:
            t = looser
            res = _resolve_normalised(t, published, anchor, future)
            if res is not None:
                break
    pair = _PAIR.match(t) if res is None else None
    if pair is not None:
        first, second = (_resolve_normalised(g, published, anchor, future) for g in pair.groups())
        if first and second and first[0] and second[1] and first[0] <= second[1]:
            res = (first[0], second[1], "day" if "day" in (first[2], second[2]) else first[2], "pair")
    return res


_YEAR_NAMED_AFTER = re.compile(r"^(.+?),? (last|this|next) year$")
_YEAR_SHIFT = {"last": -1, "this": 0, "next": 1}


def _in_named_year(t: str, published: dt.date | None) -> Resolved | None:
    """"July 8 last year", "in March this year": the day or month, in the year the words name
    (resolved as if published on that year's last day, then kept only if it falls in it)."""
    m = _YEAR_NAMED_AFTER.match(t)
    if m is None or published is None:
        return None
    year = published.year + _YEAR_SHIFT[m.group(2)]
    res = _resolve_normalised(m.group(1), dt.date(year, 12, 31), None, False)
    if res is None or not (res[0] or "").startswith(str(year)) or res[2] not in ("day", "month"):
        return None
    return (res[0], res[1], res[2], "in a named year")


# words that only narrow a time down, dropped when the whole does not resolve
_LOOSER = (
    (re.compile(r"^(?:at|by|in|towards?|around|until|between) "), ""),
    (re.compile(r"^(?:the )?(?:very )?(?:end|beginning|start|middle|close|turn|first half|second half|"
                r"(?:first|second|third|fourth|last|final) (?:week|weekend|days?)) of "), ""),
    (re.compile(r"^(?:earlier|later|early|late) (?:on )?(?=(?:last|this|next|on|[a-z]+day)\b)"), ""),
    (re.compile(r"^(?:overnight|over ?night) (?:on )?"), ""),
    # "shortly before midnight Monday", "around 2 a.m. Sunday": the hour within the day
    (re.compile(r"^(?:shortly |just |soon |about |around |at )?(?:before |after |around |past |at )?"
                r"(?:midnight|midday|noon|dawn|dusk|daybreak|nightfall|sunset|sunrise|"
                r"\d{1,2}(?:[:.]\d{2})? ?(?:a\.?m\.?|p\.?m\.?))(?: on)? (?=\S)"), ""),
    (re.compile(r"^this past "), "last "),
    (re.compile(r" (?:local time|gmt|utc|\(?[a-z]{2,4}t\)?)$"), ""),
)
_HOURS = re.compile(r"\b(24|48|72|96)[ -]hours?\b")
_PAIR = re.compile(r"^(.+?) (?:and|to|through|until|-|–) (.+)$")


def _resolve_normalised(t: str, published: dt.date | None, anchor: dt.date | None,
                        future: bool) -> Resolved | None:
    if not t.startswith(("in the", "over the")):
        t = re.sub(r"^(?:on|by|from|since|until|as of|in|at|during)\s+(?=[a-z0-9'])", "", t)
    if RE_NOT_A_TIME.search(t) and not (RE_AGO.match(t) or RE_WINDOW.match(t) or RE_DECADE.match(t)):
        return None
    for rx, rule in RULES:
        m = rx.match(t)
        if m:
            res = rule(m, published, anchor, future)
            if res is not _NOT_MINE:
                return res
    res = _absolute(t, published, future)
    if res:
        return (*res, "absolute")
    return None


def _weekday(m: re.Match, published: dt.date | None, anchor: dt.date | None, future: bool) -> Resolved | None:
    """"Tuesday", "last Friday", "next Monday": the nearest such day before publication
    (after it when the sentence speaks of the future); "last Thursday" in a Friday's report
    is the Thursday of the week before, as a writer names the day before otherwise."""
    if published is None:
        return None
    which, day = m.group(1), WEEKDAYS[m.group(2)]
    delta = (published.weekday() - day) % 7
    if which == "next" or (future and which != "last"):
        ahead = (day - published.weekday()) % 7 or 7
        d = published + dt.timedelta(days=ahead)
    elif which == "last" and delta == 1:
        d = published - dt.timedelta(days=8)  # yesterday is "yesterday" or "Thursday": "last Thursday" is a week before
    else:
        d = published - dt.timedelta(days=delta or (7 if which == "last" else 0))
    return _iso(d), _iso(d), "day", "weekday"


def _deictic(m: re.Match, published: dt.date | None, anchor: dt.date | None, future: bool) -> Resolved | None:
    """"today", "yesterday", "last night", "tomorrow"."""
    if published is None:
        return None
    shift = {"yesterday": -1, "last night": -1, "overnight": -1, "tomorrow": 1,
             "the day before yesterday": -2}.get(m.group(1), 0)
    d = published + dt.timedelta(days=shift)
    return _iso(d), _iso(d), "day", "deictic"


def _anchored(m: re.Match, published: dt.date | None, anchor: dt.date | None, future: bool) -> Resolved | None:
    """"the next day", "the previous week": from the time the report mentioned last."""
    return _from_anchor(anchor or published, 1 if m.group(1) in ("next", "following") else -1, m.group(2))


def _before_after(m: re.Match, published: dt.date | None, anchor: dt.date | None, future: bool) -> Resolved | None:
    """"the day before", "the week after": from the time the report mentioned last."""
    return _from_anchor(anchor or published, 1 if m.group(2) == "after" else -1, m.group(1))


def _from_anchor(base: dt.date | None, sign: int, unit: str) -> Resolved | None:
    """The day, week, month or year `sign` units from `base` (a night is its day)."""
    if base is None:
        return None
    if unit in ("week", "month", "year"):
        days = UNIT_DAYS[unit]
        d = base + dt.timedelta(days=sign * days)
        if unit == "week":
            s, e = _week(d)
            return _iso(s), _iso(e), "week", "anchored"
        if unit == "month":
            s, e = _month(*_add_months(base, sign))
            return _iso(s), _iso(e), "month", "anchored"
        return f"{base.year + sign}-01-01", f"{base.year + sign}-12-31", "year", "anchored"
    d = base + dt.timedelta(days=sign)
    return _iso(d), _iso(d), "day", "anchored"


def _window(m: re.Match, published: dt.date | None, anchor: dt.date | None, future: bool) -> Resolved | None:
    """"in the past three days", "over the last two weeks": up to publication."""
    if published is None:
        return None
    n, unit = _number(m.group(1)), m.group(2)
    days = n * UNIT_DAYS[unit]
    precision = "day" if unit == "day" else unit
    return _iso(published - dt.timedelta(days=days)), _iso(published), precision, "window"


def _ago(m: re.Match, published: dt.date | None, anchor: dt.date | None, future: bool) -> Resolved | None:
    """"two weeks ago": the day, week, month or year that far before publication."""
    if published is None:
        return None
    n, unit = _number(m.group(1)), m.group(2)
    d = published - dt.timedelta(days=n * UNIT_DAYS[unit])
    if unit == "day":
        return _iso(d), _iso(d), "day", "ago"
    if unit == "week":
        s, e = _week(d)
        return _iso(s), _iso(e), "week", "ago"
    if unit == "month":
        s, e = _month(d.year, d.month)
        return _iso(s), _iso(e), "month", "ago"
    return f"{d.year}-01-01", f"{d.year}-12-31", "year", "ago"


def _relative_period(m: re.Match, published: dt.date | None, anchor: dt.date | None,
                     future: bool) -> Resolved | None:
    """"last week", "this month", "next year": relative to publication."""
    if published is None:
        return None
    which, unit = m.group(1), m.group(2)
    step = {"last": -1, "next": 1}.get(which, 0)
    if unit == "week":
        s, e = _week(published + dt.timedelta(days=7 * step))
    elif unit == "month":
        s, e = _month(*_add_months(published, step))
    else:
        s, e = dt.date(published.year + step, 1, 1), dt.date(published.year + step, 12, 31)
    if which in ("this", "earlier this") and m.string.startswith("earlier "):  # "earlier this year": before the report
        e = max(s, published - dt.timedelta(days=1))
    return _iso(s), _iso(e), unit, "relative-period"


def _weekend(m: re.Match, published: dt.date | None, anchor: dt.date | None, future: bool) -> Resolved | None:
    """"over the weekend", "last weekend": the Saturday and Sunday at or before publication
    (a week earlier for "last weekend" told on one); "next weekend", or one the sentence
    speaks of as to come, the one after it."""
    if published is None:
        return None
    which = m.group(1)
    if which in ("next", "coming") or (future and which not in ("last", "past")):
        sat = published + dt.timedelta(days=(5 - published.weekday()) % 7 or 7)
        return _iso(sat), _iso(sat + dt.timedelta(days=1)), "week", "weekend"
    sat = published - dt.timedelta(days=(published.weekday() - 5) % 7)
    if which == "last" and published.weekday() >= 5:
        sat -= dt.timedelta(days=7)
    return _iso(sat), _iso(min(sat + dt.timedelta(days=1), published)), "week", "weekend"


def _year(m: re.Match, published: dt.date | None, anchor: dt.date | None, future: bool) -> Resolved | None:
    """"2016": the whole year."""
    y = int(m.group(1))
    return f"{y}-01-01", f"{y}-12-31", "year", "year"


# "the 1990s", "the late 1980s", "the '90s": a decade or a third of one, as the years it spans
RE_DECADE = re.compile(r"^(?:in |during )?(?:the )?(?:(early|mid|mid-|late) ?)?(?:((?:1[5-9]|20)\d)0s|'(\d)0s)$")
_THIRDS = {"early": (0, 3), "mid": (4, 6), "mid-": (4, 6), "late": (7, 9), None: (0, 9)}


def _decade(m: re.Match, published: dt.date | None, anchor: dt.date | None, future: bool) -> Resolved | None:
    """A decade's years (precision "year": the range says how many). "the '90s" is the last
    such decade before publication."""
    if m.group(2):
        first = int(m.group(2)) * 10
    else:
        first = 2000 + int(m.group(3)) * 10
        if published is not None and first > published.year:
            first -= 100
    lo, hi = _THIRDS[m.group(1)]
    return f"{first + lo}-01-01", f"{first + hi}-12-31", "year", "decade"


# "early", "mid" and "late" in a month: its first, second and last ten days (as annotators date them)
_MONTH_THIRDS = {"early": (1, 10), "mid": (11, 20), "mid-": (11, 20), "late": (21, 31)}


def _month_only(m: re.Match, published: dt.date | None, anchor: dt.date | None, future: bool) -> object:
    """"December", "March 2016": a month, of the publication year unless it is yet to come;
    "late March", "mid-July": a third of it."""
    if m.group(2) not in MONTHS or len(m.group(2)) <= 2:
        return _NOT_MINE
    month = MONTHS[m.group(2)]
    if m.group(3):
        year = int(m.group(3))
    elif published:
        year = published.year if month <= published.month else published.year - 1
    else:
        return None
    s, e = _month(year, month)
    if m.group(1):
        lo, hi = _MONTH_THIRDS[m.group(1)]
        return _iso(s.replace(day=lo)), _iso(e.replace(day=min(hi, e.day))), "week", "part of a month"
    return _iso(s), _iso(e), "month", "month"


def _named_month(m: re.Match, published: dt.date | None, anchor: dt.date | None, future: bool) -> object:
    """"Last November", "this March", "next June": the month of that name before, in or
    after the publication's year ("last November" in March 2009 is November 2008, and in
    November 2009 too)."""
    if m.group(2) not in MONTHS or len(m.group(2)) <= 2:
        return _NOT_MINE
    if not published:
        return None
    month, which = MONTHS[m.group(2)], m.group(1)
    year = published.year
    if which in ("last", "past") and month >= published.month:
        year -= 1
    elif which == "next" and month <= published.month:
        year += 1
    s, e = _month(year, month)
    return _iso(s), _iso(e), "month", "month"


# a season's first month (it runs three), northern hemisphere: winter runs into the next year
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}


def _season(m: re.Match, published: dt.date | None, anchor: dt.date | None, future: bool) -> Resolved | None:
    """"Last summer", "the summer of 2010", "this spring": the season's three months, of
    the year stated, else the one the word and the publication date point to: a bare
    season is the latest begun, "last" the latest ended ("last summer" in March 2009 is
    June to August 2008), "this" the running one or else this year's, "next" the one after
    the latest begun."""
    which, name, year = m.group(1), m.group(2), m.group(3)
    if year:
        return _season_span(int(year) - (1 if name == "winter" else 0), name)  # "winter of 2010": Dec 2009 on
    if not published:
        return None
    first = _SEASONS[name]
    begun = published.year if first <= published.month else published.year - 1
    running = published <= dt.date.fromisoformat(_season_span(begun, name)[1])
    if which == "next" or (which == "this" and not running and begun < published.year):
        begun += 1  # "this summer" in March: the one to come this year
    elif which in ("last", "past") and running:
        begun -= 1
    return _season_span(begun, name)


def _season_span(year: int, name: str) -> Resolved:
    start = dt.date(year, _SEASONS[name], 1)
    end_year, end_month = _add_months(start, 2)
    return _iso(start), _iso(_month(end_year, end_month)[1]), "month", "season"


# The rules of resolve_expression, in the order they are tried.
RULES: tuple[tuple[re.Pattern, Callable[..., object]], ...] = (
    (RE_WEEKDAY, _weekday), (RE_DEICTIC, _deictic), (RE_NEXT, _anchored), (RE_BEFORE_AFTER, _before_after),
    (RE_WINDOW, _window), (RE_AGO, _ago), (RE_RELATIVE_PERIOD, _relative_period), (RE_WEEKEND, _weekend),
    (RE_YEAR, _year),
    # "early 2015", "mid-2016", "the end of 2014": somewhen in that year, at its precision
    (RE_DECADE, _decade), (RE_PART_OF_YEAR, _year), (RE_SEASON, _season), (RE_NAMED_MONTH, _named_month),
    (RE_MONTH_ONLY, _month_only),
)


def _future_context(parsed: Parsed, start: int) -> bool:
    """Does the clause around a time speak of the future ("will meet on Friday")?"""
    span = parsed.doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = span[0]
    # Token objects are rebuilt on access: compare indices
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return any(c.lower_ in ("will", "'ll", "shall") and c.dep_ == "aux" for c in head.children)


@functools.cache
def _street_after() -> re.Pattern:
    """A number before a street's name or "block" is an address ("of 1935 Orchard St.",
    "the 2400 block"): the street nouns of data/place_words.csv, with or without their dot."""
    nouns = sorted({r["word"].rstrip(".") for r in read_table("place_words.csv") if r["class"] == "street_noun"})
    return re.compile(r"\s+(?:(?:[NSEW]|North|South|East|West|Old)\.?\s+)?(?:[A-Z0-9][\w'.-]*\s+){1,3}(?:"
                      + "|".join(map(re.escape, nouns)) + r")\b\.?|\s+block\b", re.IGNORECASE)


# a year that ends a name ("the Finance Bill 2024", "Vision 2030", "Euro 2024") names a
# bill, a plan or a tournament, not a time; a month, a season or a feast before it is a time
_NAME_YEAR = re.compile(r"\b([A-Z][a-z]+)\s+$")
_TIME_WORDS = frozenset({"spring", "summer", "autumn", "fall", "winter", "christmas", "easter", "ramadan", "eid",
                         "in", "since", "until", "by", "from", "of", "during", "through", "before", "after", "early",
                         "late", "mid"})


def _year_in_a_name(text: str, start: int, end: int) -> bool:
    if not re.fullmatch(r"(?:19|20)\d\d", text[start:end]):
        return False
    word = _NAME_YEAR.search(text, max(0, start - 30), start)
    if word is None:
        return False
    w = word.group(1).lower()
    return w not in _TIME_WORDS and w not in MONTHS and w not in WEEKDAYS


def _house_number(text: str, start: int, end: int) -> bool:
    return text[start:end].isdigit() and _street_after().match(text, end) is not None


_LEADING_DAY = re.compile(r"(?:(?:last|this|early|late)\s+)?(?:" + "|".join(WEEKDAYS)
                          + r")\b(?=\s+(?:to|for|after|before|in)\b)", re.IGNORECASE)


# a time run into the possessive time of the next noun: "on Monday of last week's shooting"
_GLUED = re.compile(r"\s+of\s+(?=[^,;]*['’]s$)")


def _time_mention(parsed: Parsed, s: int, e: int, published: dt.date | None,
                  anchor: dt.date | None) -> TimeMention | None:
    """The time the text [s, e) states, or None."""
    text, future = parsed.text, _future_context(parsed, s)
    res = resolve_expression(text[s:e], published, anchor, future=future)
    lead = _LEADING_DAY.match(text[s:e]) if res is None else None
    if lead is not None:  # "Wednesday to 20 years": the tagger ran a day into a sentence's length
        e = s + lead.end()
        res = resolve_expression(text[s:e], published, anchor, future=future)
    if res is None:
        return None
    date_start, date_end, precision, rule = res
    if rule == "window":  # "in the last 10 days": with its preposition as the evidence span
        pre = re.search(r"\b(in|over|during)\s+$", text[max(0, s - 8):s])
        if pre:
            s = s - (len(text[max(0, s - 8):s]) - pre.start())
    return TimeMention(text=text[s:e], start=s, end=e, date_start=date_start, date_end=date_end,
                       precision=precision, sentence=parsed.sentence_text(s), rule=rule)


def resolve_times(parsed: Parsed, ex: Extraction) -> list[TimeMention]:
    published = None
    if parsed.article.published:
        try:
            published = dt.date.fromisoformat(parsed.article.published[:10])
        except ValueError:
            published = None
    text = parsed.text
    # a whole date written out wins over a tagger's span around it ("Tuesday to Wednesday,
    # April 8 to 9, 2025", which no reader parses)
    full = [(m.start(), m.end()) for m in RE_FULL_DATE.finditer(text)]
    spans: list[tuple[int, int]] = [(e.start, e.end) for e in parsed.entities if e.label in ("DATE", "TIME")
                                    and not any(s < e.end and e.start < t for s, t in full)] + full
    for m in RE_EXTRA.finditer(text):
        spans.append((m.start(), m.end()))
    # Prefer the longest span where candidates overlap ("late Tuesday" over "Tuesday").
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    chosen: list[tuple[int, int]] = []
    for s, e in spans:
        if chosen and s < chosen[-1][1]:
            if e - s > chosen[-1][1] - chosen[-1][0] and s <= chosen[-1][0]:
                chosen[-1] = (s, e)
            continue
        chosen.append((s, e))

    out: list[TimeMention] = []
    anchor: dt.date | None = None
    period: tuple[dt.date, dt.date, int] | None = None  # the last month named with its year, and where
    named_days: dict[int, str] = {}  # weekday -> the date the report gave it ("Sunday, March 10")
    for s, e in chosen:
        if _house_number(text, s, e) or _year_in_a_name(text, s, e):
            continue
        day = _DAY_BEFORE_MONTH.search(text, max(0, s - 12), s) if text[s:e].lower().rstrip(".") in MONTHS else None
        s = day.start() if day is not None else s
        found = _time_mention(parsed, s, e, published, anchor)
        glued = _GLUED.search(text[s:e]) if found is None else None
        # "released video on Monday of last week's shooting": the tagger ran two times into one
        parts = [found] if glued is None else [_time_mention(parsed, s, s + glued.start(), published, anchor),
                                               _time_mention(parsed, s + glued.end(), e, published, anchor)]
        for tm in filter(None, parts):
            _in_told_period(tm, text, period)
            _the_named_weekday(tm, named_days)
            out.append(tm)
            _name_its_weekday(tm, text, published, named_days)
            if tm.date_end and tm.precision == "day" and tm.rule != "window":
                anchor = dt.date.fromisoformat(tm.date_end)
            if tm.date_start and tm.precision in ("month", "week") and _YEAR.search(text[tm.start:tm.end]):
                period = (dt.date.fromisoformat(tm.date_start), dt.date.fromisoformat(tm.date_end), tm.end)
    return out


# how far back (days) a weekday the report dates itself ("Sunday, March 10") is still the day
# a bare "Sunday" names later: within two weeks, where the nearest such day may be another
NAMED_DAY_REACH = 13


def _name_its_weekday(tm: TimeMention, text: str, published: dt.date | None, named_days: dict[int, str]) -> None:
    """Keep the day a date the report gives with its weekday falls on ("early on Sunday,
    March 10"), when it lies within NAMED_DAY_REACH days before publication."""
    if tm.rule != "absolute" or tm.precision != "day" or not tm.date_start or published is None:
        return
    day = dt.date.fromisoformat(tm.date_start)
    weekday = list(WEEKDAYS)[day.weekday()]
    told = text[max(0, tm.start - 12):tm.end].lower()  # "Sunday, March 10" or "on Sunday March 10"
    if 0 <= (published - day).days <= NAMED_DAY_REACH and re.search(rf"\b{weekday}\b", told):
        named_days[day.weekday()] = tm.date_start


def _the_named_weekday(tm: TimeMention, named_days: dict[int, str]) -> None:
    """"Left Sera early on Sunday, March 10 ... 40 people were taken into custody on Sunday"
    in a report of Tuesday March 19: a bare weekday is the one the report has dated, not the
    nearest such day before publication."""
    if tm.rule != "weekday" or tm.precision != "day":
        return
    m = RE_WEEKDAY.match(" ".join(tm.text.lower().split()))
    named = named_days.get(WEEKDAYS[m.group(2)]) if m and m.group(1) in (None, "on") else None  # not "last Sunday"
    if named is not None and named != tm.date_start:
        tm.date_start = tm.date_end = named
        tm.rule = "weekday the report dated"


# how far (characters) a month the report names with its year still dates a day it names
# without one: "In July 1999 the brothers fled ... It was there on July 7 that ..."
PERIOD_REACH = 400


def _in_told_period(tm: TimeMention, text: str, period: tuple[dt.date, dt.date, int] | None) -> None:
    """A day and month without a year that fall in the month (or week) the report has just
    named with its year take that year, not the latest one before publication."""
    if period is None or tm.precision != "day" or tm.rule != "absolute" or not tm.date_start \
            or _YEAR.search(text[tm.start:tm.end]) or tm.start - period[2] > PERIOD_REACH:
        return
    day = dt.date.fromisoformat(tm.date_start)
    try:
        moved = day.replace(year=period[0].year)
    except ValueError:
        return
    if period[0] <= moved <= period[1] and moved != day:
        tm.date_start = tm.date_end = _iso(moved)
