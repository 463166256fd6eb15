"""Quotes stage (issue 5): direct and indirect speech with speakers, roles and channels.

Direct quotes are read off the quotation marks (straight or curly; a quote left open at
the end of a paragraph continues when the next paragraph opens with a mark). Each takes
its speaker from the nearest attribution of the sources stage in the quote's sentence and
paragraph ('"...," he said.'; 'X said: "..."'); a quote without one continues the speaker
of the quote before it (split quotes: '"...," he said. "..."'), or of a lead-in paragraph
ending with a colon. Short fragments inside a sentence ("condemning the 'humanitarian
disaster'") are scare quotes unless a speech verb governs them; partial quotes inside a
speech verb's clause keep that speaker. Indirect speech is the content clause of a speech
verb ("said that ...") by a named or resolvable speaker; unnamed collectives ("aid groups
say ...") stay sources, not quotes.
"""
from __future__ import annotations

import re

from .models import Extraction, Quote
from .parse import Parsed
from .sources import Attribution, find_attributions, paragraph_of, paragraphs

OPENERS = {"“": "”", "\"": "\"", "«": "»", "„": "“"}
SENTENCE_END = ".!?…,;:—-"
_SINGLE_OPEN_RE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘(?=\w)")
_WORD_RE = re.compile(r"\w+")


def _pairs_in(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """(open_index, close_index or -1 when left open, is_double) marks of one paragraph."""
    out = []
    i = start
    while i < end:
        ch = text[i]
        if ch in OPENERS and not (ch == "\"" and i > start and text[i - 1].isalnum() and i + 1 < end and text[i + 1].isalnum()):
            closer = OPENERS[ch]
            j = text.find(closer, i + 1, end)
            if ch == "“":  # a curly quote closes at ” ; tolerate a stray straight quote as closer
                k = text.find("\"", i + 1, end)
                if j < 0 or (0 <= k < j and False):
                    j = k if j < 0 else j
            out.append((i, j, True))
            if j < 0:
                break
            i = j + 1
            continue
        if ch == "‘" and _SINGLE_OPEN_RE.match(text, i):
            j = i + 1
            while True:
                j = text.find("’", j, end)
                if j < 0 or j + 1 >= end or not text[j + 1].isalpha():
                    break
                j += 1
            if j > 0:
                out.append((i, j, False))
                i = j + 1
                continue
        i += 1
    return out


def quote_spans(parsed: Parsed) -> list[tuple[int, int, bool]]:
    """Direct-quote content spans (start, end, multi_paragraph), cached on the parse."""
    cached = getattr(parsed, "_sitrep_quote_spans", None)
    if cached is not None:
        return cached
    text = parsed.text
    paras = paragraphs(text)
    out: list[tuple[int, int, bool]] = []
    open_at = None  # a quote running on from an earlier paragraph
    for pi, (ps, pe) in enumerate(paras):
        pairs = _pairs_in(text, ps, pe)
        if open_at is not None:
            if pairs and pairs[0][0] == ps:  # continues: the paragraph opens with a mark
                o, c, _ = pairs[0]
                if c >= 0:
                    out.append((open_at, c, True))
                    open_at = None
                    pairs = pairs[1:]
                else:
                    continue
            else:
                prev_end = paras[pi - 1][1]
                out.append((open_at, prev_end, True))
                open_at = None
        for o, c, _double in pairs:
            if c < 0:
                nxt = paras[pi + 1][0] if pi + 1 < len(paras) else None
                if nxt is not None and text[nxt] in OPENERS:
                    open_at = o + 1
                else:
                    out.append((o + 1, pe, False))
            elif c - o > 1:
                out.append((o + 1, c, False))
    if open_at is not None:
        out.append((open_at, paras[-1][1], True))
    out = [(s, e, m) for s, e, m in out if text[s:e].strip()]
    parsed._sitrep_quote_spans = out
    return out


def _embedded(text: str, s: int, e: int) -> bool:
    """A fragment inside a sentence: a word right before the mark and no punctuation
    closing it ("to 'put an end to the atrocities' that")."""
    before = text[max(0, s - 3):s - 1].rstrip()
    inner_end = text[s:e].rstrip()[-1:] if text[s:e].strip() else ""
    return bool(before) and before[-1].isalnum() and inner_end not in SENTENCE_END


def _governing(parsed: Parsed, s: int, e: int, by_tok: dict[int, Attribution]) -> Attribution | None:
    """The attribution whose cue governs the tokens of span [s, e) in the parse tree."""
    span = parsed.doc.char_span(s, e, alignment_mode="expand")
    if span is None or not len(span):
        return None
    seen = 0
    for tok in (span[0], span.root):
        t = tok
        seen = 0
        while t.head.i != t.i and seen < 12:
            t = t.head
            seen += 1
            if t.i in by_tok and not (s <= t.idx < e):
                return by_tok[t.i]
    return None


def find_quotes(parsed: Parsed, ex: Extraction) -> list[Quote]:
    text = parsed.text
    atts = find_attributions(parsed, ex)
    spans = quote_spans(parsed)
    paras = paragraphs(text)
    by_tok = {a.cue_i: a for a in atts}
    quotes: list[tuple[Quote, Attribution | None]] = []
    direct_spans: list[tuple[int, int]] = []
    prev: tuple[Quote, Attribution | None] | None = None
    prev_para = None
    for qi, (s, e, _multi) in enumerate(spans):
        para = paragraph_of(paras, s)
        words = len(_WORD_RE.findall(text[s:e]))
        embedded = _embedded(text, s, e)
        att = None
        if embedded:
            att = _governing(parsed, s, e, by_tok)
            if att is None or att.cue_kind not in ("speech", "claim", "deny", "describe") or words <= 2:
                continue  # a scare quote or the wording of an accusation, not a quote
        else:
            lo_sent = parsed._sents[parsed.sentence_index(max(s - 1, 0))]
            hi_sent = parsed._sents[parsed.sentence_index(max(e, s))]
            lo = max(para[0], lo_sent.start_char, spans[qi - 1][1] if qi and spans[qi - 1][1] <= s else 0)
            hi = min(para[1], hi_sent.end_char, spans[qi + 1][0] - 1 if qi + 1 < len(spans) else len(text))
            near = [a for a in atts if lo <= a.cue_start < hi and not (s <= a.cue_start < e)]
            if near:
                att = min(near, key=lambda a: min(abs(a.cue_start - e), abs(s - a.cue_end)))
        q = Quote(text=text[s:e], start=s, end=e, speaker=None, kind="direct", sentence=parsed.sentence_text(s))
        if att is not None:
            q.speaker, q.speaker_role, q.channel, q.cue = att.speaker, att.role, att.channel, att.cue
        elif prev is not None and (prev_para == para or (s - 1 == para[0] or s - 1 <= para[0] + 1)
                                   and prev_para is not None and _adjacent(paras, prev_para, para)):
            # continues the quote before it: a split quote or the next paragraph of a statement
            pq, att = prev
            q.speaker, q.speaker_role, q.channel, q.cue = pq.speaker, pq.speaker_role, pq.channel, pq.cue
        else:
            intro = _colon_intro(text, paras, para, s, atts)
            if intro is not None:
                att = intro
                q.speaker, q.speaker_role, q.channel, q.cue = att.speaker, att.role, att.channel, att.cue
        if words < 1:
            continue
        quotes.append((q, att))
        direct_spans.append((s, e))
        prev, prev_para = (q, att), para
    # indirect speech by named or resolvable speakers
    for a in atts:
        if not a.makes_quote or a.content is None or a.generic:
            continue
        cs, ce = a.content
        if any(cs < de and ds < ce for ds, de in direct_spans):
            continue
        q = Quote(text=text[cs:ce], start=cs, end=ce, speaker=a.speaker, speaker_role=a.role, kind="indirect",
                  channel=a.channel, cue=a.cue, sentence=parsed.sentence_text(a.cue_start))
        quotes.append((q, a))
    out = [q for q, _ in quotes]
    out.sort(key=lambda q: (q.start, q.end))
    return out


def _adjacent(paras, a: tuple[int, int], b: tuple[int, int]) -> bool:
    try:
        return paras.index(b) - paras.index(a) == 1
    except ValueError:
        return False


def _colon_intro(text: str, paras, para, s: int, atts: list[Attribution]) -> Attribution | None:
    """'Caddell continued:' closing the paragraph before a quote paragraph."""
    before = text[para[0]:s - 1].strip()
    if before:
        if before.endswith(":"):
            cands = [a for a in atts if para[0] <= a.cue_start < s]
            return cands[-1] if cands else None
        return None
    i = paras.index(para) if para in paras else -1
    if i > 0:
        ps, pe = paras[i - 1]
        if text[ps:pe].rstrip().endswith(":"):
            cands = [a for a in atts if ps <= a.cue_start < pe]
            return cands[-1] if cands else None
    return None
