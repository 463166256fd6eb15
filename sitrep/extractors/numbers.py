"""Counts as news writes them -> literal ranges (low, best, high) with the qualifier kept.

`find_quantities(text)` scans a text once with precompiled patterns and returns every
number expression that could be a count of people or households: digits with separators
("31,000", "1 500", "61, 000", European "2.000"), digits with a scale ("1.2 million",
"2.14 lakh"), number words ("eleven", "Nine hundred and twenty-one"), vague counts
("dozens", "tens of thousands", "100s"), ranges ("between 5 and 10", "from 60,000 to more
than 275,000", "10,000-12,000") and the qualifier written before each ("more than", "up to").
Expressions that are plainly not counts are dropped here, from the characters around them:
percentages, money, measures (km, hectares, mm, magnitude), durations and ages ("10 days",
"a 5-year-old"), clock times ("10pm", "8 a.m."), dates ("6 March", "March 28"), ordinals
("21st") and bare years ("in 2016"). Whether a count is a count *of people* is decided by
the figure extractor from the parse (sitrep/extractors/figures.py).

Literal ranges follow design.md: "more than 31,000" -> low 31000, high None; "up to 18,000"
-> low None, high 18000; "about 600" -> 600..600; a range -> its two ends; a vague count ->
the range in data/number_terms.csv ("hundreds" -> 200..999). `best` is the conservative
reading: the stated number for a single number, the low end of a range or vague count.

Word numbers go through number-parser (`number_parser.parse_number`), which handles
compounds ("twenty-one", "nine hundred and twenty-one", "forty-two thousand"); called with
language="en" it costs ~0.1 ms and results are cached per phrase; and it does not read digits with scales
("1.2 million"), vague counts or European separators, which are handled here.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..vocab import read_table

_DATA = "number_terms.csv"


@dataclass(frozen=True)
class Quantity:
    """One number expression: `start`/`end` cover qualifier + number(s); `text` is as written."""
    start: int
    end: int
    num_start: int  # the number(s) proper, without the qualifier
    num_end: int
    text: str
    low: int | None
    best: int | None
    high: int | None
    qualifier: str | None = None
    vague: bool = False


@dataclass(frozen=True)
class _Terms:
    qualifiers: dict[str, str]  # phrase -> lower|upper|approx|total
    vague: dict[str, tuple[int, int]]
    scales: dict[str, int]


@functools.lru_cache(maxsize=1)
def terms() -> _Terms:
    quals: dict[str, str] = {}
    vague: dict[str, tuple[int, int]] = {}
    scales: dict[str, int] = {}
    for row in read_table(_DATA):
        phrase = row["phrase"].lower()  # read_table strips every value
        if row["section"] == "qualifier":
            quals[phrase] = row["a"]
        elif row["section"] == "vague":
            vague[phrase] = (int(row["a"]), int(row["b"]))
        elif row["section"] == "scale":
            scales[phrase] = int(row["a"])
    return _Terms(quals, vague, scales)


_UNITS_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                "fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty "
                "sixty seventy eighty ninety hundred thousand million billion").split()
_SCALE_WORDS = {"hundred", "thousand", "million", "billion"}


def _alt(phrases) -> str:
    """Regex alternation, longest first so that "more than" wins over "more"."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


def _atom_start(t: _Terms) -> str:
    """Where a number expression can start: at a digit, or where no word character goes
    before, at the first letter of a vague count or a number word ("a dozen", "an eighty").
    Tested first, this lookahead passes over most characters at one test instead of trying
    the three kinds of number there (the same matches, in half the time)."""
    letters = {p[0] for p in t.vague} | {w[0] for w in _UNITS_WORDS} | {"a"}
    return rf"(?:(?=\d)|(?<![\w.,$€£¥])(?=[{re.escape(''.join(sorted(letters)))}]))"


@functools.lru_cache(maxsize=1)
def _patterns():
    t = terms()
    word = r"(?:{})".format("|".join(sorted(_UNITS_WORDS, key=len, reverse=True)))
    scale = _alt(t.scales)
    vague = _alt(t.vague)
    atom = re.compile(
        _atom_start(t) +
        rf"(?:(?<![\w.,$€£¥])(?P<vague>{vague})(?![\w])"
        r"|(?:(?<![\w.,$€£¥])|(?<=[a-z]{3}))"  # digits glued by PDF extraction: "with14,593"
        r"(?P<digits>\d{1,3}(?:(?:,\s?|[\u00a0\u202f ]|\.)\d{3})+(?!\d)|\d+(?:\.\d+)?(?![\d]))"
        rf"(?:\s*-?\s*(?P<scale>{scale})\b)?"
        rf"|(?<![\w.,$€£¥])(?P<words>(?:an?\s+)?{word}(?:(?:\s+|-|\s+and\s+){word})*)\b"
        r")",
        re.IGNORECASE)
    qual = re.compile(rf"(?:^|(?<=[\s(\[\"“]))(?P<q>{_alt(t.qualifiers)})\s+$", re.IGNORECASE)
    return atom, qual


# Characters after a number that say it is not a count of anything we want.
_NOT_COUNT_AFTER = re.compile(
    r"\s*(?:"
    r"%|per\s*-?\s*cent|percent|pc\b"
    r"|-?\s*(?:years?|yrs?|months?|weeks?)[\s-]*old"
    r"|(?:-|\s)?(?:km|kms|kilomet(?:er|re)s?|miles?|mi|met(?:er|re)s?|m|cm|mm|ft|feet|foot|inch(?:es)?"
    r"|hectares?|ha|acres?|sq|square|km2|kg|kilo(?:gram)?s?|g|grams?|tons?|tonnes?|lbs?|pounds|litres?|liters?"
    r"|degrees?|°|mph|knots|magnitude|richter)\b"
    r"|(?:-|\s)?(?:dollars?|euros?|usd|eur|gbp|yuan|rupees?|rubles?|roubles?|pesos?|francs?|naira|shillings?)\b"
    r"|(?:-|\s)?(?:seconds?|minutes?|hours?|hrs?|days?|nights?|weeks?|months?|years?|decades?|centur(?:y|ies))\b"
    r"|\s?(?:a\.?m\.?|p\.?m\.?|gmt|utc|local\s+time)(?!\w)"
    r"|:\d\d"
    r")",
    re.IGNORECASE)
_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
           r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_MONTH_AFTER = re.compile(rf"\s*(?:{_MONTHS})\b", re.IGNORECASE)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.IGNORECASE)
_DAY_RANGE_AFTER = re.compile(rf"\s*(?:-|–|to|and)\s*\d{{1,2}}\s+(?:{_MONTHS})\b", re.IGNORECASE)
_COMPOUND_AFTER = re.compile(r"-(?!(?:to|and|or)\b)[^\W\d_]", re.IGNORECASE)
_PHONE = re.compile(r"\d{3}[-.\s]\d{4}\b|\(\d{3}\)")
_AGE_BEFORE = re.compile(r"\b[A-Z][\w'’-]+,\s*$")
_MONEY_BEFORE = re.compile(r"(?:[$€£¥₹]|\b(?:us|usd|eur|rs|inr)\.?)\s*$", re.IGNORECASE)
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|and|or)\s*$", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"\b(?P<w>between|from)\s+$", re.IGNORECASE)
_PRONOUN_ONE = re.compile(r"\b(?:no|any|every|some|each|the|this|that)\s+$", re.IGNORECASE)
_ONE_OF = re.compile(r"\s+(?:of|another|by\s+one|after\s+another)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def words_value(phrase: str) -> int | None:
    """Value of number words ("twenty-one", "a hundred", "nine hundred and twenty-one")."""
    from number_parser import parse_number

    p = " ".join(phrase.lower().replace("-", " ").split())
    if p.startswith(("a ", "an ")):
        p = "one " + p.split(" ", 1)[1]
    try:
        v = parse_number(p, language="en")  # naming the language skips its slow detection
    except Exception:  # number-parser raises on some odd inputs; treat them as no number
        return None
    return int(v) if isinstance(v, (int, float)) else None


def digits_value(digits: str, scale: str | None = None) -> int | None:
    """Value of "31,000", "1 500", "61, 000", "2.000" (European thousands), "1.2" + "million"."""
    s = re.sub(r"[\s\u00a0\u202f]", "", digits)
    if scale:
        mult = terms().scales.get(scale.lower())
        try:
            return int(round(float(s.replace(",", "")) * (mult or 1)))
        except ValueError:
            return None
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):  # 2.000 with no scale: a thousands dot
        s = s.replace(".", "")
    s = s.replace(",", "")
    if s.isdigit():
        return int(s)
    try:
        v = float(s)
    except ValueError:
        return None
    return int(v) if v == int(v) else None  # 2.5 people is not a count


@dataclass
class _Atom:
    start: int
    end: int
    low: int | None
    high: int | None
    vague: bool
    is_year_like: bool


MAX_COUNT = 10_000_000_000  # more people than live on Earth: a code or an id, not a count


def _atom(m: re.Match) -> _Atom | None:
    if m.group("vague"):
        low, high = terms().vague[" ".join(m.group("vague").lower().split())]
        return _Atom(m.start(), m.end(), low, high, True, False)
    if m.group("digits"):
        raw = m.group("digits")
        v = digits_value(raw, m.group("scale"))
        if v is None or v > MAX_COUNT:
            return None
        year_like = (m.group("scale") is None and re.fullmatch(r"(?:1[89]|20)\d\d", raw) is not None)
        return _Atom(m.start(), m.end(), v, v, False, year_like)
    phrase = m.group("words")
    if phrase.lower() in _SCALE_WORDS:
        return None  # a scale word alone ("$5 million" after the money is dropped) is no count
    # "and" joins number words only after a scale word ("two hundred and fifty"), never
    # two counts ("five and six"): cut the phrase at the first other "and".
    parts = re.split(r"(\s+and\s+)", phrase)
    keep = parts[0]
    for i in range(1, len(parts) - 1, 2):
        if keep.lower().split()[-1].split("-")[-1] in _SCALE_WORDS:
            keep += parts[i] + parts[i + 1]
        else:
            break
    v = words_value(keep)
    if v is None or v > MAX_COUNT:
        return None
    return _Atom(m.start(), m.start() + len(keep), v, v, False, False)


def _not_a_count(text: str, a: _Atom) -> bool:
    after = text[a.end:a.end + 24]
    before = text[max(0, a.start - 12):a.start]
    if after[:1].isalpha() and not a.vague and not text[a.start:a.end][-1:].isalpha():
        return True  # digits glued to letters: 10pm, 5km, 21st, 2015boat
    if _COMPOUND_AFTER.match(after) or _PHONE.match(text, a.start):
        return True  # "two-storey home", "a 10-day truce"; "808-5160"
    if _AGE_BEFORE.search(before) and after.lstrip().startswith(","):
        return True  # an age in apposition: "William Goble, 26, of Edmonton"
    if _NOT_COUNT_AFTER.match(after) or _MONEY_BEFORE.search(before):
        return True
    day_like = a.low is not None and 1 <= a.low <= 31 and text[a.start:a.end].isdigit()
    if not a.vague and day_like and (_MONTH_AFTER.match(after) or _MONTH_BEFORE.search(before)
                                     or _DAY_RANGE_AFTER.match(text, a.end)):
        return True  # a day of a month: "6 March", "March 28", "between 1 and 8 October"
    if a.is_year_like and _MONTH_BEFORE.search(before):
        return True  # "March 2016"
    if a.low is not None and a.low == 1 and text[a.start:a.end].lower() in ("one", "a", "an"):
        # "no one", "one of the", "one another": pronoun uses, not counts
        if _PRONOUN_ONE.search(before) or _ONE_OF.match(after):
            return True
    return False


_YEAR_BEFORE = re.compile(
    r"\b(?:in|since|of|by|until|till|from|to|during|before|after|early|late|mid|year|and|through|between)\s*-?\s*$",
    re.IGNORECASE)


def _looks_like_year(text: str, a: _Atom) -> bool:
    """A bare 1800-2099 is a year unless a lowercase word follows ("2000 people")."""
    if _YEAR_BEFORE.search(text, max(0, a.start - 10), a.start):
        return True
    return re.match(r" [a-z]", text[a.end:a.end + 2]) is None


def _atoms_of(text: str) -> list[_Atom]:
    """The number expressions of `text`, in order ("several times" is none)."""
    atom_re, _ = _patterns()
    atoms: list[_Atom] = []
    pos = 0
    while True:
        m = atom_re.search(text, pos)
        if m is None:
            break
        a = _atom(m)
        pos = a.end if a is not None and a.end > m.start() else m.end()
        if a is None:
            continue
        if a.vague and text[a.start:a.end].lower() == "several" and re.match(
                r"\s+(?:more\s+)?(?:times|of|other|others|occasions|days|weeks|months|years|hours)\b",
                text[a.end:a.end + 20], re.IGNORECASE):
            continue
        atoms.append(a)
    return atoms


def _range_to(text: str, a: _Atom, b: _Atom | None, qm: re.Match | None) -> tuple[_Atom, str | None, int] | None:
    """A range from `a` to the next number `b`: "between A and B", "from A to (more than)
    B", "A-B", "A to B"; (b, b's qualifier, the range's start offset) or None."""
    if b is None or a.vague or b.vague or b.start - a.end > 22:
        return None
    _, qual_re = _patterns()
    gap = text[a.end:b.start]
    qb = qual_re.search(gap)
    word = (gap[:qb.start("q")] if qb else gap).strip().lower()
    opener = _RANGE_OPEN.search(text, max(0, a.start - 12), a.start)
    opened = opener.group("w").lower() if opener else None
    joins = (word in ("-", "–", "—", "to", "or")
             or (word == "and" and opened == "between"))
    if (joins and a.low is not None and b.low is not None and a.low < b.low
            and not _not_a_count(text, b) and not _PHONE.match(text, a.start)
            and not (a.low <= 31 and _MONTH_BEFORE.search(text, max(0, a.start - 12), a.start))
            and not a.is_year_like and not b.is_year_like):
        start = qm.start("q") if qm else (opener.start("w") if opener else a.start)
        return b, (" ".join(qb.group("q").lower().split()) if qb else None), start
    return None


def find_quantities(text: str) -> list[Quantity]:
    """Every count-like number expression in `text`, in order (see module doc)."""
    _, qual_re = _patterns()
    atoms = _atoms_of(text)
    terms_ = terms()
    out: list[Quantity] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is not None and b.start - a.end <= 1 and _PHONE.match(text, a.start):
            i += 2  # a telephone number: "808-5160"
            continue
        if b is not None and a.low is not None and a.low <= 31 \
                and _MONTH_BEFORE.search(text, max(0, a.start - 12), a.start) \
                and _RANGE_GAP.fullmatch(text, a.end, b.start):
            i += 2  # a range of days: "May 1-3", "March 28 and 29"
            continue
        # qualifier of the first number
        qm = qual_re.search(text, max(0, a.start - 24), a.start)
        qual = " ".join(qm.group("q").lower().split()) if qm else None
        start = qm.start("q") if qm else a.start
        rng = _range_to(text, a, b, qm)
        if rng is not None:
            b, qual_b, start = rng
            if _not_a_count(text, b):
                i += 1
                continue
            low, high = a.low, b.high
            if qual_b and terms_.qualifiers.get(qual_b) == "lower":
                high = b.high  # "to more than 275,000": the stated top; the truth may be above
            q = " ".join(x for x in (qual, "range", qual_b) if x)
            out.append(Quantity(start, b.end, a.start, b.end, text[a.start:b.end], low, low, high, q, False))
            i += 2
            continue
        if _not_a_count(text, a) or (a.is_year_like and not qual and _looks_like_year(text, a)):
            i += 1
            continue
        low = best = a.low
        high = a.high
        sense = terms_.qualifiers.get(qual or "", "")
        if a.vague:
            q = " ".join(x for x in (qual, text[a.start:a.end].lower()) if x)
            out.append(Quantity(start, a.end, a.start, a.end, text[a.start:a.end], low, low, high, q, True))
            i += 1
            continue
        if sense == "lower":
            high = None
        elif sense == "upper":
            low = None
        out.append(Quantity(start, a.end, a.start, a.end, text[a.start:a.end], low, best, high, qual, False))
        i += 1
    return out
