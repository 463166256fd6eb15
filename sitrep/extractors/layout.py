"""A report's layout, read off its text before any parse: paragraphs and direct quotes.

Captions: the paragraphs (or, in a long paragraph, the sentence) that carry a photo's
credit or tag ("(Muhammad Hamed/Reuters)", "file photo", "AP Photo"): what they say is
the picture's, told again or from elsewhere, not the report's news (docs/annotation.md).

Paragraphs: a blank line always ends one; a single line break only after a sentence end,
so hard-wrapped text stays one paragraph. Sentence breaks: after a blank line and after a
caption a new sentence starts, whatever the parser would make of it (`sentence_breaks`,
fixed on the doc before the parse by the parse stage). Direct quotes: the spans inside quotation marks
(straight or curly, guillemets, doubled apostrophes, a curly single quote opening a word);
a quote left open at a paragraph's end runs on when the next paragraph opens with a mark
of the same family. `Parsed.paragraphs`, `Parsed.quote_spans` and `Parsed.caption_spans` compute them once
per report; the sources and quotes stages read them there.
"""
from __future__ import annotations

import re

_BREAK_RE = re.compile(r"\n\s*")
_LINE_END = set(".!?:;\"”’')]…—-")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans. A blank line always ends a paragraph; a single line break only after
    a sentence end, so hard-wrapped text ("... officials\n   say.") stays one paragraph."""
    out, pos = [], 0
    for m in _BREAK_RE.finditer(text):
        line_len = m.start() - text.rfind("\n", 0, m.start())
        if "\n" not in m.group(0)[1:] and m.start() > pos and text[m.start() - 1] not in _LINE_END \
                and m.end() < len(text) and (text[m.end()].islower() or text[m.end()].isupper() and line_len > 60):
            continue  # a hard-wrapped line: the sentence goes on
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def paragraph_of(paras: list[tuple[int, int]], char: int) -> tuple[int, int]:
    """The paragraph holding `char` (its end offset counts as in it); (0, 0) when none does."""
    for s, e in paras:
        if s <= char < e or char == e:
            return s, e
    return 0, 0


OPENERS = {"“": "”", "\"": "\"", "«": "»", "„": "“"}
_SINGLE_OPEN_RE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘(?=\w)")


# Every character mark_at can answer for: the scan jumps from one to the next.
_MARK_CHAR_RE = re.compile("['\"“«„”‘]")


def mark_at(text: str, i: int) -> tuple[str, int] | None:
    """(family, width) of an opening quotation mark at i: curly “, straight ", guillemet «,
    doubled apostrophes '' (a typewriter convention) or a curly single ‘ opening a word."""
    ch = text[i]
    if ch == "'" and text.startswith("''", i):
        return "''", 2
    if ch in OPENERS:
        return ch, 1
    if ch == "”" and (i == 0 or text[i - 1] == "\n") and text[i + 1:i + 2].isalpha():
        return "“", 1  # a paragraph opened with the closing mark by mistake
    if ch == "‘" and _SINGLE_OPEN_RE.match(text, i):
        return "‘", 1
    return None


def _close_of(text: str, family: str, i: int, end: int) -> int:
    """Index of the mark closing a quote opened with `family`, searching [i, end); -1 if none."""
    if family == "''":
        return text.find("''", i, end)
    if family == "‘":
        j = i
        while True:
            j = text.find("’", j, end)
            if j < 0 or j + 1 >= end or not text[j + 1].isalpha():
                return j
            j += 1
    j = text.find(OPENERS[family], i, end)
    if family == "“" and j < 0:  # a curly quote closed by a straight one
        j = text.find("\"", i, end)
    return j


def _pairs_in(text: str, start: int, end: int) -> list[tuple[int, int, int, str]]:
    """(content_start, content_end or -1 when left open, mark_width, family) of a paragraph."""
    out = []
    i = start
    while i < end:
        next_mark = _MARK_CHAR_RE.search(text, i, end)
        if next_mark is None:
            break  # no quotation mark left in the paragraph
        i = next_mark.start()
        mark = mark_at(text, i)
        if mark is None or (mark[0] == "\"" and i > start and text[i - 1].isalnum() and i + 1 < end
                            and text[i + 1].isalnum()):
            i += 1
            continue
        family, width = mark
        j = _close_of(text, family, i + width, end)
        out.append((i + width, j, width, family))
        if j < 0:  # left open: runs on into the next paragraph, or a stray mark
            i += width
            continue
        i = j + (2 if family == "''" else 1)
    return out


def quote_spans(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """Direct-quote content spans (start, end, multi_paragraph) of a text in paragraphs.

    A mark left open at the end of a paragraph continues when the next paragraph opens
    with a mark of the same family (the convention for quotes over several paragraphs);
    otherwise it is a stray mark and opens nothing."""
    out: list[tuple[int, int, bool]] = []
    open_at: tuple[int, str] | None = None  # a quote running on from an earlier paragraph
    for pi, (ps, pe) in enumerate(paras):
        pairs = _pairs_in(text, ps, pe)
        if open_at is not None:
            if pairs and pairs[0][0] - pairs[0][2] == ps and pairs[0][3] == open_at[1]:
                cs, ce, _w, _f = pairs[0]
                if ce < 0 and len(pairs) == 1:
                    continue  # still open: the quote runs on
                # closed here; or, when this paragraph's opening mark stays open while other
                # quotes follow, the quote ended with the paragraph before
                out.append((open_at[0], ce if ce >= 0 else paras[pi - 1][1], True))
                pairs = pairs[1:]
            open_at = None
        for k, (cs, ce, _w, family) in enumerate(pairs):
            if ce < 0:
                if k + 1 < len(pairs):
                    continue  # a stray mark: other quotes follow it in the paragraph
                nxt = paras[pi + 1][0] if pi + 1 < len(paras) else None
                nm = mark_at(text, nxt) if nxt is not None else None
                if nm is not None and nm[0] == family:
                    open_at = (cs, family)
            elif ce > cs:
                out.append((cs, ce, False))
    return [(s, e, m) for s, e, m in out if text[s:e].strip()]


# a photo's credit or tag: "(Muhammad Hamed/Reuters)", "(AP Photo/Hussein Malla)",
# "(Photo: AFP)", "(Picture: Slidell PD)", "file photo", "Getty Images", "Reuters photo", a
# line ending "(CBC)" or "(Newark police)"; a credit given first covers the sentence after
# it ("Photo credit: A. Name. The president visits troops ...")
_PHOTO_CUE_RE = re.compile(
    r"\((?:[A-Z][\w.'’ -]{1,40}/(?:[A-Z][\w.&'’ -]{1,40}|\w+ Images)"
    r"|(?i:(?:AP |AFP |Reuters |EPA )?(?:Photo|Picture|Pic|Image))\b[^)]{0,60})\)"  # any case: "(picture: ...)"
    r"|\bfile (?:photo|picture|image)\b|\bGetty Images\b|\b(?:AP|AFP|EPA|Reuters) [Pp]hoto\b"
    r"|\b(?:[Ss]taff |[Ff]ile )?[Pp]hoto(?:graph)? by [A-Z]"
    r"|\bPhoto(?:graph)?: |\bin this (?:file )?(?:photo|picture|image)\b"
    r"|\bPhoto (?:credit|courtesy)\s*:[^.\n]{1,60}\.\s+[^\n]*?[.!?](?=\s|$)"
    # a credit in square brackets after a sentence's end closes that sentence, the caption:
    # "... in Moscow on April 5th, 2018. [Photo: fmprc.gov.cn] The ..."
    r"|(?<=[.!?] )(?P<after>\[(?i:(?:Photo|Picture|Image|Pic)(?:graph)?s?)\s*:[^\]\n]{1,60}\])"
    # an outlet's or a police force's name alone in brackets closing a line (the sentence
    # it closes is the caption: caption_spans): "... in politics. (CBC)"
    r"|(?P<closing>\((?:(?:The )?(?:CBC|AP|Associated Press|Reuters|AFP|EPA|Getty Images|CP|Canadian Press)"
    r"|(?:[A-Z][\w.'’-]+ ){1,3}(?:[Pp]olice(?: [Dd]epartment)?|PD|[Ss]heriff['’]s [Oo]ffice))\))(?=[ \t]*(?:\n|$))")
# what every match of _PHOTO_CUE_RE holds (a bracket, "hoto", "file ", "Getty Images" or
# "in this "): the cue's many alternatives are tried only on paragraphs that hold one
_PHOTO_CUE_HINT = re.compile(r"[(\[]|hoto|file |Getty Images|in this ")
# a paragraph this short that carries a photo cue is the caption whole
CAPTION_CHARS = 400


# a related story's link run into the body, as scraped pages flatten them: "... in early
# March. Read more: What Lavrov said: Germany, other countries expel Russian diplomats over
# Skripal poisoning The Foreign Ministry told ...", "More: <headline> [archive] 38 year old"
_LINK_WORDS = r"(?:Read more|READ MORE|Read also|Also read|Read next|More|MORE|Related|RELATED|See also)\s*:\s+"
_LINK_START_RE = re.compile(r"(?:(?<=[.!?\"”’)] )|(?<=\n)|^)" + _LINK_WORDS)
# the words alone, which every link start holds: a pattern opening on its words' first letters,
# which the regex engine skips to, where the start's lookbehinds make it try every character
_LINK_WORDS_RE = re.compile(_LINK_WORDS)
# where the linked headline ends: a sentence's stop, a line's end, a bracketed tag, an
# opening quote, or a new sentence's first word after a headline's last, with no stop between
_LINK_END_RE = re.compile(r"[.!?](?=\s)|\n|\](?=\s)|(?<=[A-Za-z0-9’'])(?= [“\"])|(?<=[a-z0-9’'])(?= (?:The|A|An|He|"
                          r"She|It|They|In|On|At|But|This|His|Her|Police|Officials) )")
LINK_CHARS = 250  # a headline no longer than this


def link_spans(text: str) -> list[tuple[int, int]]:
    """Spans of related-story links inside the body: they tell another report's news."""
    out = []
    if _LINK_WORDS_RE.search(text) is None:
        return out
    for m in _LINK_START_RE.finditer(text):
        end = _LINK_END_RE.search(text, m.end(), min(len(text), m.end() + LINK_CHARS))
        if end is not None and end.start() > m.end():
            out.append((m.start(), end.end() if end.group() == "]" else end.start()))
    return out


def caption_spans(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of photo captions (a short paragraph with a photo credit or tag is one; in a
    longer paragraph, the cue itself: the sentence holding it is the caption), and of
    related-story links (link_spans): neither is the report's news."""
    out = link_spans(text)
    for ps, pe in paras:
        cues = list(_PHOTO_CUE_RE.finditer(text, ps, pe)) if _PHOTO_CUE_HINT.search(text, ps, pe) else []
        if cues and pe - ps <= CAPTION_CHARS:
            out.append((ps, pe))
        else:
            out.extend((_closed_sentence(text, ps, m.start()) if m.group("closing") or m.group("after")
                        else m.start(), m.end()) for m in cues)
    return out


_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n\s*(?=\S)")
# what ends a dateline: an optional wire agency in parentheses, then the dash
# ("Buenos Aires, January 25th 2024 (MercoPress) - ", "PEMBA, Mozambique (Lusa) - ")
DATELINE_DASH = re.compile(r"\s*(?:\([^)\n]{1,30}\))?\s*[-–—]{1,2}(?=\s)")


def sentence_breaks(text: str) -> list[int]:
    """Where a sentence must start whatever the parser makes of it: after a blank line
    (no sentence runs across paragraphs: "... after it backed Clinton.\n\n___." is two)
    and after a caption (caption_breaks); in a headline, after each of its clauses
    (headline_breaks)."""
    return sorted({m.end() for m in _BLANK_LINE_RE.finditer(text)} | set(caption_breaks(text))
                  | set(headline_breaks(text)))


HEADLINE_CHARS = 200
# a headline's clause ends at a semicolon; a kicker of a few words at a colon ("Pension reform: ...")
_HEADLINE_CLAUSE_RE = re.compile(r";\s+(?=\S)|^[^:;\n]{2,40}:\s+(?=\S)")


def headline_breaks(text: str) -> list[int]:
    """Where a headline's clauses start: "Somali forces end hotel siege in Mogadishu; at
    least 12 killed" tells two things, and the parser, given them as one sentence, often
    reads neither ("Malawi police fire tear gas at ..., detain ..." as a string of nouns).
    A headline is a first paragraph of at most HEADLINE_CHARS that ends in no full stop,
    with the report after it."""
    m = _headline_end(text)
    return [] if m is None else [h.end() for h in _HEADLINE_CLAUSE_RE.finditer(text, 0, m.start())]


def _headline_end(text: str) -> re.Match | None:
    """The blank line after a headline: a first paragraph of at most HEADLINE_CHARS that ends
    in no full stop (a headline's end, not a long text's first blank line)."""
    m = _BLANK_LINE_RE.search(text, 0, HEADLINE_CHARS + 4)
    return None if m is None or m.start() > HEADLINE_CHARS or text[:m.start()].rstrip()[-1:] in ".!?" else m


# a headline's kicker: a few words and a colon before its first clause ("Yendi: Curfew imposed ...")
_KICKER_RE = re.compile(r"\s*([^:;\n]{2,40}?)[ \t]*:[ \t]+(?=\S)")


def headline_kicker(text: str) -> tuple[int, int] | None:
    """The span of the kicker the text's headline opens with ("Yendi" in "Yendi: Curfew
    imposed after chieftaincy clash", "Pension reform" in "Pension reform: ..."), or None
    when the text opens with no headline or its headline with no kicker. A place there is
    where the news is, as a dateline says."""
    m = _KICKER_RE.match(text) if _headline_end(text) is not None else None
    return None if m is None else m.span(1)


def headline_end(text: str) -> int | None:
    """Where the headline's paragraph ends (see _headline_end); None when the text opens
    with no headline."""
    m = _headline_end(text)
    return None if m is None else m.start()


def deck_span(text: str) -> tuple[int, int] | None:
    """The deck: a second headline line under the headline ("Suicide bomber hits checkpost
    in North Waziristan; Bannu residents continue sit-in"), told in headline grammar (the
    present for what happened). A second paragraph of at most HEADLINE_CHARS and four words
    or more, after a headline, that ends in no full stop (a byline is shorter)."""
    first = _headline_end(text)
    if first is None:
        return None
    end = text.find("\n", first.end())
    end = len(text) if end < 0 else end
    deck = text[first.end():end].strip()
    if end - first.end() > HEADLINE_CHARS or len(deck.split()) < 4 or deck[-1:] in '.!?:"”' or end == len(text):
        return None
    return first.end(), end


def caption_breaks(text: str) -> list[int]:
    """Where the text after a caption starts on a new line, or after the caption's
    bracketed credit: there a new sentence starts (the parse stage fixes it), whatever the
    parser would make of the credit before it."""
    out = []
    for s, e in caption_spans(text, paragraphs(text)):
        link = _LINK_START_RE.match(text, s) is not None  # a link's headline runs on into the news
        m = (_NEXT_LINE_RE if text[e - 1] not in ")]" and not link else _NEXT_WORD_RE).match(text, e)
        if m and m.end() < len(text) and m.end() > e:
            out.append(m.end())
    return out


_NEXT_LINE_RE = re.compile(r"[ \t]*\n\s*")
_NEXT_WORD_RE = re.compile(r"\s+(?=\S)")


def _closed_sentence(text: str, para_start: int, credit: int) -> int:
    """Where the sentence a closing credit closes begins: after the sentence before it."""
    body = text[para_start:credit].rstrip()
    end = len(body) - 1  # the closed sentence's own stop is not the one before it
    cut = max(body.rfind(". ", 0, end), body.rfind("? ", 0, end), body.rfind("! ", 0, end))
    line = body.rfind("\n", 0, end)
    return para_start + max(cut + 2 if cut >= 0 else 0, line + 1)
