"""The report frame: where and when a report's incidents happen, read before its events.

A report names many places — nationalities, organisations, speakers' capitals, a victim's
home town — and only some are where things happened. The frame keeps those used as
locations: a place in a locative phrase ("in X", "at X", "near X", "X's Y district"), the
dateline, the places of the headline. Its main place (most weight below country level,
places inside it counting for it) and country are where an event the report does not
locate itself happened; a place far from the frame needs strong local evidence.

Its news date is the day the report's news happened: the first day-precise time the lead
states ("on Monday", "over the weekend"), else the first day of the week before
publication the report names further on, else the publication date. Current events that
state no time of their own take it; background and generic ones never do.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..bylines import is_head_byline
from ..models import Extraction, Place, TimeMention
from .event_lexicon import lexicon
from .layout import DATELINE_DASH
from .parse import Parsed
from .place_recognition import ADMIN_WORDS, SETTLEMENT_NOUNS, institution_heads
from .places import names_no_location

# prepositions that locate what their head does or is ("killed in X", "a blast at X")
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout", "into",
                            "within", "along", "off", "toward", "towards", "on", "against", "over"})
# nouns of areas whose "of" phrase is the place itself ("the town of X", "outskirts of X",
# "in front of X", "the 500 block of X", "the intersection of X and Y")
AREA_NOUNS = frozenset({"town", "city", "village", "province", "district", "region", "area", "outskirts", "outskirt",
                        "suburb", "suburbs", "neighbourhood", "neighborhood", "centre", "center", "capital",
                        "county", "state", "governorate", "countryside", "border", "coast", "south", "north",
                        "east", "west", "heart", "part", "parts", "edge", "streets", "quarter", "camp",
                        "front", "vicinity", "middle", "block", "intersection", "corner", "municipality",
                        "subdistrict", "sub-district", "tehsil", "stretch", "lane", "lanes",
                        "section", "hinterland", "hinterlands", "hills", "mountains", "forest", "forests",
                        "environs", "periphery", "surroundings", "uplands", "interior", "market", "whole", "rest",
                        }) | SETTLEMENT_NOUNS | ADMIN_WORDS  # "the town of X", "the sub-prefecture of X"
# the area nouns and the land a name may stand for, by its "of" ("the port of X") or before
# it ("the Indian Ocean island"); matched on lemmas
LAND_NOUNS = AREA_NOUNS | {"port", "island", "archipelago"}
DATELINE_TAIL = re.compile(r"[^.\n]{0,60}?(?:—|–| - |\((?:AP|AFP|Reuters)\))")
LEAD_SENTENCES = 3
NAMED_WEIGHT = 0.5  # a place named but not as a location, beside a locative mention's 1
# a town named by one of its institutions ("the Gainesville Police Department arrest
# report"): in local news, the jurisdiction of whoever reports the incidents; below any
# other use, it sets the scene only when no place is used as a location
INSTITUTION_WEIGHT = 0.25
# a town a person comes from ("an Independence teenager", "Henry, 19, of 12 Oak St.,
# Alexandria"): where a suspect or a victim lives, no more the scene than an institution's town
RESIDENCE_WEIGHT = 0.25
# happenings a town's name can qualify: "the Kelleyland fire", "the Charlotte shooting"
_HAPPENING_CONTEXTS = frozenset({"CRIME", "ACCIDENT", "PROTEST"})


@dataclass
class ReportFrame:
    place: Place | None = None  # the main place below country level (else a country)
    country: str | None = None  # ISO2 of the frame's country
    dateline: Place | None = None
    news_date: str | None = None  # ISO day of the report's news
    lead_end: int = 0  # character offset where the report's lead (its first LEAD_SENTENCES) ends
    published: str | None = None
    weights: dict[str, float] = field(default_factory=dict)  # place key (place_key) -> locative weight
    places: dict[str, Place] = field(default_factory=dict)  # place key -> the mention naming it

    def choose(self, weight: dict[str, float], more: dict[str, Place],
               happened: dict[str, float] | None = None) -> None:
        """The main place: most weight below country level (else a country; a region of
        many countries, "the Middle East", is above it). The one place inside it where the
        report's incidents happen (`happened`: weight from them), more of them than in it
        and with a quarter of its weight, is the more specific setting ("Crown Heights" in
        a "NEW YORK -" report); a report of incidents in several districts of a city is set
        in the city."""
        first = {**more, **self.places}
        # a street (a landmark placed at its town) names where one incident happened, not
        # the report's setting
        below = [n for n in weight if n in first and first[n].feature != "country" and not many_countries(first[n])
                 and not _street(first[n])]
        pool = below or [n for n in weight if n in first]
        if not pool:
            return
        top = min(pool, key=lambda n: (-weight[n], first[n].start))
        if first[top].feature in ("admin1", "admin2"):
            # a region whose weight is mostly its own city's: "in Beverly Hills, California"
            inner = [n for n in pool if _inside(first[n], top, first)]
            best = min(inner, key=lambda n: (-weight[n], first[n].start), default=None)
            if best is not None and weight[best] >= REGION_TO_CITY * weight[top]:
                top = best
            # the report says where it is from, inside the region it is about ("ATLANTA - ...
            # a Georgia man ... Georgia authorities"): the dateline is the more specific setting
            own = place_key(self.dateline.name) if self.dateline is not None else None
            if first[top].feature in ("admin1", "admin2") and own in first and _inside(first[own], top, first):
                top = own
        happened = happened or {}
        inside = [n for n in happened if n in first and _inside(first[n], top, first) and not _street(first[n])]
        if len(inside) == 1 and happened[inside[0]] > happened.get(top, 0.0) and \
                weight[inside[0]] >= INNER_SHARE * weight[top]:
            top = inside[0]
        self.place = first[top]
        self.country = self.place.country


REGION_TO_CITY = 0.5  # of a region's weight, that the main place inside it needs to be the setting
INNER_SHARE = 0.25  # of the main place's weight, that a place inside it where incidents happen needs


def _inside(p: Place, key: str, first: dict[str, Place]) -> bool:
    """`p` lies in the place keyed `key`, following the gazetteer's "within" up to three
    levels (a neighbourhood in a borough in a city)."""
    for _ in range(3):
        if not p.within:
            return False
        k = place_key(p.within)
        if k == key:
            return True
        if k not in first:
            return False
        p = first[k]
    return False


def place_key(name: str) -> str:
    """One key for a place however a report writes it ("CHARLOTTE -" datelines, "Charlotte")."""
    return name.casefold()


def _street(p: Place) -> bool:
    """A street or a site the gazetteer lacks, placed at its town's point."""
    return p.feature == "landmark" and p.precision == "city"


def add_weight(weight: dict[str, float], first: dict[str, Place], p: Place, w: float) -> None:
    """Add `w` to the place's weight; its first mention names it, in the report's mixed case
    when it has one (not a dateline's capitals)."""
    k = place_key(p.name)
    if k not in first or (first[k].name.isupper() and not p.name.isupper()):
        first[k] = p
    bump(weight, p.name, w)


def bump(weight: dict[str, float], name: str, w: float) -> None:
    """Add `w` to the weight of the place named `name` (keyed by `place_key`)."""
    k = place_key(name)
    weight[k] = weight.get(k, 0.0) + w


def many_countries(p: Place) -> bool:
    """A named region or sea of no one country ("the Middle East", regions.csv)."""
    return not p.country and p.feature != "country"


def is_dateline(p: Place, parsed: Parsed) -> bool:
    """A place opening a paragraph and followed by the dateline dash: "BOR, South Sudan, 9 March —",
    "(NEW YORK) —"; or in capitals after a sentence, a headline run into its body ("Leader
    of group defends work. ATLANTA - A former ...")."""
    if headline_place(p, parsed):
        return True
    text = parsed.text
    line_start = text.rfind("\n", 0, p.start) + 1
    before = text[line_start:p.start]
    if _BYLINE_IN.fullmatch(before) and _LINE_END.match(text, p.end):
        return True  # "By Sunil Kumar Jha in Birgunj": where the reporter filed from, a dateline
    opens = before.strip() in ("", "(") or (
        text[p.start:p.end].isupper() and _AFTER_SENTENCE.search(before) is not None)
    if opens and before.strip() == "" and text[p.start:p.end].isupper() and _STOP_TAIL.match(text, p.end):
        return True  # "ARUA. Business in ...", "KARACHI: A man ...": a paragraph's capitalised name, a stop or colon
    return opens and bool(DATELINE_TAIL.match(text, p.end))


def headline_place(p: Place, parsed: Parsed) -> bool:
    """The place is the headline's kicker ("Yendi: Curfew imposed after chieftaincy clash",
    Parsed.headline_kicker): where the news is, as a dateline says, not a bureau's (a colon
    in the body's first line, "DUBAI: US air strikes ...")."""
    return parsed.headline_kicker == (p.start, p.end)


_BYLINE_IN = re.compile(r"\s*By\s+[A-Z][^\n.]{0,60}?\s+in\s+")
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
_STOP_TAIL = re.compile(r"[.:][ \t]+[A-Z]")


_AFTER_SENTENCE = re.compile(r"[.!?][\"”’]?\s+\(?$")
_WIRE_BUREAU = re.compile(r"[^.\n]{0,40}?\((?:AFP|AP|Reuters|Xinhua|Anadolu|UPI|dpa|IANS|PTI)\)")


def locative_use(parsed: Parsed, p: Place) -> bool:
    """The mention is used as a location: the object (or part of the object) of a locative
    preposition, possessor or modifier of an area noun, or a dateline; not a nationality,
    a word of an organisation's or person's name, or a modifier of another noun."""
    if names_no_location(parsed, p) or parsed.text.startswith(("-based", "-born"), p.end):
        return False
    span = parsed.doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or span.root.ent_type_ in ("PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT"):
        return False
    tok = _above_lists(span.root)
    if tok.dep_ == "pobj":
        prep = tok.head
        if prep.lower_ in LOCATIVE_PREPS:
            return True
        return prep.lower_ == "of" and prep.head.lemma_.lower() in AREA_NOUNS
    if names_area(tok):
        return True
    return is_dateline(p, parsed)


def _above_lists(tok):
    """The token a name's appositions and coordinations hang on ("in Aleppo and Idlib")."""
    for _ in range(3):
        if tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
            tok = tok.head
    return tok


def _name_root(parsed: Parsed, p: Place):
    """The token heading the place's name, above its appositions and coordinations."""
    span = parsed.doc.char_span(p.start, p.end, alignment_mode="expand")
    return _above_lists(span.root) if span is not None else None


def _qualified(tok):
    """The noun a name qualifies ("Kelleyland fire", "an Independence teenager"), or None."""
    return tok.head if tok.dep_ in ("compound", "nmod", "amod") and tok.head.pos_ == "NOUN" else None


def happening_use(parsed: Parsed, p: Place) -> bool:
    """The name qualifies a happening: "the Kelleyland fire", "the Charlotte shooting"."""
    tok = _name_root(parsed, p)
    noun = _qualified(tok) if tok is not None else None
    if noun is None or names_no_location(parsed, p):
        return False
    lex = lexicon()
    return noun.lemma_.lower() in lex.triggers or any(
        kind == "context" and value in _HAPPENING_CONTEXTS for kind, value in lex.cue_map.get(noun.lower_, ()))


def residence_use(parsed: Parsed, p: Place) -> bool:
    """The name qualifies a person ("an Independence teenager", "a Goose Creek man") or ends
    a person's address ("Henry, 19, of 1935 Orchard St., Alexandria")."""
    tok = _name_root(parsed, p)
    if tok is None:
        return False
    noun = _qualified(tok)
    if noun is None and tok.dep_ == "pobj" and tok.head.lower_ == "of":
        noun = tok.head.head
    if noun is None:
        return False
    person = "civilians" in lexicon().actor_kinds(noun.text)
    return person or noun.ent_type_ == "PERSON"


def names_area(tok) -> bool:
    """The name that owns or qualifies an area noun: "the Crown Heights neighborhood", "Aleppo's
    eastern districts"."""
    return tok.dep_ in ("poss", "compound", "nmod") and tok.head.lemma_.lower() in AREA_NOUNS


_COUNTY = re.compile(r"\s+(?:county|parish)\b", re.IGNORECASE)
_NEXT_WORDS = re.compile(r"['’]?s?\s+([a-z]+)(?:\s+([a-z]+))?")
_REACH = 40  # characters after a name that can hold its institution's two words


def institution_use(text: str, p: Place) -> bool:
    """A town's (or county's) name followed by one of its institutions (data/local_heads.csv:
    "Gainesville Police Department", "Anderson County Sheriff's Office")."""
    at = p.end
    county = _COUNTY.match(text, at)
    if county:
        at = county.end()
    elif p.feature not in ("city", "district") and not p.name.lower().endswith((" county", " parish")):
        return False  # a state's or a country's offices say nothing of where incidents happen
    m = _NEXT_WORDS.match(text[at: at + _REACH].lower())
    if m is None:
        return False
    one, two = m.group(1), f"{m.group(1)} {m.group(2)}" if m.group(2) else ""
    return one in institution_heads() or two in institution_heads()


def origin_use(parsed: Parsed, p: Place) -> bool:
    """The object of "from": where someone or something came from, seldom where the
    report's incidents happen (weighed as a name even when the gazetteer gave no score)."""
    span = parsed.doc.char_span(p.start, p.end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ == "from" \
        and not names_no_location(parsed, p)


def _lead_date(ex: Extraction, parsed: Parsed, lead_end: int) -> str | None:
    """The day of the report's news: the first day its lead names in the month before
    publication; else the first day of the week before publication it names further on
    ("A man was arrested ... He was arrested Thursday"); else the publication day."""
    pub = parsed.article.published[:10] if parsed.article.published else None
    days = [t for t in sorted(ex.times, key=lambda t: t.start) if _is_day(t) and (pub is None or t.date_start <= pub)
            and not _in_dateline(t, parsed.text)]
    month = _days_before(pub, NEWS_MONTH)
    lead = [t for t in days if t.start < lead_end and (month is None or t.date_start >= month)]
    if lead:
        return lead[0].date_start
    week = _days_before(pub, NEWS_WEEK)
    later = [t for t in days if week is not None and t.date_start >= week]
    return later[0].date_start if later else pub


def _in_dateline(t: TimeMention, text: str) -> bool:
    """"Buenos Aires, January 25th 2024 (MercoPress) - Police and ...", or "Kathmandu, April
    23" on a line of its own: the day the report was filed, not the day of its news."""
    before = text[text.rfind("\n", 0, t.start) + 1:t.start]
    line_end = text.find("\n", t.end)
    own_line = not text[t.end:line_end if line_end >= 0 else len(text)].strip()  # "Kathmandu, April 23" alone
    return len(before) < 60 and not any(c in before for c in ".!?") and (
        DATELINE_DASH.match(text, t.end) is not None or (
            (own_line or text.startswith(":", t.end)) and before.rstrip().endswith(",")))  # "Rajouri, Mar 18:"


NEWS_WEEK = 7  # days before publication within which a day named after the lead is the news day
# days before publication beyond which a day the lead names is what the news recalls ("charged
# last week with robbing a bank on Dec. 5" in March), not the day of the news
NEWS_MONTH = 31


def _days_before(pub: str | None, days: int) -> str | None:
    try:
        return (dt.date.fromisoformat(pub) - dt.timedelta(days=days)).isoformat() if pub else None
    except ValueError:  # a publication date the reader could not normalise names no window
        return None


def _is_day(t: TimeMention) -> bool:
    """A day, or a weekend ("over the weekend": its Saturday, the news told as of then)."""
    if t.rule == "weekend" and t.date_start:
        return True
    return bool(t.date_start) and t.precision == "day" and t.date_end in (None, t.date_start)


def _byline_sentence(text: str, start: int, end: int) -> bool:
    """The sentence at [start, end) is a byline line of its own (bylines.is_head_byline,
    as the cleaner reads one)."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and _LINE_END.match(text, end) is not None and is_head_byline(
        text[start:end].strip())


HEADLINE_LINE_WORDS = 30  # a first line this short, followed by more text, is a headline


def lead_end_offset(parsed: Parsed) -> int:
    """Where the report's lead ends: after its first LEAD_SENTENCES sentences, a headline
    counted as one however many sentences the parser cut it into ("Ituri: militiamen attack
    camp, 14 dead; demonstration in Bunia") and a byline line not counted, so that a
    report's lead is the same whatever its headline's punctuation or its byline."""
    sents, text, n = parsed.sentences, parsed.text, LEAD_SENTENCES
    first_line = text.find("\n")
    headline_end = first_line if 0 < first_line and len(text[:first_line].split()) <= HEADLINE_LINE_WORDS else 0
    for k, s in enumerate(sents):
        if k >= n:
            return sents[k - 1].end
        if (k and s.end <= headline_end) or _byline_sentence(text, s.start, s.end):
            n += 1
    return sents[-1].end if sents else 0


def report_frame(parsed: Parsed, ex: Extraction) -> ReportFrame:
    text = parsed.text
    frame = ReportFrame(published=parsed.article.published[:10] if parsed.article.published else None)
    lead_end = lead_end_offset(parsed)
    frame.lead_end, frame.news_date = lead_end, _lead_date(ex, parsed, lead_end)
    weight: dict[str, float] = {}
    first: dict[str, Place] = {}
    for p in ex.places:
        if p.lat is None:
            continue
        dateline = is_dateline(p, parsed)
        if dateline and frame.dateline is None:
            frame.dateline = p
        if dateline or locative_use(parsed, p) or happening_use(parsed, p):
            # a wire agency's dateline ("Kano (AFP) -") names the bureau that filed, often
            # far from the news its lead places: no more than a place the lead names; so does a
            # colon's ("DUBAI: US air strikes on ... Yemen's ... port"), a bureau's in the Gulf
            # and South Asian press
            bureau = _WIRE_BUREAU.match(text, p.end) or (text.startswith(":", p.end) and not headline_place(p, parsed))
            w = (1.0 if bureau else 3.0) if dateline else 1.0
        elif residence_use(parsed, p):
            w = RESIDENCE_WEIGHT
        elif origin_use(parsed, p):  # "a woman visiting from Canada": where someone came from
            w = NAMED_WEIGHT
        elif names_no_location(parsed, p) or p.score is None:
            if not institution_use(text, p):
                continue  # a name the gazetteer does not know, not used as a location, sets no scene
            w = INSTITUTION_WEIGHT
        else:  # named, not as a location ("Rome's new mayor"): a report's setting when nothing else is
            w = NAMED_WEIGHT
        w *= 2.0 if p.start < lead_end else 1.0
        add_weight(weight, first, p, w)
        if p.within and p.feature in ("district", "landmark", "city"):
            bump(weight, p.within, 0.5 * w)
    filed_from = _byline_place(parsed, ex)
    if filed_from is not None:  # "By X in Birgunj", cut from the text into the byline: a dateline
        frame.dateline = frame.dateline or filed_from
        add_weight(weight, first, filed_from, 2.0 * 3.0)
    frame.weights, frame.places = weight, first
    frame.choose(weight, {})
    return frame


_BYLINE_PLACE = re.compile(r"\bin\s+([A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){0,3})\s*$")


def _byline_place(parsed: Parsed, ex: Extraction) -> Place | None:
    """The place a byline the cleaner cut from the text files from ("By Sunil Jha in
    Birgunj"), as the text names it: the first resolved mention of that name."""
    m = _BYLINE_PLACE.search(parsed.article.byline or "")
    if m is None:
        return None
    name = m.group(1)
    return next((p for p in ex.places if p.lat is not None and parsed.text[p.start:p.end] == name), None)
