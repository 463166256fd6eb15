"""What a byline line under a headline looks like ("By Jane Doe", "By Hana Tesfaye, BBC
News", "By Sunil Jha in Birgunj"), read by the cleaner, which cuts such a line into the
article's byline, and by the report frame, which does not count one kept in the text as a
sentence of the lead. One predicate, so that both agree on what a byline is."""
from __future__ import annotations

import re

BY_LINE = re.compile(r"^by\s+(?=[A-Z])", re.I)
_WORD = re.compile(r"[^\W\d_][\w'’\-]*|\d[\d,.]*")
_NAME_JOINERS = frozenset("and in of for the at from with al el de van von bin ibn da di le la".split())
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december today yesterday""".split())


def reads_as_names(rest: str) -> bool:
    """ "Jane Doe and John Roe, Reuters" yes; "Tuesday, 40,000 people had fled" no."""
    words = re.findall(r"[^\W\d_][\w'’.\-]*|\d+", rest)
    if not words or words[0].lower() in _CALENDAR:
        return False
    return all(w[0].isupper() or w.lower() in _NAME_JOINERS for w in words)


def is_head_byline(line: str) -> bool:
    """A short "By ..." line naming people (and their outlet or town), not a sentence that
    opens with "by" ("By Tuesday, fighting had spread.")."""
    m = BY_LINE.match(line)
    return bool(m) and len(_WORD.findall(line)) <= 12 and line[-1] not in ".!?" and reads_as_names(line[m.end():])
