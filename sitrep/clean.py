"""Clean stage: one tidy body per report, with what surrounded it kept as metadata.

`clean_article` (idempotent; runs before the parse):
- normalises the text: NFC, one newline convention, no zero-width or control
  characters, runs of spaces collapsed, paragraph breaks kept (curly quotes untouched);
  a body marked `keep_offsets` (a JSONL record's text, which corpus offsets point into)
  is left character for character: only boilerplate lines are cut from it;
- takes the headline off the first line when no title was given and the line reads like
  a headline;
- cuts page furniture and the trailing block of related-story headlines, link lists,
  share/subscribe lines and rights notices into `article.boilerplate`;
- reads the byline ("By ...", "X is a special correspondent", "staff writer Y in Z
  contributed to this report", "(Reporting by ...)") into `byline`, `authors` and
  `contributors`. A leading "By ..." line is cut; a closing byline paragraph stays in
  the body, since it can carry facts ("... in Washington contributed").
- sets `id` (hash of the whitespace-normalised body: re-ingesting is a no-op),
  `fingerprint` (MinHash of word 5-shingles, for near-duplicate search) and `language`.

`validate_article` says whether what is left is a report sitrep can read.
The vocabularies live in `data/clean_terms.csv`.
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .bylines import BY_LINE, is_head_byline
from .errors import InputError, NotEnglishError
from .models import Article, storable
from .vocab import read_table

DATA = Path(__file__).parent / "data" / "clean_terms.csv"

NUM_PERM = 64  # MinHash signature length
SHINGLE = 5  # words per shingle
# Cheap English check: at least this share of the words are English function words.
ENGLISH_STOPWORD_SHARE = 0.18
# Below this many words a text is too short to tell its language; it is taken as English.
MIN_WORDS_FOR_LANGUAGE = 6
# Up to this many words (a headline, a feed's one-line item), a text is refused as another
# language only when the detector is this sure of it: names and English content words with
# few function words ("CoBRA jawans foil ambush in Gumla") read to it as Swahili at 0.64.
SHORT_TEXT_WORDS = 25
SHORT_TEXT_CONFIDENCE = 0.9
# Languages the detector chooses among (news languages sitrep is likely to be fed).
DETECTOR_LANGUAGES = (
    "ENGLISH", "FRENCH", "SPANISH", "PORTUGUESE", "GERMAN", "ITALIAN", "DUTCH", "RUSSIAN",
    "UKRAINIAN", "POLISH", "TURKISH", "ARABIC", "PERSIAN", "HEBREW", "URDU", "HINDI",
    "BENGALI", "CHINESE", "JAPANESE", "KOREAN", "INDONESIAN", "SWAHILI", "SOMALI",
)

# ---------------------------------------------------------------------------- text normalisation

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_RUNS = re.compile(r"\n{3,}")


_META_FIELDS = ("title", "published", "source", "url", "input_id", "path", "byline", "language")


def make_storable(article: Article) -> Article:
    """Every text field of `article` made storable (the boundary every report passes)."""
    article.text = storable(article.text)
    if article.raw_text is not None:
        article.raw_text = storable(article.raw_text)
    for name in _META_FIELDS:
        setattr(article, name, storable(getattr(article, name)))
    article.authors = [storable(a) for a in article.authors]
    return article


def normalise_text(text: str) -> str:
    """NFC, "\\n" newlines, invisible characters dropped, spaces collapsed and trimmed on
    every line, at most one blank line between paragraphs."""
    text = unicodedata.normalize("NFC", text or "")
    text = _NEWLINES.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", text).strip()


def text_id(text: str) -> str:
    """Content id of a body: sha256 of its words joined by single spaces (so whitespace
    and paragraph-break differences do not make a new article), first 16 bytes in hex."""
    canonical = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]


# ---------------------------------------------------------------------------- vocabularies

@functools.lru_cache(maxsize=1)
def _terms() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for row in read_table(DATA):
        out.setdefault(row["section"], []).append(row["phrase"].lower())
    return out


def _starts_with_any(phrases: list[str]) -> re.Pattern:
    alts = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"^[\W_]*(?:{alts})(?![\w])(?P<sep>\s*[:|»>›\-–—])?", re.I)


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    t = _terms()
    roles = "|".join(re.escape(r) for r in sorted(t["role"], key=len, reverse=True))
    return {
        "marker": _starts_with_any(t["marker"]),
        "share": _starts_with_any(t["share"]),
        "ad": re.compile(r"^[\W_]*(?:{})[\W_]*$".format("|".join(re.escape(p) for p in t["ad"])), re.I),
        "copyright": re.compile("|".join(re.escape(p) for p in t["copyright"]), re.I),
        # "X is a special correspondent" / "X and Y are staff writers"
        "is_role": re.compile(rf"^(?P<names>[A-Z][\w'’.\-]*(?:[ ,]+(?:and )?[A-Z][\w'’.\-]*){{0,7}}) "
                              rf"(?:is|was|are|were) (?:an?|the)? ?(?:[\w\-]+ ){{0,4}}(?:{roles})\b"),
        "contributed": re.compile(r"\bcontributed(?: reporting)?(?: to| from| for)?(?: this| the)? ?"
                                  r"(?:report|story|article|reporting)?\b", re.I),
        "reporting_by": re.compile(r"^\(?\s*(?:additional |writing and )?reporting by\b", re.I),
        "roles": re.compile(rf"\b(?:{roles})\b", re.I),
        "stop": re.compile(r"\b(?:{})\b".format("|".join(re.escape(w) for w in t["stopword"]))),
    }


@functools.lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(_terms()["stopword"])


# ---------------------------------------------------------------------------- line classes

_TERMINAL = ".!?…\"”’')]:;,"
_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$|^\S+@\S+\.\w+$", re.I)
# A line ending in one of these is the first half of a wrapped sentence, not a headline.
_DANGLING = frozenset("""a an the of to in on at by for from with and or but as than that which who
    while whose into onto over under about after before during between""".split())
_WORD = re.compile(r"[^\W\d_][\w'’\-]*|\d[\d,.]*")
_LETTERS = re.compile(r"[^\W\d_]+")
# A rights notice starts with the sign or the word, or says the rights are reserved.
_RIGHTS = re.compile(r"^[\W_]*(?:©|\(c\)|copyright)|rights reserved|appeared first on|may not be "
                     r"(?:published|reproduced|redistributed)", re.I)


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def is_headline_like(line: str, *, min_words: int = 4, max_words: int = 30) -> bool:
    """A short line that does not end a sentence: a headline, not a paragraph."""
    line = line.strip()
    if not line or len(line) > 250 or line[-1] in _TERMINAL:
        return False
    words = _words(line)
    if not (min_words <= len(words) <= max_words):
        return False
    first = line.lstrip("\"“‘'(")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    return words[-1].lower() not in _DANGLING


def _is_title_case(line: str) -> bool:
    words = [w for w in _LETTERS.findall(line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= 0.7


def headline_of(text: str) -> str | None:
    """The first line of `text` when it reads like a headline (short, not a wrapped
    sentence, followed by more text), else None."""
    lines = [ln.strip() for ln in text.strip().split("\n", 6)]
    first = lines[0] if lines else ""
    rest = [ln for ln in lines[1:] if ln]
    if not first or not rest:
        return None
    if rest[0][:1].islower():  # the next line continues a wrapped sentence
        return None
    words = _words(first)
    if not (3 <= len(words) <= 30) or len(first) > 250:
        return None
    if first[-1] in ",;:—–-" or words[-1].lower() in _DANGLING:
        return None
    if first[-1] in ".…" and not _is_title_case(first):
        return None  # a lede sentence, not a headline
    if not (first.lstrip("\"“‘'(")[:1].isupper() or first[:1].isdigit()):
        return None
    return first


def _line_class(line: str) -> str:
    """furniture | marker | byline | headline | content (for the trailing-block scan)."""
    p = _patterns()
    n_words = len(_words(line))
    if _URL_LINE.match(line) or p["ad"].match(line):
        return "furniture"
    m = p["marker"].match(line)
    if m and (m.group("sep") or (n_words <= 12 and line[-1] not in ".!?")):
        return "marker"
    if n_words <= 15 and p["share"].match(line) and line[-1] not in ".!?\"”":
        return "furniture"
    if n_words <= 40 and p["copyright"].search(line) and _RIGHTS.search(line):
        return "furniture"
    if is_byline(line):
        return "byline"
    if is_headline_like(line):
        return "headline"
    return "content"


def is_byline(line: str) -> bool:
    """A byline or contributor paragraph (short, names journalists)."""
    if len(_words(line)) > 60:
        return False
    p = _patterns()
    if p["reporting_by"].match(line):
        return True
    if p["contributed"].search(line) and p["roles"].search(line) or re.search(
            r"\bcontributed (?:reporting|to this (?:report|story|article))", line, re.I):
        return True
    return bool(p["is_role"].match(line))


# ---------------------------------------------------------------------------- names in bylines

_NAME_RUN = re.compile(r"(?:[A-Z][\w'’\-]*\.?|(?:al|el|de|van|von|bin|ibn|da|di|le|la)-?)"
                       r"(?:\s+(?:[A-Z][\w'’\-]*\.?|(?:al|el|de|van|von|bin|ibn|da|di|le|la)-?\s*[A-Z][\w'’\-]*))*")
_IN_PLACE = re.compile(r"\s+(?:in|from)\s+(?:the\s+)?[A-Z][\w'’.\-]*(?:[\s,]+[A-Z][\w'’.\-]*)*")
_NOT_NAMES = frozenset("""Times Post Associated Press Reuters AP AFP Staff The Journal News Agence
    France-Presse Bloomberg Tribune Herald Guardian Telegraph Globe Mail Star BBC CNN""".split())


def _names(fragment: str) -> list[str]:
    """People named in a byline fragment ("staff writers Jane Doe in Juba and John Roe")."""
    fragment = _IN_PLACE.sub("", fragment)
    out = []
    for part in re.split(r"\s*(?:,|;|\band\b|&)\s*", fragment):
        runs = _NAME_RUN.findall(part)
        if not runs:
            continue
        name = runs[-1].strip()  # the run closest to the verb: "Times staff writer Tracy Wilkinson"
        tokens = [t for t in name.split() if t not in _NOT_NAMES]
        if tokens and len(tokens) <= 5 and tokens == name.split()[-len(tokens):]:
            out.append(" ".join(tokens))
    return out


def parse_byline(line: str) -> tuple[list[str], list[str]]:
    """(authors, contributors) named by one byline line."""
    p = _patterns()
    authors: list[str] = []
    contributors: list[str] = []
    if p["reporting_by"].match(line) or re.match(r"^\(?\s*(?:writing|editing) by", line, re.I):
        for seg in re.split(r"[;)(]", line):
            m = re.match(r"\s*(additional |writing and )?(reporting|writing) by\s+(.*)", seg, re.I)
            if m:
                (contributors if m.group(1) and m.group(1).lower().startswith("additional") else authors
                 ).extend(_names(m.group(3)))
        return authors, contributors
    m = BY_LINE.match(line)
    if m:
        rest = re.split(r"\s+[|\-–—]\s+|,\s*(?=[A-Z][a-z]+ (?:News|Press|Times|Post))", line[m.end():])[0]
        return _names(rest), contributors
    for sentence in re.split(r"(?<=[.!?])\s+", line):
        mrole = p["is_role"].match(sentence)
        if mrole:
            authors.extend(_names(mrole.group("names")))
            continue
        mc = p["contributed"].search(sentence)
        if mc:
            contributors.extend(_names(sentence[:mc.start()]))
    return authors, contributors


# ---------------------------------------------------------------------------- the stage

def clean_article(article: Article) -> Article:
    """Normalise, take off the headline, cut boilerplate, read the byline, set id,
    fingerprint and language. Returns the same (mutated) Article; running it twice is a
    no-op."""
    if article.id and article.fingerprint and article.language:
        return article  # already cleaned (or read back from the store)
    make_storable(article)
    if article.raw_text is None:
        article.raw_text = article.text
    verbatim = bool(getattr(article, "keep_offsets", False))
    text = _take_title(article, (article.text or "") if verbatim else normalise_text(article.text), verbatim)
    # Work on a stripped view of every line; the body is rebuilt from the original
    # pieces, so a verbatim text keeps every character that is not cut.
    pieces = text.split("\n")
    cuts = _Cuts([piece.strip() for piece in pieces])
    cuts.head_byline()
    cuts.ad_lines()
    kinds = cuts.trailing_block()
    if "byline" not in kinds:
        cuts.closing_bylines()
    body = "\n".join(piece for i, piece in enumerate(pieces) if i not in cuts.drop)
    body = body.rstrip() if verbatim else _BLANK_RUNS.sub("\n\n", body).strip()
    article.text = body
    article.boilerplate = _dedupe(list(article.boilerplate) + cuts.cut)
    if cuts.byline_lines:
        article.byline = " ".join(_dedupe(([article.byline] if article.byline else []) + cuts.byline_lines))
    article.authors = _dedupe(list(article.authors) + cuts.authors)
    article.contributors = _dedupe([c for c in list(article.contributors) + cuts.contributors
                                    if c not in article.authors])
    article.id = text_id(body)
    article.fingerprint = minhash(body)
    article.language = detect_language(body)
    return article


def _take_title(article: Article, text: str, verbatim: bool) -> str:
    """Set the article's title (given, else the text's headline line); the text without
    that headline (a verbatim text keeps it: offsets point into it)."""
    title = " ".join(unicodedata.normalize("NFC", article.title or "").split())
    if not title:
        headline = headline_of(text)
        if headline:
            title = headline
            if not verbatim:
                text = text[len(headline):].lstrip("\n")
    article.title = title
    return text


@dataclass
class _Cuts:
    """What cleaning takes off a body's stripped lines: line indexes to drop, the cut
    lines (boilerplate), and the byline lines with the authors and contributors read there."""
    lines: list[str]
    drop: set[int] = field(default_factory=set)
    cut: list[str] = field(default_factory=list)
    byline_lines: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    contributors: list[str] = field(default_factory=list)

    def read_byline(self, line: str) -> None:
        self.byline_lines.append(line)
        a, c = parse_byline(line)
        self.authors.extend(a)
        self.contributors.extend(c)

    def head_byline(self) -> None:
        """A "By Jane Doe" line under the headline is metadata, not news."""
        for i, line in enumerate(self.lines[:4]):
            if line and is_head_byline(line):
                a, _ = parse_byline(line)
                if a:
                    self.authors.extend(a)
                    self.byline_lines.append(line)
                    self.drop.add(i)
                    break

    def ad_lines(self) -> None:
        """Ad slots and "Story continues below" are cut wherever they appear."""
        p = _patterns()
        for i, line in enumerate(self.lines):
            if line and p["ad"].match(line):
                self.cut.append(line)
                self.drop.add(i)

    def trailing_block(self) -> list[str]:
        """The trailing block: walk back over furniture, markers, bylines and headline-like
        lines to the last line of real text; then decide what in the block is boilerplate.
        Returns the kinds of the block's lines."""
        lines = self.lines
        idx = [i for i, line in enumerate(lines) if line and i not in self.drop]
        block: list[tuple[int, str]] = []
        for i in reversed(idx):
            kind = _line_class(lines[i])
            if kind == "content":
                break
            block.append((i, kind))
        block.reverse()
        has_content_before = len(block) < len(idx)
        kinds = [k for _, k in block]
        first_marker = next((j for j, k in enumerate(kinds) if k == "marker"), None)
        last_byline = max((j for j, k in enumerate(kinds) if k == "byline"), default=None)
        n_headlines = kinds.count("headline")
        for j, (i, kind) in enumerate(block):
            after_marker = first_marker is not None and j > first_marker
            if not has_content_before:
                drop_it = False  # never cut a text down to nothing: it is all we have
            elif kind in ("furniture", "marker"):
                drop_it = True
            elif kind == "headline":
                drop_it = after_marker or (last_byline is not None and j > last_byline) or n_headlines >= 2
            else:  # byline: keep in the body, read as metadata
                drop_it = after_marker
                if not drop_it:
                    self.read_byline(lines[i])
            if drop_it:
                self.cut.append(lines[i])
                self.drop.add(i)
        return kinds

    def closing_bylines(self) -> None:
        """Bylines written in the body's last few lines (before a closing quote or note)."""
        idx = [i for i, line in enumerate(self.lines) if line and i not in self.drop]
        for i in idx[-3:]:
            if is_byline(self.lines[i]):
                self.read_byline(self.lines[i])


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for x in items:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def validate_article(article: Article) -> None:
    """Raise InputError when the cleaned body is empty, NotEnglishError when the report
    is not in English."""
    name = article.path or article.url or article.input_id
    if article.path and article.input_id:  # one record of a JSON Lines file or a feed
        name = f"{article.path} (record {article.input_id})"
    if not (article.text or "").strip():
        raise InputError(name, "no report text left after cleaning (only a headline, links or boilerplate?)")
    lang = article.language or detect_language(article.text)
    if lang not in ("en", "und"):
        raise NotEnglishError(name, lang)


# ---------------------------------------------------------------------------- language

@functools.lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    langs = [getattr(Language, n) for n in DETECTOR_LANGUAGES if hasattr(Language, n)]
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


def detect_language(text: str) -> str:
    """ISO 639-1 code of `text`'s language: "en" when English function words are
    frequent enough (cheap, most inputs), else the lingua detector's answer, "und" when
    it cannot tell (on a short text, when it is less than SHORT_TEXT_CONFIDENCE sure)."""
    sample = text[:4000]
    words = _LETTERS.findall(sample.lower())
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return "en"
    stop = _stopwords()
    if sum(w in stop for w in words) / len(words) >= ENGLISH_STOPWORD_SHARE:
        return "en"
    if len(words) <= SHORT_TEXT_WORDS:
        best = next(iter(_detector().compute_language_confidence_values(sample)), None)
        if best is None or best.value < SHORT_TEXT_CONFIDENCE:
            return "und"
        return best.language.iso_code_639_1.name.lower()
    found = _detector().detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found is not None else "und"


# ---------------------------------------------------------------------------- fingerprint

_MERSENNE = (1 << 61) - 1
_MAX_HASH = (1 << 32) - 1


@functools.lru_cache(maxsize=1)
def _permutations():
    # datasketch's "legacy" MinHash scheme, seed 1: signatures made here equal
    # datasketch.MinHash(num_perm=64, scheme="legacy") ones (a test checks it), without
    # importing datasketch (and SciPy, ~0.5 s) on every run.
    import numpy as np

    gen = np.random.RandomState(1)
    pairs = [(gen.randint(1, _MERSENNE, dtype=np.uint64), gen.randint(0, _MERSENNE, dtype=np.uint64))
             for _ in range(NUM_PERM)]
    return np.array(pairs, dtype=np.uint64).T


def shingles(text: str, k: int = SHINGLE) -> list[bytes]:
    """Lowercased word k-grams of `text` (a shorter text is one shingle)."""
    words = _WORD.findall(text.lower())
    if not words:
        return []
    if len(words) <= k:
        return [" ".join(words).encode("utf-8")]
    grams = map(" ".join, zip(*(words[i:] for i in range(k)), strict=False))
    return [g.encode("utf-8") for g in grams]


def minhash(text: str) -> list[int]:
    """MinHash signature (NUM_PERM ints) of the word 5-shingles of `text`; deterministic."""
    import numpy as np

    grams = shingles(text)
    if not grams:
        return []
    sha1 = hashlib.sha1
    # Each shingle's hash is the first 4 bytes of its SHA-1 read as a little-endian
    # uint32 (datasketch's sha1_hash32); numpy reads them all at once from the joined bytes.
    first4 = b"".join(sha1(g).digest()[:4] for g in set(grams))
    hv = np.frombuffer(first4, dtype="<u4").astype(np.uint64)[:, None]
    a, b = _permutations()
    with np.errstate(over="ignore"):
        phv = np.bitwise_and((hv * a + b) % np.uint64(_MERSENNE), np.uint64(_MAX_HASH))
    return phv.min(axis=0).tolist()  # Python ints


def jaccard_estimate(sig_a: list[int], sig_b: list[int]) -> float:
    """Share of equal positions of two signatures: the estimated Jaccard similarity."""
    if not sig_a or len(sig_a) != len(sig_b):
        return 0.0
    return sum(x == y for x, y in zip(sig_a, sig_b, strict=True)) / len(sig_a)
