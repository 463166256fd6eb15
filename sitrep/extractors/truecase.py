"""Case restoration, the stage before cleaning and parsing: reports delivered all in lower
case or all in capitals get their capitals back, because spaCy's tagger and NER (and every
stage that reads a capital as a name) miss most names in such text.

`restore_article(article)` (called by `pipeline.prepare`) and `restore_case(text)` leave
text alone unless `degenerate_case` finds it set in one case (almost no lower-case letters;
or almost no capitals and several sentences opening in lower case; an excerpt of one
sentence is not a report) and English. Otherwise the text becomes a copy of the same
length in which only the case of letters differs: every offset into it is an offset into
the delivered text. `article.text` is that restored body (every item's offsets and
sentences point into it, as for any report); the delivered body stays in
`article.raw_text`. Mixed-case text is only inspected (letters counted), never rewritten.

A word's case, first rule that applies:
- names of several words: the actor tables' names and aliases (`data/actors.csv`,
  `regions.csv`), hyphenated or dotted forms of the word table ("al-Assad"), gazetteer
  names (`gazetteer.py`: names, alternate names, abbreviations, demonyms) unless made of
  common words only ("high point"), then only for a region or a place large enough for
  where the words stand ("in rolling meadows");
- acronyms: the actor tables' all-capital aliases and the word table's ("SANA", "NATO",
  "UN"), not one that is mostly a common word ("WHO", "CARE"; "us" only in a country's
  slots: "the us", "us forces", "us-led");
- the word table (`data/word_case.csv`, scripts/build_word_case.py): the usual case of 10k
  words mid-sentence in cased news, alone and beside other capitalised words ("Syria",
  "Monday" always; "states", "north" only in a name of several words);
- words the table does not know: a name unless an English word (the spaCy model's
  lemmatizer word lists); an English word only as a country's or a large place's name,
  not after "a", "the", "his" unless a noun follows ("a winnipeg jail", not "a hail of");
- words capitalised as often as not ("president") beside a capitalised name;
- names before a street or settlement word ("cooper street", "parkers prairie township"),
  lists before "counties", datelines in capitals ("TORRINGTON —", as wires set them and
  the places stage reads them), sentence starts (after . ! ? and at line starts), "I",
  the word after a title ("Mr.", "Gen."), month names that are words ("in may").
The word lists are in `data/truecase_terms.csv`.

The rules are written here rather than taken from a truecasing package: those on the
package index learn a general language model (and need NLTK); sitrep's names are those of
its gazetteer and actor tables, and they decide here.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal, NamedTuple

from ..models import Article
from ..vocab import read_table
from .place_recognition import SETTLEMENT_HEADS, STREET_NOUNS

Case = Literal["lower", "upper"]

# Degenerate text: capitals are under this share of the cased letters (natural English
# news has 3-6%) and most sentences start in lower case; or lower-case letters are.
LOWER_CAPITALS_MAX = 0.02
UPPER_LOWERS_MAX = 0.02
LOWER_STARTS_MIN = 0.6
MIN_LETTERS = 12
MIN_STARTS = 2  # sentence openings after . ! ? (besides the first)
SAMPLE = 5000
# Share of English function words ("the", "of", "was" ...) a degenerate text needs to be
# taken as English (English news: about 0.25; Spanish or French: under 0.05).
ENGLISH_SHARE = 0.1
# Word table: a word usually capitalised mid-sentence is capitalised; one capitalised
# as often as not only beside a name; one usually lower case stays so.
CAPITAL = 0.7
MAYBE = 0.3
# A place this populous is named even when its name is an English word the word table
# does not know ("glasgow", "cairns"; WordNet lists many place names); where the words
# stand as a place's name does ("in decatur", "roselle police"), one of CONTEXT_POPULATION.
ENGLISH_PLACE_POPULATION = 100_000
CONTEXT_POPULATION = 5_000
# A name of several common words ("high point", "new town") only for a place this large.
PHRASE_POPULATION = 50_000
MAX_PHRASE = 6
# A word table acronym that is also an English word is taken when counted this often.
ACRONYM_COUNT = 20
# A word counted this often but (almost) never alone is capitalised only in names of
# several words ("Observatory", "Fort"); a capitalised English word counted fewer than
# SURE_COUNT times is not trusted alone ("Nice").
RUN_WORD_COUNT = 10
SURE_COUNT = 10

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE_OPENING = re.compile(r"(?:^\s*|[.!?]\s+)[\"'“‘(\[]*([^\W\d_])")
_POSSESSIVE = re.compile(r"['’]s$")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+[\"'“‘(\[]*$")
# The places stage reads "X Street", "X Springs", "X County" as names when capitalised.
_HEADS = (frozenset(w for w in STREET_NOUNS if "." not in w) | SETTLEMENT_HEADS
          | {"county", "parish", "township", "borough"})
_ABBREVIATED_HEADS = frozenset(w.rstrip(".") for w in STREET_NOUNS if w.endswith("."))
_DATELINE_END = re.compile(r"\s*(?:—|–|--?\s)|, [a-z]{2,5}\.")
_REGIONS = frozenset({"country", "admin1", "admin2", "continent", "region", "water"})



@functools.lru_cache(maxsize=1)
def _terms() -> dict[str, frozenset[str]]:
    """The word lists of data/truecase_terms.csv by name ("not_sentence_end" includes the
    titles)."""
    terms = {row["list"]: frozenset(row["words"].split()) for row in read_table("truecase_terms.csv")}
    terms["not_sentence_end"] = terms["not_sentence_end"] | terms["titles"]
    return terms


def _words_of(name: str) -> frozenset[str]:
    return _terms()[name]


# ---------------------------------------------------------------------------- detection

def in_case(text: str, case: Case) -> str:
    """`text` all in lower or upper case, character for character: a letter whose other
    case is not one character ("ß" -> "SS") stays as it is, so every offset into `text`
    points at the same character of the result."""
    change = str.lower if case == "lower" else str.upper
    out = change(text)
    if len(out) == len(text):
        return out
    return "".join(c2 if len(c2 := change(c)) == 1 else c for c in text)


def capitalised(word: str) -> str:
    """`word` with its first letter in upper case (left alone if that would change its length)."""
    first = word[:1].upper()
    return first + word[1:] if len(first) == len(word[:1]) else word


def degenerate_case(text: str) -> Case | None:
    """"lower" or "upper" when `text` is set all in one case, else None (mixed case, or too
    few letters to tell). Reads at most the first SAMPLE characters: a report set in one
    case is so throughout."""
    sample = text[:SAMPLE]
    upper = sum(map(str.isupper, sample))
    lower = sum(map(str.islower, sample))
    letters = upper + lower
    if letters < MIN_LETTERS:
        return None
    if lower <= UPPER_LOWERS_MAX * letters:
        return "upper"
    if upper > LOWER_CAPITALS_MAX * letters:
        return None
    # Sentences must start in lower case, and there must be several: a one-sentence
    # excerpt in lower case ("more than 2,000 houses were damaged") is a fragment, not a
    # report set in lower case. Line starts do not count: hard-wrapped text starts its
    # lines in lower case.
    starts = [m.group(1) for m in _SENTENCE_OPENING.finditer(sample)]
    if len(starts) < MIN_STARTS:
        return None
    return "lower" if sum(map(str.islower, starts)) >= LOWER_STARTS_MIN * len(starts) else None


def restore_case(text: str) -> str:
    """`text` with its case restored when it is English set all in lower case or all in
    capitals; otherwise `text` itself. Same length, same characters but for case."""
    if not degenerate_case(text):
        return text
    low = in_case(text, "lower")
    words = _TOKEN.findall(low[:4000])
    if sum(1 for w in words if w in _words_of("function")) < ENGLISH_SHARE * len(words):
        return text  # not English (a Spanish report in capitals): the rules are English
    return _Restorer(low, lexicon()).run()


def restore_article(article: Article) -> Article:
    """The stage before cleaning and parsing: a report delivered all in one case gets its
    capitals back in `text` (and in a title set the same way); the text as delivered stays
    in `raw_text`. Every offset into the restored text is an offset into the delivered
    one. Mixed-case reports and reports already cleaned (read back from a store) are
    returned untouched."""
    if article.id and article.fingerprint and article.language:
        return article
    text = restore_case(article.text or "")
    if text is article.text:
        return _restore_headline(article)
    if article.raw_text is None:
        article.raw_text = article.text
    article.case_source = article.text
    article.text = text
    title = article.title or ""
    if title in (in_case(title, "lower"), in_case(title, "upper")):
        article.title = truecase(title)
    return article


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
TITLE_MIN_WORDS, TITLE_SHARE = 4, 0.75
_MINOR_WORDS = frozenset({"a", "an", "the", "and", "or", "but", "nor", "as", "at", "by", "for", "in", "of", "on", "to",
                          "with", "from", "via", "per", "vs"})
HEADLINE_MAX = 200  # a headline is the text's first line (or first sentence) up to this long


# words that go on a sentence a quotation ending in "?" or "!" sits in
_QUOTE_GOES_ON = frozenset({"and", "or", "but", "nor", "said", "says", "asked", "shouted", "chanted"})


def title_cased(line: str) -> bool:
    """A headline In Title Case: most words capitalised, some of them ordinary words the
    word table says are written in lower case ("Georgia Arrests Opposition Members"), or
    English words it does not know."""
    words = _WORD.findall(line)
    if len(words) < TITLE_MIN_WORDS or line.isupper():
        return False
    caps = [w for w in words if w[0].isupper()]
    # the short words Title Case styles keep in lower case ("Blast at Baghlan Mosque Kills
    # Worshippers as Taliban and NRF Clash in Baghlan") do not count against it
    major = [w for w in words if w[0].isupper() or w.lower() not in _MINOR_WORDS]
    if len(caps) < TITLE_SHARE * len(major):
        return False
    lex = lexicon()
    return sum(1 for w in caps[1:] if _ordinary(w.lower(), lex)) >= 2


def _ordinary(word: str, lex) -> bool:
    """A word written in lower case mid-sentence: so says the word table, or, when the table
    does not know it, it is English ("injures" in "Blast Injures Three in Abkhazia")."""
    strength = lex.strength(word)
    return strength == "lower" or (strength is None and is_english(word, lex.english))


def delivered_case(article: Article) -> Article:
    """After cleaning: `text` gets back the case the report was delivered in (evidence is
    quoted from it), the restored body moves to `parse_text` for the parser. Only case
    differs between the two, line by line (see `with_source_case`)."""
    delivered = article.case_source
    if delivered is None:
        return article
    article.parse_text = article.text
    article.text = with_source_case(article.text, delivered)
    article.case_source = None
    return article


def with_source_case(pred_text: str, source: str) -> str:
    """`pred_text` (a cleaned body) given back its source's case: each of its lines is
    matched, in order, to the source line it came from (the same line but for case) and
    takes that line's case; a line cleaning changed is left as it is."""
    src_lines = source.split("\n")
    out, j = [], 0
    for line in pred_text.split("\n"):
        key = line.lower().rstrip()
        k = j
        while k < len(src_lines) and src_lines[k].lower().rstrip() != key:
            k += 1
        if k < len(src_lines):
            out.append(src_lines[k][:len(line)])
            j = k + 1
        else:
            out.append(line)
    return "\n".join(out)


def _restore_headline(article: Article) -> Article:
    """A Title Case headline (the text's first line) set in sentence case, as the parser
    reads headlines best; the same length, so offsets hold."""
    text = article.text or ""
    end = min((i for i in (text.find("\n"), text.find(". ")) if i > 0), default=-1)
    if end < 0 or end > HEADLINE_MAX or not title_cased(text[:end]):
        return article
    if article.raw_text is None:
        article.raw_text = text
    article.case_source = text
    article.text = _keep_acronyms(text[:end], truecase(text[:end])) + text[end:]
    return article


_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]+\b")


def _keep_acronyms(headline: str, restored: str) -> str:
    """A Title Case headline's words in capitals are acronyms its writer set so ("Taliban
    and NRF Clash"), whatever the tables know: they keep their capitals."""
    out = list(restored)
    for m in _ACRONYM.finditer(headline):
        out[m.start():m.end()] = headline[m.start():m.end()]
    return "".join(out)


# ---------------------------------------------------------------------------- lexicon

class WordCase(NamedTuple):
    """A word's row of the word table."""
    form: str  # usual form mid-sentence ("Syria", "the", "NATO")
    n: int  # times counted
    share: float  # share capitalised
    alone: float | None  # share capitalised with no capitalised neighbour (None: too rare alone)


@dataclass(frozen=True)
class Lexicon:
    words: dict[str, WordCase]  # single lower-case word -> its row
    phrases: dict[str, str]  # "free syrian army" (lower-case tokens, space-joined) -> "Free Syrian Army"
    acronyms: dict[str, str]  # "sana" -> "SANA"
    english: frozenset[str]  # English words of any case (lemmas of the model's lemmatizer)
    nouns: frozenset[str]  # the nouns among them
    verbs: frozenset[str]  # the verbs among them

    def strength(self, word: str) -> str | None:
        """What the word table says of a lower-case word: "capital" (a name wherever it
        stands), "maybe" (capitalised in names of several words: "states", "north"),
        "lower", or None (not in the table)."""
        row = self.words.get(word)
        if row is None:
            return None
        if row.alone is None and row.n < RUN_WORD_COUNT:  # rare: the overall share decides
            if row.share >= CAPITAL:
                return "maybe" if row.n < SURE_COUNT and is_english(word, self.english) else "capital"
        elif row.alone is not None and row.alone >= CAPITAL:
            return "capital"
        return "maybe" if row.share >= MAYBE else "lower"


def tokens_of(text: str) -> list[re.Match]:
    return list(_TOKEN.finditer(text))


def _phrase_key(form: str) -> str:
    return " ".join(m.group().lower() for m in _TOKEN.finditer(form))


def _add_form(lex_phrases: dict[str, str], acronyms: dict[str, str], form: str) -> None:
    toks = [m.group() for m in _TOKEN.finditer(form)]
    if not toks or form == form.lower():
        return
    if len(toks) == 1 and "." not in toks[0]:
        if toks[0].isupper() and len(toks[0]) > 1:
            acronyms.setdefault(toks[0].lower(), toks[0])
        return
    lex_phrases.setdefault(_phrase_key(form), form)


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    words: dict[str, WordCase] = {}
    phrases: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    for row in read_table("word_case.csv"):
        form, share = row["form"], float(row["capital_share"])
        toks = _TOKEN.findall(form)
        if len(toks) == 1 and toks[0] == form and "." not in form:
            alone = float(row["alone_share"]) if row["alone_share"] else None
            words[form.lower()] = WordCase(form, int(row["n"]), share, alone)
        elif share >= CAPITAL or form != form.lower():
            phrases.setdefault(_phrase_key(form), form)
    for name in ("actors.csv", "regions.csv"):
        for row in read_table(name):
            for form in [row["name"], *row["aliases"].split("|")]:
                _add_form(phrases, acronyms, form.strip())
    english, nouns, verbs = _english_words()
    # The word table's acronyms of three letters or more, when they are no English word or
    # are frequent ("cop" and "aids" are words in local news, "CIA" is not); the actor
    # tables' acronyms are chosen by hand.
    for key, row in words.items():
        if row.form.isupper() and len(key) > 2 and row.share >= CAPITAL and (
                row.n >= ACRONYM_COUNT or not is_english(key, english)):
            acronyms.setdefault(key, row.form)
    # An acronym that is mostly a common word ("who", "care") is the word.
    acronyms = {k: v for k, v in acronyms.items() if k not in words or words[k].share >= MAYBE}
    return Lexicon(words, phrases, acronyms, english, nouns, verbs)


@functools.lru_cache(maxsize=1)
def _local_words() -> frozenset[str]:
    """First words of data/local_heads.csv: "police", "resident", "woman" after a town."""
    return frozenset(row["phrase"].split()[0].lower() for row in read_table("local_heads.csv")) | {"police"}


def _english_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """English words, nouns and verbs from the spaCy model's lemmatizer tables (WordNet
    lemmas and irregular forms, all lower case; WordNet's proper nouns among them). Empty
    when the configured pipeline has no such tables."""
    from .parse import load_nlp

    try:
        lookups = load_nlp().get_pipe("lemmatizer").lookups
    except (KeyError, AttributeError):
        return frozenset(), frozenset(), frozenset()
    out: dict[str, set[str]] = {"all": set(), "noun": set(), "verb": set()}
    for name in ("lemma_index", "lemma_exc"):
        if not lookups.has_table(name):
            continue
        table = lookups.get_table(name)
        for pos in ("adj", "adv", "noun", "verb"):
            found = {w for w in (table.get(pos) or ()) if w.isalpha()}
            out["all"] |= found
            if pos in out:
                out[pos] |= found
    return frozenset(out["all"]), frozenset(out["noun"]), frozenset(out["verb"])


def is_english(word: str, english: frozenset[str]) -> bool:
    """`word` (lower case) or an inflection of it is an English word."""
    if word in english:
        return True
    stems = []
    for suffix, repl in (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ied", "y"),
                         ("ing", ""), ("ing", "e"), ("er", ""), ("est", ""), ("ly", ""), ("d", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)] + repl
            stems.append(stem)
            if len(stem) > 2 and stem[-1] == stem[-2]:  # stopped -> stop
                stems.append(stem[:-1])
    return any(s in english for s in stems)


# ---------------------------------------------------------------------------- restoration

def _cased_like(token: str, form: str) -> str:
    """`token` (lower case) with `form`'s case where they spell the same letters, else
    title-cased."""
    if len(form) == len(token) and in_case(form, "lower") == token:
        return form
    return capitalised(token)


def _title_phrase(toks: list[str]) -> list[str]:
    """A place name's words capitalised, particles inside it left alone ("Bab al Hawa")."""
    return [t if (i and t in _words_of("particles")) else capitalised(t) for i, t in enumerate(toks)]


def _gap_joins(text: str, a: re.Match, b: re.Match) -> bool:
    return text[a.end():b.start()] in (" ", "-")


class _Restorer:
    """One pass over one lower-case text: decide each token's form, then write them."""

    def __init__(self, low: str, lex: Lexicon):
        self.low, self.lex = low, lex
        self.toks = tokens_of(low)
        self.words = [t.group() for t in self.toks]
        self.forms: list[str | None] = [None] * len(self.toks)  # decided form (None: lower)
        self.named = [False] * len(self.toks)  # capitalised as a name (not an acronym)
        # run_end[i]: the last token of the run of words that token i starts (words a space
        # or a hyphen apart): names never cross punctuation or a line.
        self.run_end = list(range(len(self.toks)))
        for k in range(len(self.toks) - 2, -1, -1):
            if _gap_joins(low, self.toks[k], self.toks[k + 1]):
                self.run_end[k] = self.run_end[k + 1]
        self.keys: dict[tuple[int, int], str] = {}  # (i, j) -> gazetteer key of tokens i..j
        self.starts: list[bool] = []  # token i starts a sentence or a line

    def run(self) -> str:
        gaz = self._gazetteer_hits()
        self._phrases(gaz)
        maybe = self._words(gaz)
        self._heads()
        self._neighbours(maybe)
        self._context()
        self._datelines(gaz)
        return self._write()

    def _gazetteer_hits(self) -> dict[str, list]:
        """Gazetteer entries of every run of one to four words that neither starts nor ends
        with a function word, in one batched lookup."""
        from .gazetteer import get_gazetteer, norm_name

        for i, word in enumerate(self.words):
            if word in _words_of("function"):
                continue
            for j in range(i, min(self.run_end[i], i + 3) + 1):
                if self.words[j] not in _words_of("function"):
                    self.keys[i, j] = norm_name(self.low[self.toks[i].start():self.toks[j].end()])
        return get_gazetteer().lookup(set(self.keys.values()))

    def _phrases(self, gaz: dict[str, list]) -> None:
        """Longest names of two words or more, left to right."""
        i, n = 0, len(self.toks)
        while i < n:
            for j in range(min(self.run_end[i], i + MAX_PHRASE - 1), i, -1):
                words = self.words[i:j + 1]
                form = self.lex.phrases.get(" ".join(words))
                if form:
                    forms = [m.group() for m in _TOKEN.finditer(form)]
                    new = [_cased_like(w, f) for w, f in zip(words, forms, strict=False)]
                elif (i, j) in self.keys and self._place_phrase(i, j, gaz.get(self.keys[i, j])):
                    new = _title_phrase(words)
                else:
                    continue
                for k, f in enumerate(new):
                    self.forms[i + k], self.named[i + k] = f, f != words[k]
                i = j
                break
            i += 1

    def _common(self, word: str) -> bool:
        strength = self.lex.strength(word)
        return strength == "lower" if strength else is_english(word, self.lex.english)

    def _place_phrase(self, i: int, j: int, entries: list | None) -> bool:
        """Tokens i..j name a gazetteer place: unless all are common words ("high point"),
        a region or a place large enough for where it stands."""
        words = [t.group() for t in self.toks[i:j + 1]]
        if not entries or words[0] in _words_of("function") or words[-1] in _words_of("function"):
            return False
        if not all(self._common(w) for w in words):
            return True
        return any(e.feature in _REGIONS for e in entries) or self._large_enough(entries, i, j, PHRASE_POPULATION)

    def _large_enough(self, entries, i: int, j: int, population: int) -> bool:
        """A place of at least `population` people; of CONTEXT_POPULATION where the words
        stand as a place's name does: after "in", "of", "near" ..., or before a word for
        its people or institutions ("roselle police", "a lombard resident")."""
        prev = self.toks[i - 1].group() if i else ""
        nxt = self.toks[j + 1].group() if j + 1 < len(self.toks) else ""
        if prev in _words_of("place_before") or nxt in _local_words():
            population = CONTEXT_POPULATION
        return any(e.population >= population for e in entries)

    def _words(self, gaz: dict[str, list]) -> list[tuple[int, str]]:
        """Single words not in a phrase; returns the tokens capitalised only beside a name."""
        from .gazetteer import norm_name

        maybe = []
        for i, t in enumerate(self.toks):
            if self.forms[i] is not None:
                continue
            word = _POSSESSIVE.sub("", t.group())
            form, strength = self._word_form(i, word, gaz.get(norm_name(word)))
            if form is None:
                continue
            full = form + t.group()[len(word):]
            if strength == "capital":  # a day's capital makes no neighbour a name ("into the sea Monday")
                self.forms[i], self.named[i] = full, not form.isupper() and word not in _words_of("calendar")
            else:
                maybe.append((i, full))
        return maybe

    def _acronym_context(self, i: int) -> bool:
        """An acronym that is also a common word ("us") is the acronym after "the", before
        a hyphen ("us-led") or a word of government ("us forces"), or before a noun where
        no verb or preposition governs it ("that us policies"; not "told us the news")."""
        prev = self.toks[i - 1].group() if i else ""
        nxt = self.toks[i + 1].group() if i + 1 < len(self.toks) else ""
        if prev == "the" or self.low[self.toks[i].end():][:1] == "-" or nxt in _words_of("state_words"):
            return True
        lex = self.lex
        if prev in _words_of("prepositions") or is_english(prev, lex.verbs) or nxt in _words_of("function") or not nxt:
            return False
        return _gap_joins(self.low, self.toks[i], self.toks[i + 1]) and is_english(nxt, lex.nouns)

    def _word_form(self, i: int, word: str, entries: list | None) -> tuple[str | None, str]:
        """(form, "capital" | "maybe") for a word standing alone, or (None, "lower")."""
        lex = self.lex
        if word in lex.acronyms:
            if lex.strength(word) in (None, "capital") or self._acronym_context(i):
                return lex.acronyms[word], "capital"
            return None, "lower"
        if word in _words_of("months_ambiguous"):
            return None, "lower"  # "residents march", "the march": a month only after its cues (_context)
        if "." in word:  # u.s., d.c.: initials
            return (None, "lower") if word in ("a.m.", "p.m.", "e.g.", "i.e.") else (in_case(word, "upper"), "capital")
        if self._state_abbreviation(i, entries):
            return capitalised(word), "capital"
        strength = lex.strength(word)
        after_determiner = i > 0 and self.words[i - 1] in _words_of("determiners")
        if strength == "capital" and word in _words_of("common_noun_places") and after_determiner:
            strength = "maybe"  # "a turkey", "his last turkey"
        elif strength is None:
            strength = "lower" if self._prefix(i) else self._unknown_word(i, word, entries)
        if strength == "lower":
            return None, "lower"
        row = lex.words.get(word)
        return (_cased_like(word, row.form) if row else capitalised(word)), strength

    def _state_abbreviation(self, i: int, entries: list | None) -> bool:
        """ "columbia, ky. (wbko)": a region's abbreviation with its dot after a comma."""
        t = self.toks[i]
        return (self.low[t.end():t.end() + 1] == "." and self.low[max(0, t.start() - 2):t.start()] == ", "
                and any(e.kind == "abbr" and e.feature == "admin1" for e in entries or ()))

    def _prefix(self, i: int) -> bool:
        """The word is the first part of a hyphenated English word ("agri-food"; not
        "atlanta-area", "roswell-based")."""
        if i + 1 >= len(self.toks) or self.low[self.toks[i].end():self.toks[i + 1].start()] != "-":
            return False
        nxt = self.toks[i + 1].group()
        return nxt not in _words_of("place_suffixes") and self._common(nxt)

    def _unknown_word(self, i: int, word: str, entries: list | None) -> str:
        """A word the table does not know: a name unless it is an English word; an English
        word only as the name of a country or a large place, and not after "a", "his" ..."""
        places = [e for e in entries or () if e.kind != "abbr" or len(word) > 3]
        if not is_english(word, self.lex.english):
            return "capital" if places or len(word) > 2 else "lower"
        if self._common_noun(i):
            return "lower"
        country = any(e.feature in ("country", "continent") and e.kind == "name" for e in places)
        return "capital" if country or self._large_enough(places, i, i, ENGLISH_PLACE_POPULATION) else "lower"

    def _common_noun(self, i: int) -> bool:
        """After "a", "the", "his" ... an English word that names a place is the common
        noun ("a hail of bullets", "pardoned the turkey") unless a noun follows ("a
        winnipeg jail")."""
        if not i or self.toks[i - 1].group() not in _words_of("determiners"):
            return False
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
        return not (nxt and _gap_joins(self.low, self.toks[i], nxt) and nxt.group() not in _words_of("function")
                    and is_english(nxt.group(), self.lex.nouns))

    def _heads(self) -> None:
        """Names before a street or settlement word ("cooper street" -> "Cooper Street",
        "parkers prairie township") and lists before "counties" ("becker, clay and wilkin
        counties"): the words the places stage reads as such names when capitalised."""
        for i, t in enumerate(self.toks):
            head = t.group()
            if head in _words_of("list_heads"):
                self._name_list(i)
            elif head in _HEADS or (head in _ABBREVIATED_HEADS and self.low[t.end():t.end() + 1] == "."):
                span = self._name_before(i) or self._address(i) or self._street_after_preposition(i)
                for k in span:
                    self.forms[k], self.named[k] = capitalised(self.toks[k].group()), True
                if span:
                    self.forms[i], self.named[i] = capitalised(head), True

    def _name_before(self, i: int, limit: int = 3) -> list[int]:
        """The words right before token i that can be a name (not function words, not
        words the table keeps lower case), at most `limit`."""
        out = []
        j = i - 1
        while j >= 0 and len(out) < limit and _gap_joins(self.low, self.toks[j], self.toks[j + 1]):
            word = self.toks[j].group()
            if word in _words_of("function") or word in _words_of("determiners") or (self.lex.strength(word) == "lower"
                                                              and not self.named[j]):
                break
            out.append(j)
            j -= 1
        return out

    def _address(self, i: int) -> list[int]:
        """ "775 main st.": the words between a house number and a street word."""
        span = []
        for j in range(i - 1, max(-1, i - 4), -1):
            if self.words[j] in _words_of("function") or not _gap_joins(self.low, self.toks[j], self.toks[j + 1]):
                break
            span.append(j)
            if re.search(r"\d[a-z]?\s$", self.low[max(0, self.toks[j].start() - 3):self.toks[j].start()]):
                return span
        return []

    def _street_after_preposition(self, i: int) -> list[int]:
        """ "on main street", "at church road": one common word between "on", "at" ... and a
        street word names the street."""
        if i < 2 or self.words[i] not in STREET_NOUNS or self.words[i - 2] not in _words_of("street_before"):
            return []
        word = self.toks[i - 1].group()
        joined = _gap_joins(self.low, self.toks[i - 2], self.toks[i - 1]) and _gap_joins(
            self.low, self.toks[i - 1], self.toks[i])
        return [i - 1] if joined and word not in _words_of("function") and word not in _words_of("determiners") else []

    def _name_list(self, i: int) -> None:
        """ "becker, clay, otter tail and wilkin counties": every item of the list is a name
        of one or two words."""
        j, words_in_item = i - 1, 0
        while j >= 0:
            word = self.toks[j].group()
            if word in ("and", "or"):
                j, words_in_item = j - 1, 0
                continue
            if word in _words_of("function") or word in _words_of("determiners") or words_in_item == 2:
                return
            self.forms[j], self.named[j] = capitalised(word), True
            words_in_item += 1
            gap = self.low[self.toks[j - 1].end():self.toks[j].start()] if j else ""
            if gap in (", ", ","):
                words_in_item = 0
            elif gap != " ":
                return
            j -= 1

    def _neighbours(self, maybe: list[tuple[int, str]]) -> None:
        """A word capitalised beside a name takes its capital, and is then a name its own
        neighbours stand beside ("president barack obama": "obama", then "barack", then
        "president"), until no word changes."""
        pending = list(maybe)
        while pending:
            left_over = []
            for i, form in pending:
                left = i > 0 and self.named[i - 1] and _gap_joins(self.low, self.toks[i - 1], self.toks[i])
                right = (i + 1 < len(self.toks) and self.named[i + 1]
                         and _gap_joins(self.low, self.toks[i], self.toks[i + 1]))
                if left or right:
                    self.forms[i], self.named[i] = form, True
                else:
                    left_over.append((i, form))
            if len(left_over) == len(pending):
                break
            pending = left_over

    def _context(self) -> None:
        """Sentence starts, "I", titles before names, ambiguous month names."""
        low, toks = self.low, self.toks
        self.starts = [self._sentence_start(i) for i in range(len(toks))]
        for i, t in enumerate(toks):
            word = t.group()
            prev = toks[i - 1].group() if i else ""
            if word == "i" or word.startswith(("i'", "i’")):
                self.forms[i] = "I" + word[1:]
            elif word in _words_of("months_ambiguous") and (
                    prev in _words_of("month_cues") or re.match(r"\s+\d", low[t.end():])):
                self.forms[i] = capitalised(word)
            elif i and prev in _words_of("titles") and low[toks[i - 1].end():t.start()] == ". ":
                self.forms[i - 1] = capitalised(prev)
                self.forms[i] = self.forms[i] or capitalised(word)
            if self.starts[i]:
                self.forms[i] = capitalised(self.forms[i] or word)

    def _datelines(self, gaz: dict[str, list]) -> None:
        """A place's name opening a line or sentence before a dash or ", st." is a dateline,
        set in capitals as wires set it ("TORRINGTON —", "COLUMBIA, Ky. (WBKO) -"): the
        places stage reads datelines so."""
        from .gazetteer import norm_name

        for i in (i for i, start in enumerate(self.starts) if start):
            for j in range(min(self.run_end[i], i + 3), i - 1, -1):
                name = self.low[self.toks[i].start():self.toks[j].end()]
                if _DATELINE_END.match(self.low, self.toks[j].end()) and gaz.get(norm_name(name)):
                    for k in range(i, j + 1):
                        self.forms[k] = in_case(self.toks[k].group(), "upper")
                    if self.low[self.toks[j].end():].lstrip()[:1] in "—–-" and j + 1 < len(self.toks):
                        self.forms[j + 1] = capitalised(self.forms[j + 1] or self.toks[j + 1].group())
                    break

    def _sentence_start(self, i: int) -> bool:
        t = self.toks[i]
        before = self.low[max(0, t.start() - 12):t.start()]
        if i == 0:
            return not self.low[:t.start()].strip(" \"'“‘([")
        if "\n" in self.low[self.toks[i - 1].end():t.start()]:
            return True
        if not _SENTENCE_END.search(before):
            return False
        if t.group() in _QUOTE_GOES_ON and before.rstrip()[-1:] in "\"”'’":
            return False  # 'chanted "what curfew?" and kept going': the quote's sentence goes on
        prev = self.toks[i - 1].group()
        initials = "." in prev or (len(prev) == 1 and prev != "i")  # "u.s. military", "george w. bush"
        return prev not in _words_of("not_sentence_end") and not initials

    def _write(self) -> str:
        out, last = [], 0
        for t, form in zip(self.toks, self.forms, strict=True):
            if form is not None and form != t.group():
                out.append(self.low[last:t.start()])
                out.append(form)
                last = t.end()
        out.append(self.low[last:])
        return "".join(out)


def truecase(text: str) -> str:
    """`text`'s case restored (whatever its case now): same length, only case changed."""
    return _Restorer(in_case(text, "lower"), lexicon()).run()
