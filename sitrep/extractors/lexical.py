"""Lexical figure extractor for reports in Spanish, French and Portuguese.

sitrep parses English only: the spaCy model is English, so events, places, actors and
quotes are extracted from English reports alone. Displacement monitors read many reports
in Spanish, French and Portuguese, and their figures are mostly written in one shape:
a number, the noun it counts, and a figure word in the same clause ("más de 2.000
personas fueron evacuadas", "25 081 PDI", "50 famílias desalojadas"). This module reads
that shape without a dependency parse:

- numbers as written in those languages: "1.200", "1 200", "1,200", "2,5 millones",
  "2 mil", "dos mil", word numbers, "un centenar de" (about 100), "miles de" (vague,
  design.md ranges), with qualifiers ("más de", "au moins", "cerca de");
- the counted noun right after the number (people, households, or homes), or a figure
  word used as a noun ("1.300 evacuados", "500 déplacés");
- the category from the nearest figure word of the same sentence that no other counted
  number stands between, after the count preferred; housing categories only for homes;
- certainty hypothetical/negated from a hedge word just before the figure word.

Word numbers are combined here, not by number-parser (which numbers.py uses for English):
number-parser 0.3 reads Spanish but not French or Portuguese ("not a supported language"),
and one small combiner over the data file's number words serves all three alike.

Each figure has `method` "lexical" (parsed figures have "parse") so users can tell how it
was read. Vocabulary: `sitrep/data/lexical_figure_terms.csv` (documented in its header).
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from ..models import Extraction, Figure, Sentence
from ..vocab import read_table

_DATA = "lexical_figure_terms.csv"
HOUSING = {"homes_destroyed", "homes_damaged"}
HOME_OK = HOUSING | {"evacuated", "affected", "relocated", "in_need"}
_BAD = "\ufffd"  # what a wrong decoding leaves in place of an accented letter
_WORD = re.compile(r"[\w\ufffd]+(?:['’][\w\ufffd]+)*")
_OF = re.compile(r"\s*(?:(?:de|des)\s+|d['’]\s*)?")  # "3 millones de personas", "des milliers d'enfants"
_STOP = re.compile(r"[.;:!?]\s|\n\s*\n")  # clause/sentence breaks a figure never spans


def fold(text: str) -> str:
    """Lowercase without accents, one character per character (offsets are kept)."""
    out = []
    for ch in text:
        c = ch.lower()[:1] or ch
        if ord(c) > 127 and c != _BAD:
            base = unicodedata.normalize("NFD", c)[:1]
            c = base if base.isascii() and base.isalpha() else c
        out.append(c)
    return "".join(out)


def _phrase_regex(phrase: str) -> str:
    """A vocabulary phrase as a regex over folded text: accents match as written or as a
    damaged character, a trailing * any word ending, spaces any spacing."""
    parts = []
    for ch in phrase.strip():
        if ch == "*":
            parts.append(r"[\w\ufffd]*")
        elif ch == " ":
            parts.append(r"\s+")
        elif ch in "'’":
            parts.append(r"['’]\s*")
        elif ch.isascii():
            parts.append(re.escape(ch))
        else:
            parts.append(f"[{re.escape(fold(ch))}{_BAD}]")
    return "".join(parts)


def _alternation(phrases) -> str:
    return "|".join(_phrase_regex(p) for p in sorted(phrases, key=lambda p: (-len(p), p)))


def _bounded(alt: str) -> re.Pattern:
    return re.compile(rf"(?<![\w\ufffd])(?:{alt})(?![\w\ufffd])")


@dataclass(frozen=True)
class _Lang:
    units: dict[str, str]  # phrase -> people|households|homes
    terms: dict[str, tuple[str, bool]]  # phrase -> (category, names the people counted)
    numbers: dict[str, int]
    scales: dict[str, int]
    vague: dict[str, tuple[int, int]]
    approx: dict[str, int]
    qualifiers: dict[str, str]
    hedges: dict[str, str]
    unit_re: re.Pattern
    term_re: re.Pattern
    number_re: re.Pattern
    qualifier_re: re.Pattern
    hedge_re: re.Pattern
    determiner_re: re.Pattern


_MATCHERS: dict[int, list] = {}


def _lookup(table: dict, matched: str):
    """The vocabulary entry a folded match came from (phrases may end in *): exact
    phrases first, then the longest pattern that matches."""
    if matched in table:
        return table[matched]
    matchers = _MATCHERS.get(id(table))
    if matchers is None:
        matchers = _MATCHERS[id(table)] = [
            (re.compile(_phrase_regex(p)), value) for p, value in sorted(table.items(), key=lambda kv: -len(kv[0]))]
    squashed = re.sub(r"\s+", " ", matched)
    if squashed in table:
        return table[squashed]
    for pat, value in matchers:
        if pat.fullmatch(matched):
            return value
    return None


@functools.cache
def vocab(language: str) -> _Lang | None:
    rows = [r for r in read_table(_DATA) if r["language"] in (language, "*")]
    if not rows:
        return None
    sec: dict[str, dict] = {k: {} for k in ("unit", "term", "number", "scale", "vague", "approx",
                                             "qualifier", "hedge", "determiner")}
    for r in rows:
        p, v, extra = r["phrase"].lower(), r["value"], r.get("extra", "")
        s = r["section"]
        if s == "term":
            sec[s][p] = (v, extra == "noun")
        elif s in ("number", "scale", "approx"):
            sec[s][p] = int(v)
        elif s == "vague":
            sec[s][p] = (int(v), int(extra))
        else:
            sec[s][p] = v
    digits = r"\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?![\d])|\d+(?:[.,]\d{1,2})?(?![\d])"
    scale = _alternation(sec["scale"])
    word = _alternation(list(sec["number"]) + list(sec["scale"]))
    number_re = re.compile(
        r"(?<![\w\ufffd.,])(?:"
        rf"(?P<approx>{_alternation(sec['approx'])})"
        rf"|(?P<vague>{_alternation(sec['vague'])})"
        rf"|(?P<digits>{digits})(?:\s*(?P<scale>{scale})(?![\w\ufffd]))?"
        rf"|(?P<words>(?:{word})(?:(?:\s+(?:y|e|et)\s+|\s+|-)(?:{word}))*)(?![\w\ufffd])"
        r")")
    return _Lang(
        units=sec["unit"], terms=sec["term"], numbers=sec["number"], scales=sec["scale"],
        vague=sec["vague"], approx=sec["approx"], qualifiers=sec["qualifier"], hedges=sec["hedge"],
        unit_re=re.compile(r"(?:{})(?![\w\ufffd])".format(_alternation(sec["unit"]))),
        term_re=_bounded(_alternation(sec["term"])),
        number_re=number_re,
        qualifier_re=re.compile(r"(?:^|(?<=[\s(\[\"“«]))(?:{})\s+$".format(_alternation(sec["qualifier"]))),
        hedge_re=_bounded(_alternation(sec["hedge"])),
        determiner_re=re.compile(r"(?<![\w\ufffd])(?:{})\s+$".format(_alternation(sec["determiner"] or {"\x00": ""}))),
    )


@functools.lru_cache(maxsize=1)
def languages() -> frozenset[str]:
    """The languages this extractor reads (those with vocabulary)."""
    return frozenset(r["language"] for r in read_table(_DATA) if r["language"] != "*")


# ---------------------------------------------------------------------------- numbers

@dataclass
class _Number:
    start: int  # the number proper (without the qualifier)
    end: int
    low: int | None
    best: int | None
    high: int | None
    qualifier: str | None
    q_start: int


def _digits_value(digits: str, scale: int | None) -> int | None:
    compact = re.sub(r"[\s\u00a0\u202f]", "", digits)
    if re.fullmatch(r"\d+[.,]\d{1,2}", compact):  # a decimal: only with a scale ("2,5 millones")
        return round(float(compact.replace(",", ".")) * scale) if scale else None
    return int(re.sub(r"[.,]", "", compact)) * (scale or 1)


def _words_value(words: str, v: _Lang) -> int | None:
    total, current, seen = 0, 0, 0
    for w in re.findall(r"[\w\ufffd]+", words):
        if w in ("y", "e", "et"):
            continue
        n = _lookup(v.numbers, w)
        if n is not None:
            current = current * n if n == 100 and 0 < current < 10 else current + n  # "deux cents"
            seen += 1
            continue
        s = _lookup(v.scales, w)
        if s is None:
            return None
        total += max(current, 1) * s
        current = 0
        seen += 1
    value = total + current
    return value or None


def _numbers(text: str, folded: str, lo: int, hi: int, v: _Lang) -> list[_Number]:
    out = []
    for m in v.number_re.finditer(folded, lo, hi):
        low = high = None
        if m.group("approx"):
            best = _lookup(v.approx, m.group("approx"))
            low = high = best
            qualifier = text[m.start():m.end()].lower().rsplit(" ", 1)[0]
        elif m.group("vague"):
            low, high = _lookup(v.vague, m.group("vague"))
            best, qualifier = low, None
        elif m.group("digits"):
            scale = _lookup(v.scales, m.group("scale")) if m.group("scale") else None
            best = _digits_value(m.group("digits"), scale)
            qualifier = None
        else:
            words = m.group("words")
            if re.fullmatch(r"(?:un|una|uno|une|um|uma)", words):
                continue  # an article, not a count
            best = _words_value(words, v)
            qualifier = None
        if not best:
            continue
        if low is None and high is None:
            low = high = best
        q_start = m.start()
        if not (m.group("approx") or m.group("vague")):
            q = v.qualifier_re.search(folded, max(lo, m.start() - 40), m.start())
            if q:
                kind = _lookup(v.qualifiers, q.group(0).strip())
                qualifier, q_start = text[q.start():q.end()].strip().lower(), q.start()
                if kind == "lower":
                    high = None
                elif kind == "upper":
                    low = None
        out.append(_Number(m.start(), m.end(), low, best, high, qualifier, q_start))
    return out


# ---------------------------------------------------------------------------- figures

@dataclass
class _Count:
    num: _Number
    unit: str
    unit_start: int
    unit_end: int
    category: str | None  # when the counted word is itself a figure word ("evacuados")


def _counted(folded: str, n: _Number, hi: int, v: _Lang) -> _Count | None:
    """The noun right after a number (one word may stand between: "2.000 nuevos
    desplazados"), as a unit or a figure word naming the people counted."""
    pos = n.end
    m = _OF.match(folded, pos, hi)
    pos = m.end() if m else pos
    for skip in (0, 1):
        start = pos
        if skip:
            w = _WORD.match(folded, pos, hi)
            if not w:
                return None
            start = w.end()
            s = re.compile(r"\s+").match(folded, start, hi)
            if not s:
                return None
            start = s.end()
        u = v.unit_re.match(folded, start, hi)
        if u and (start == 0 or not re.match(r"[\w\ufffd]", folded[start - 1])):
            return _Count(n, _lookup(v.units, u.group(0)), u.start(), u.end(), None)
        t = v.term_re.match(folded, start, hi)
        if t:
            cat, noun = _lookup(v.terms, t.group(0))
            if noun:
                return _Count(n, "people", t.start(), t.end(), cat)
    return None


def _fits(cat: str, unit: str) -> bool:
    return cat in HOME_OK if unit == "homes" else cat not in HOUSING


def _hedge(folded: str, lo: int, hi: int, v: _Lang) -> str:
    h = v.hedge_re.search(folded, lo, hi)
    return _lookup(v.hedges, h.group(0)) if h else "asserted"


def _sentence_figures(text: str, folded: str, sent: Sentence, v: _Lang, published: str | None) -> list[Figure]:
    lo, hi = sent.start, sent.end
    counts: list[_Count] = []
    for n in _numbers(text, folded, lo, hi, v):
        c = _counted(folded, n, hi, v)
        if c is not None:
            counts.append(c)
    if not counts:
        return []
    terms = [(m.start(), m.end(), *_lookup(v.terms, m.group(0))) for m in v.term_re.finditer(folded, lo, hi)]
    breaks = [m.start() for m in _STOP.finditer(folded, lo, hi)]
    out = []
    for i, c in enumerate(counts):
        prev_end = counts[i - 1].unit_end if i else lo
        next_start = counts[i + 1].num.q_start if i + 1 < len(counts) else hi
        cat, where = c.category, (c.unit_start, c.unit_end)
        if cat is None or not _fits(cat, c.unit):
            best = None
            for t_start, t_end, t_cat, noun in terms:
                if t_start < prev_end or t_end > next_start or not _fits(t_cat, c.unit):
                    continue
                if c.num.q_start <= t_start < c.unit_end:
                    continue
                if noun and v.determiner_re.search(folded, max(lo, t_start - 12), t_start):
                    continue  # "sobre los desplazados": other people, not this count
                if any(min(t_end, c.num.start) <= b < max(t_start, c.unit_end) for b in breaks):
                    continue  # another clause
                after = t_start >= c.unit_end
                gap = folded[c.unit_end:t_start] if after else folded[t_end:c.num.q_start]
                d = len(_WORD.findall(gap)) + (0 if after else 0.5)
                if best is None or d < best[0]:
                    best = (d, t_cat, (t_start, t_end))
            if best is None:
                continue
            cat, where = best[1], best[2]
        ev_start = min(c.num.q_start, where[0])
        ev_end = max(c.unit_end, where[1])
        hedge_lo = max(prev_end, min(c.num.q_start, where[0] - 30))
        certainty = _hedge(folded, hedge_lo, where[0], v) if where[0] > c.unit_end or where[0] < c.num.q_start \
            else "asserted"
        out.append(Figure(
            category=cat, low=c.num.low, best=c.num.best, high=c.num.high,
            unit="people" if c.unit == "people" else "households",
            qualifier=c.num.qualifier, kind=_kind(cat), place=None, date_start=None, date_end=published,
            source=None, certainty=certainty, start=ev_start, end=ev_end, sentence=sent.text,
            text=text[c.num.start:c.num.end], unit_stated=text[c.unit_start:c.unit_end], method="lexical"))
    return out


@functools.cache
def _kinds() -> dict[str, str]:
    from .figures import vocab as figure_vocab
    return figure_vocab().kind


def _kind(cat: str) -> str:
    return _kinds().get(cat, "flow")


def _split_sentences(text: str) -> list[Sentence]:
    out, start = [], 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[^\s])|\n\s*\n", text):
        seg = text[start:m.start()]
        if seg.strip():
            out.append(Sentence(start, start + len(seg.rstrip()), seg.rstrip()))
        start = m.end()
    seg = text[start:]
    if seg.strip():
        out.append(Sentence(start, start + len(seg.rstrip()), seg.rstrip()))
    return out


def find_figures(text: str, language: str, *, sentences: list[Sentence] | None = None,
                 published: str | None = None) -> list[Figure]:
    """Figures of a Spanish/French/Portuguese text, read lexically ([] for other languages)."""
    v = vocab(language)
    if v is None or not text:
        return []
    folded = fold(text)
    figs: list[Figure] = []
    for sent in sentences or _split_sentences(text):
        figs.extend(_sentence_figures(text, folded, sent, v, published))
    figs.sort(key=lambda f: (f.start, f.end, f.category))
    return figs


def extract_lexical_figures(parsed, ex: Extraction) -> list[Figure]:
    """The pipeline stage for a non-English report of a lexical language."""
    art = ex.article
    return find_figures(art.text, art.language or "", sentences=ex.sentences or None,
                        published=art.published)
