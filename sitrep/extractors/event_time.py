"""When an event happened: a time its own clause states, a time relative to another event
("a week after X", "two days later", "the day before"), the incident's other mentions, the
dated telling of its kind just before it ("video of last week's shooting. He was shot ..."),
or the report frame's news date for current events. A background or generic event with no
stated time has no date (its `time_precision` says "unknown"); it never takes the
publication day by default.

The times stage resolves expressions against the publication date; what it cannot resolve
without the events — an offset from another happening — is done here: "It comes a week
after 44 people were killed": the killing is the news date minus seven days; "Two days
later, troops retook it": the previous event's date plus two; "On Sunday, a boat was
targeted near Bamba. Witnesses said gunmen opened fire": the day its paragraph last named.
A date taken from another happening or sentence is "relative": an incident takes a day its
own clause states before it (incidents._settle).
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from ..models import Event, TimeMention
from .event_clauses import Trigger
from .incidents import breaks_before, family
from .report_frame import ReportFrame

_UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30, "year": 365, "years": 365,
              "hour": 1 / 24, "hours": 1 / 24}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "several": 3, "few": 3, "couple": 2}
# "a week after", "two days later", "the day before", "10 days earlier"
_OFFSET = re.compile(r"\b(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|couple of|\d+)\s+)?"
                     r"(?:the\s+)?(day|days|week|weeks|month|months|year|years|hours?)\s+(after|before|later|earlier)\b",
                     re.I)


def _shift(iso: str, days: int) -> str:
    return (dt.date.fromisoformat(iso[:10]) + dt.timedelta(days=days)).isoformat()


def offset_days(text: str) -> tuple[int, str] | None:
    """(signed days, "after|before|later|earlier") of the first offset expression in text."""
    m = _OFFSET.search(text)
    if not m:
        return None
    n = m.group(1).lower().replace("couple of", "couple") if m.group(1) else "a"
    k = int(n) if n.isdigit() else _NUMBERS.get(n, 1)
    days = round(k * _UNIT_DAYS[m.group(2).lower()])  # "24 hours after": the day before; "hours after": that day
    rel = m.group(3).lower()
    return (days if rel in ("later", "after") else -days), rel


# "the first since 2021", "the deadliest attack since 2019": a time a superlative or an
# ordinal measures the event against, not when it happened. A superlative may be qualified at
# length ("the heaviest on this stretch of the frontier since"); an ordinal's longer clause
# counts repeats over the time ("the third time the camp has been targeted since"), a tally
_COMPARED_SINCE = re.compile(r"(?:\b(?:first|second|third|last|only)\b(?:\s+[\w-]+){0,4}?|"
                             r"\b(?:worst|deadliest|bloodiest|largest|biggest|heaviest|highest|lowest|most\s+\w+)\b"
                             r"(?:\s+[\w-]+){0,7}?)\s+since\s*$", re.IGNORECASE)


# "on the anniversary of Tibet's 1959 uprising": the time of what is remembered, not of the event
_ANNIVERSARY_OF = re.compile(r"\banniversary\s+of\s+[^.;:!?]{0,40}$", re.IGNORECASE)


def compared_against(text: str, t: TimeMention) -> bool:
    """`t` is the time a superlative or an ordinal compares its event with, or the time of
    what an anniversary the event falls on remembers."""
    head = text[max(0, t.start - 80):t.start]
    if _ANNIVERSARY_OF.search(head):
        return True
    if t.text.lower().startswith("since"):
        head += "since"
    return _COMPARED_SINCE.search(head) is not None


# what follows a dateline's date: the agency, then the dash ("Oct 14 (Reuters) -", "Apr 22 (EFE).-",
# "April 10, 2025 [AlterPresse] ---")
# the dash after a dateline's date, or the colon of "Rajouri, Mar 18:" (South Asian papers)
_DATELINE_TAIL = re.compile(r"[ \t]*(?:\([A-Za-z .&-]{2,24}\)|\[[A-Za-z .&-]{2,24}\])?\.?[ \t]*(?:—|–|--|-|:)")


def in_dateline(text: str, t: TimeMention) -> bool:
    """The date of a paragraph's opening dateline ("MOSCOW, Oct 14 (Reuters) - "): the day
    the story was filed, not the day of what it tells."""
    before = text[text.rfind("\n", 0, t.start) + 1:t.start]
    return len(before) <= 60 and before[:1].isupper() and before.rstrip().endswith(",") \
        and _DATELINE_TAIL.match(text, t.end) is not None


def own_time(times: list[TimeMention], lo: int, hi: int, others: list[tuple[int, int]], s_lo: int, s_hi: int,
             anchor: int, text: str) -> TimeMention | None:
    """The resolved time inside the clause [lo, hi); else the nearest one of its sentence
    that lies in no other event's clause (the main clause's time holds for what it
    governs: "State media reported Tuesday that the army had taken back ...")."""
    inside = [t for t in times if t.date_start and lo <= t.start < hi]
    pool = inside or [t for t in times if t.date_start and s_lo <= t.start < s_hi
                      and not any(a <= t.start < b for a, b in others)]
    # "broke out on Sunday evening and continued into Monday", "clashes, which continued
    # until Sunday morning": the end of a span is not when the event happened
    pool = [t for t in pool if not _SPAN_END.search(text, max(0, t.start - 30), t.start)
            and not _AHEAD_OF.search(text, max(0, t.start - 30), t.start)]
    return min(pool, key=lambda t: (abs(t.start - anchor), t.start)) if pool else None


# "violence intensifies ahead of the May 20 celebrations": what the event comes before, not its day
_AHEAD_OF = re.compile(r"\b(?:ahead\s+of|in\s+the\s+(?:run|lead)-up\s+to|in\s+preparation\s+for)\s+(?:the\s+)?$",
                       re.IGNORECASE)
_SPAN_END = re.compile(r"\b(?:until|till|into|through|to)\s+(?:the\s+early\s+hours\s+of\s+|late\s+|early\s+)?$",
                       re.IGNORECASE)


def governing_offset(head: Trigger) -> int | None:
    """Days from the governing happening when the event sits under "a week after", "the
    day before" ... ("It comes a week after 44 people were killed": -7)."""
    node = head.anchor
    for _ in range(3):
        rel = _relation(node)
        if rel is not None:
            word, holder = rel
            # (the parser may hang the measure on "after" itself: "two days after vigilantes clashed")
            unit = holder if holder.dep_ == "npadvmod" else next(
                (c for c in (*holder.children, *word.children) if c.dep_ == "npadvmod"), None)
            if unit is None:
                return None
            phrase = node.doc[unit.left_edge.i: unit.i + 1].text + " " + word.text
            off = offset_days(phrase)
            # an event in an "after" phrase happened that long before its governor, one in
            # a "before" phrase that long after it
            return -off[0] if off else None
        if node.head.i == node.i:
            break
        node = node.head
    return None


def _relation(node):
    """(the word "after"/"before", the token holding its measure) when `node` is the
    event of an after/before clause or phrase."""
    for c in node.children:
        if c.dep_ == "mark" and c.lower_ in ("after", "before"):
            return c, node
        # "a day after a student march ended in clashes": the parser hangs the measure, and
        # "after" under it, on the clause's verb
        word = next((k for k in c.children if k.dep_ == "prep" and k.lower_ in ("after", "before")), None) \
            if c.dep_ == "npadvmod" and node.pos_ in ("VERB", "AUX") else None
        if word is not None:
            return word, c
    if node.dep_ in ("pcomp", "pobj") and node.head.lower_ in ("after", "before"):
        after = node.head  # "a day after a student march": the measure "after" hangs on
        return after, after.head if after.head.dep_ == "npadvmod" else after
    return None


def set_date(ev: Event, t: TimeMention | None, frame: ReportFrame, offset: int | None,
             governor_time: bool = False) -> None:
    """`governor_time`: `t` is the time of the clause that governs the event ("quiet on
    Wednesday ... two days after police opened fire"), so an offset counts from it."""
    if offset is not None and governor_time and t is not None and t.date_start and t.precision == "day":
        ev.date_start = ev.date_end = _shift(t.date_start, offset)
        ev.time_precision = "relative"
        return
    if t is not None and t.date_start and frame.published and t.date_start > frame.published and \
            ev.certainty in ("asserted", "claimed"):
        t = None  # what has happened is not dated after the report: the time is another clause's
    if t is not None:
        ev.date_start, ev.date_end, ev.time_precision = t.date_start, t.date_end or t.date_start, t.precision
    elif offset is not None and frame.news_date:
        ev.date_start = ev.date_end = _shift(frame.news_date, offset)
        ev.time_precision = "relative"
    elif ev.timing == "current" and frame.news_date:
        ev.date_start = ev.date_end = frame.news_date
        ev.time_precision = "report"  # the report's news day: no time of its own stated
    else:
        ev.date_start = ev.date_end = None
        ev.time_precision = "unknown"


def later_offsets(events: list[Event], text: str, times: list[TimeMention], published: str | None,
                  background_before: str | None) -> None:
    """"Two days later, troops retook it": a date from what the report dated last before the
    sentence, plus the offset, for events whose sentence starts with such an expression. What
    was dated last is the previous dated event, or a day the text names after it ("when two
    dams burst on 11 September 2023. A week later, protesters ...": the floods are no event,
    their day still the anchor). A shift past the report's day is no past event's date; one
    before `background_before` (the report's news days) is recalled, not reported."""
    prev = None
    days = sorted((t for t in times if t.date_start and t.precision == "day"), key=lambda t: t.start)
    for ev in sorted(events, key=lambda e: e.start):
        if ev.time_precision in ("report", "unknown"):
            opening = text[max(0, ev.start - 200): ev.start].rsplit(".", 1)[-1]  # the sentence before the mention
            off = offset_days(opening + text[ev.start: ev.end])
            anchor = _last_day(days, prev, ev.start - len(opening))
            if off is not None and off[1] in ("later", "earlier") and anchor is not None:
                shifted = _shift(anchor, off[0])
                if published is None or shifted <= published or ev.certainty not in ("asserted", "claimed"):
                    ev.date_start = ev.date_end = shifted
                    ev.time_precision = "relative"
                    if background_before is not None and shifted < background_before and ev.timing == "current":
                        ev.timing = "background"
        if ev.date_start and ev.time_precision not in ("report", "unknown"):
            prev = ev


def _last_day(days: list[TimeMention], prev: Event | None, sentence_start: int) -> str | None:
    """The day of the previous dated event, or of a day named after it and before the sentence."""
    named = [t for t in days if t.end <= sentence_start and (prev is None or t.start > prev.end)]
    if named:
        return named[-1].date_start
    return prev.date_start if prev is not None else None


# how far (characters) a clock time may follow the dated mention whose day it runs on
CLOCK_CHARS = 1500
# a time of day in running text: "at 3pm", "shortly after 11am", "around 9.30 p.m.", "at noon"; a
# dotted number needs its "a.m."/"hrs" here ("2.45 million" is none), unlike times._CLOCK, which
# only tells whether a time expression already found is a clock time
_CLOCK_TIME = re.compile(r"\b(?:\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?\s?m\b\.?|\d{1,2}[.:]\d{2}\s*(?:hrs?|h)\b"
                         r"|noon|midnight)", re.IGNORECASE)


def clock_days(events: list[Event], text: str, sentence_starts: list[int]) -> None:
    """An undated current mention whose sentence tells only a time of day ("Shortly after 3pm,
    protesters began throwing stones") happens on the day of the happening the narrative
    last dated, within CLOCK_CHARS ("The protest began on Wednesday at around 11am"), not on
    the news day: a clock time runs on the story's day. A small-hours time ("after
    midnight", "at 2 a.m.") may be the next day's, so it keeps the news day."""
    told = sorted((e for e in events if e.time_precision == "day" and e.date_start and e.timing == "current"
                   and e.certainty in ("asserted", "claimed")), key=lambda e: e.end)
    for ev in events:
        if ev.time_precision != "report" or ev.certainty not in ("asserted", "claimed"):
            continue
        k = bisect.bisect_right(sentence_starts, ev.start) - 1
        lo = sentence_starts[k] if k >= 0 else 0
        hi = sentence_starts[k + 1] if k + 1 < len(sentence_starts) else len(text)
        clocks = [m.group(0) for m in _CLOCK_TIME.finditer(text, lo, hi)]
        if not clocks or any(_small_hours(c) for c in clocks):
            continue
        near = [e for e in told if e.end <= lo and lo - e.end <= CLOCK_CHARS]
        if near:
            ev.date_start, ev.date_end, ev.time_precision = near[-1].date_start, near[-1].date_end, "day"


def paragraph_days(events: list[Event], text: str, times: list[TimeMention], sentence_starts: list[int],
                   paragraph_starts: list[int], published: str | None) -> None:
    """An undated current mention (dated only by the news day) whose sentence names no time,
    right after a sentence of its paragraph that names one day and no other ("Two days
    earlier, on Sunday, a boat was targeted near Bamba. Witnesses said gunmen opened fire on
    it"), happened on that day: the paragraph goes on telling that day's story. A day someone
    spoke on ("police said on Monday") is when it was told, not when it happened."""
    for ev in events:
        if ev.time_precision != "report" or ev.certainty not in ("asserted", "claimed") or ev.timing != "current":
            continue
        k = bisect.bisect_right(sentence_starts, ev.start) - 1
        if k < 1 or breaks_before(paragraph_starts, sentence_starts[k - 1]) != breaks_before(
                paragraph_starts, sentence_starts[k]):
            continue  # the paragraph's first sentence: the day before it is another paragraph's
        lo, hi = sentence_starts[k], sentence_starts[k + 1] if k + 1 < len(sentence_starts) else len(text)
        if any(lo <= t.start < hi for t in times):
            continue
        days = {t.date_start for t in times if sentence_starts[k - 1] <= t.start < lo and t.date_start
                and t.precision == "day" and (published is None or t.date_start <= published)
                and not _TOLD_ON.search(text, max(0, t.start - 25), t.start)}
        named = [t for t in times if sentence_starts[k - 1] <= t.start < lo]
        if len(days) == 1 and len(named) == 1:
            ev.date_start = ev.date_end = days.pop()
            ev.time_precision = "relative"


# "said on Monday", "told reporters on Tuesday", "a statement on Wednesday": the day of telling
_TOLD_ON = re.compile(r"\b(?:said|says|told\s+\w+|announced|added|stated|statement|reported|confirmed|"
                      r"claimed|denied)\s+(?:late\s+|early\s+)?(?:on\s+)?$", re.IGNORECASE)


def _small_hours(clock: str) -> bool:
    """"midnight", "12.30 a.m.", "1 a.m." ... "5.30am": the night after the day named, or its own day."""
    m = re.match(r"(\d{1,2})", clock)
    if m is None:
        return clock.lower() == "midnight"
    return int(m.group(1)) % 12 < 6 and re.search(r"a\.?\s?m", clock, re.I) is not None  # "12.30 a.m." too


# how far (characters) an undated mention may follow a dated one of its kind and take its date
CONTINUED_CHARS = 300
_UNDATED = ("report", "unknown", None)


@dataclass(frozen=True)
class DateAnchor:
    """A dated telling of a happening: a mention with a time of its own, or an event noun
    a time modifies that is no mention ("video of last week's shooting")."""
    end: int
    kind: str  # incidents.family of the mention, or of the noun's frame
    timing: str
    date_start: str
    date_end: str | None
    precision: str | None


def continued_dates(events: list[Event], nouns: list[DateAnchor]) -> None:
    """An undated current mention (dated only by the news day) that goes on telling the
    happening of its kind (incidents.family) dated just before it, within CONTINUED_CHARS,
    takes that date: "Police released video of last week's shooting. Crutcher was shot by
    an officer" is last week's, not the news day's."""
    told = [DateAnchor(e.end, family(e), e.timing or "", e.date_start, e.date_end, e.time_precision)
            for e in events if e.time_precision not in _UNDATED and e.date_start
            and e.certainty in ("asserted", "claimed")]
    told = sorted([*told, *nouns], key=lambda a: a.end)
    for ev in events:
        if ev.time_precision != "report":
            continue
        near = [a for a in told if a.kind == family(ev) and a.timing == ev.timing
                and 0 <= ev.start - a.end <= CONTINUED_CHARS]
        if near:
            a = near[-1]
            ev.date_start, ev.date_end, ev.time_precision = a.date_start, a.date_end or a.date_start, a.precision
