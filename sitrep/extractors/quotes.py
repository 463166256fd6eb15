"""Quotes stage: direct and indirect speech with speakers, roles and channels.

Direct quotes are read off the quotation marks (straight or curly; a quote left open at
the end of a paragraph continues when the next paragraph opens with a mark). Each takes
its speaker from the nearest attribution of the sources stage in the quote's sentence and
paragraph ('"...," he said.'; 'X said: "..."'); a quote without one continues the speaker
of the quote before it (split quotes: '"...," he said. "..."'), or of a lead-in paragraph
ending with a colon. Short fragments inside a sentence ("condemning the 'humanitarian
disaster'") are scare quotes unless a speech verb governs them; partial quotes inside a
speech verb's clause keep that speaker. Indirect speech is the content clause of a speech
verb ("said that ...") by a named or resolvable speaker; unnamed collectives ("aid groups
say ...") stay sources, not quotes. A named actor's position without a content clause is
indirect speech too: the complement of a verb of data/stances.csv ("X vowed to ...",
"X called for ...", "X criticised ...", "X called the siege a crime"), held by a name or a
pronoun resolved to one (sources.find_positions); "reported" and "according to" stay
sources of facts, as the seed gold counts them.
"""
from __future__ import annotations

import re

from ..models import Extraction, Quote
from .actors import actor_info
from .layout import mark_at, paragraph_of
from .parse import Parsed
from .sources import Attribution, find_attributions, find_positions

SENTENCE_END = ".!?…,;:—-"
_WORD_RE = re.compile(r"\w+")
# '"..." ― Pamela Padilla': a dash and a name closing the quote's line
_DASH_BYLINE_RE = re.compile(r"['’”\"]?[ \t\u00a0]*[―—–][ \t\u00a0]*"
                             r"([A-Z][\w.'’-]*(?:[ \t\u00a0]+[\w.'’-]+){0,4})[ \t\u00a0.]*(?=\n|$)")


def _embedded(text: str, s: int, e: int) -> bool:
    """A fragment inside a sentence: a word right before the mark and no punctuation
    closing it ("to 'put an end to the atrocities' that")."""
    before = text[max(0, s - 6):s].rstrip("'\"“‘«").rstrip()
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


def _attributed(parsed: Parsed, a: Attribution, start: int, end: int, kind: str, sentence_at: int) -> Quote:
    """The quote of text[start:end] by the speaker of attribution `a`."""
    return Quote(text=parsed.text[start:end], start=start, end=end, speaker=a.speaker, speaker_role=a.role,
                 kind=kind, channel=a.channel, cue=a.cue, sentence=parsed.sentence_text(sentence_at))


def find_quotes(parsed: Parsed, ex: Extraction) -> list[Quote]:
    """Direct quotes, indirect speech, block quotes and the positions named actors take,
    in text order; a clause inside another speaker's indirect quote is not a quote of its own."""
    atts = find_attributions(parsed, ex)
    quotes = _direct_quotes(parsed, atts)
    direct_spans = [(q.start, q.end) for q, _ in quotes]
    quotes += _indirect_quotes(parsed, atts, direct_spans)
    quotes += _block_quotes(parsed, atts, direct_spans)
    # positions named actors take ("X vowed to ...", "X called for ...", "X criticised ...")
    taken = [(q.start, q.end) for q, _ in quotes]
    for a in find_positions(parsed, ex, atts, taken):
        quotes.append((_attributed(parsed, a, *a.content, "indirect", a.cue_start), a))
    out = sorted((q for q, _ in quotes), key=lambda q: (q.start, -q.end))
    # a clause inside another speaker's indirect quote ("Valls said authorities were watching
    # people who they believe ...") is part of that quote, not a quote of its own
    kept: list[Quote] = []
    for q in out:
        if q.kind == "indirect" and any(k.kind == "indirect" and k.start <= q.start and q.end <= k.end for k in kept):
            continue
        kept.append(q)
    kept.sort(key=lambda q: (q.start, q.end))
    return kept


def _direct_quotes(parsed: Parsed, atts: list[Attribution]) -> list[tuple[Quote, Attribution | None]]:
    """The quotation-mark spans that are quotes (not scare quotes), each with its speaker."""
    text, spans, paras = parsed.text, parsed.quote_spans, parsed.paragraphs
    by_tok = {a.cue_i: a for a in atts}
    quotes: list[tuple[Quote, Attribution | None]] = []
    prev: tuple[Quote, Attribution | None] | None = None
    prev_para = None
    for qi, (s, e, _multi) in enumerate(spans):
        para = paragraph_of(paras, s)
        words = len(_WORD_RE.findall(text[s:e]))
        if _embedded(text, s, e):
            att = _governing(parsed, s, e, by_tok)
            # a speech verb's clause holds the speaker's words ("said the attack was 'a crime'");
            # "call them 'lone wolves'" quotes the name it gives
            if att is None or att.cue_kind not in ("speech", "claim", "deny", "describe") or \
                    (words < 2 and att.cue_kind != "describe"):
                continue  # a scare quote or the wording of an accusation, not a quote
        else:
            att = _nearest_cue(parsed, atts, qi, para)
        q = Quote(text=text[s:e], start=s, end=e, speaker=None, kind="direct", sentence=parsed.sentence_text(s))
        att = _give_speaker(parsed, q, att, atts, para, prev, prev_para)
        if words < 1:
            continue
        quotes.append((q, att))
        prev, prev_para = (q, att), para
    return quotes


def _nearest_cue(parsed: Parsed, atts: list[Attribution], qi: int, para: tuple[int, int]) -> Attribution | None:
    """The attribution nearest quote `qi` in its sentences and paragraph, not inside another quote."""
    text, spans = parsed.text, parsed.quote_spans
    s, e, _ = spans[qi]
    lo_sent = parsed.sent_span(max(s - 1, 0))
    hi_sent = parsed.sent_span(max(e, s))
    lo = max(para[0], lo_sent.start_char, spans[qi - 1][1] if qi and spans[qi - 1][1] <= s else 0)
    hi = min(para[1], hi_sent.end_char, spans[qi + 1][0] - 1 if qi + 1 < len(spans) else len(text))
    near = [a for a in atts if lo <= a.cue_start < hi and not (s <= a.cue_start < e)]
    if not near:  # '"...," while the other "...," Baylous said': the sentence's own cue
        lo2, hi2 = max(para[0], lo_sent.start_char), min(para[1], hi_sent.end_char)
        near = [a for a in atts if lo2 <= a.cue_start < hi2 and a.cue_start > e
                and not any(qs <= a.cue_start < qe for qs, qe, _ in spans)]
    return min(near, key=lambda a: min(abs(a.cue_start - e), abs(s - a.cue_end))) if near else None


def _give_speaker(parsed: Parsed, q: Quote, att: Attribution | None, atts: list[Attribution], para: tuple[int, int],
                  prev: tuple[Quote, Attribution | None] | None, prev_para) -> Attribution | None:
    """Set the quote's speaker: a dash and a name closing its line, its attribution, the
    quote it continues, or a lead-in ending with a colon; returns the attribution used."""
    text, paras, s, e = parsed.text, parsed.paragraphs, q.start, q.end
    byline = None if att is not None else _DASH_BYLINE_RE.match(text, e + 1, para[1] + 1)
    if byline:  # '"..." ― Name' closing the line
        q.speaker, q.cue = byline.group(1).strip(" .,"), byline.group(0).strip()[:1]
    elif att is not None:
        q.speaker, q.speaker_role, q.channel, q.cue = att.speaker, att.role, att.channel, att.cue
    elif prev is not None and (prev_para == para or s - para[0] <= 2 and _adjacent(paras, prev_para, para)):
        # continues the quote before it: a split quote or the next paragraph of a statement
        pq, att = prev
        q.speaker, q.speaker_role, q.channel, q.cue = pq.speaker, pq.speaker_role, pq.channel, pq.cue
    else:
        intro = _colon_intro(text, paras, para, s, atts) or _subject_of_sentence(parsed, atts, s, e, para)
        if intro is not None:
            att = intro
            q.speaker, q.speaker_role, q.channel, q.cue = att.speaker, att.role, att.channel, att.cue
    return att


def _indirect_quotes(parsed: Parsed, atts: list[Attribution],
                     direct_spans: list[tuple[int, int]]) -> list[tuple[Quote, Attribution]]:
    """Indirect speech by named or resolvable speakers: a speech verb's content clause."""
    out = []
    for a in atts:
        if not a.makes_quote or a.content is None or a.generic:
            continue
        cs, ce = a.content
        if any(cs < de and ds < ce for ds, de in direct_spans):
            continue
        out.append((_attributed(parsed, a, cs, ce, "indirect", a.cue_start), a))
    return out


def _block_quotes(parsed: Parsed, atts: list[Attribution],
                  direct_spans: list[tuple[int, int]]) -> list[tuple[Quote, Attribution]]:
    """A block quote: "The governor added:" closing a paragraph, the next one unmarked."""
    text, paras = parsed.text, parsed.paragraphs
    spans = list(direct_spans)
    out = []
    for a in atts:
        if a.cue_kind != "speech" or a.generic or not a.speaker:
            continue
        para = paragraph_of(paras, a.cue_start)
        if not text[a.cue_end:para[1]].strip().endswith(":") or len(text[a.cue_end:para[1]]) > 60:
            continue
        i = paras.index(para) if para in paras else -1
        if i < 0 or i + 1 >= len(paras):
            continue
        bs, be = paras[i + 1]
        if mark_at(text, bs) is not None or any(bs < e and s < be for s, e in spans) or be - bs < 20:
            continue
        out.append((_attributed(parsed, a, bs, be, "direct", bs), a))
        spans.append((bs, be))
    return out


def _subject_of_sentence(parsed: Parsed, atts: list[Attribution], s: int, e: int, para) -> Attribution | None:
    """'He called for unity against "..."': the wording is the sentence subject's, when that
    subject is a pronoun or name an earlier attribution already resolved."""
    span = parsed.doc.char_span(s, e, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    root = parsed.sent_span(parsed.doc[span.start - 1].idx).root
    subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.idx < s and c.idx >= para[0]]
    if not subj:
        return None
    for a in reversed(atts):
        if a.speaker_start <= subj[0].idx < a.speaker_end:
            return a
        if a.cue_start < subj[0].idx and subj[0].lower_ in ("he", "she"):
            # the pronoun continues the latest person who spoke
            if a.actor is not None and actor_info(parsed, a.actor).get("origin") == "person":
                return a
    return None


def _adjacent(paras, a: tuple[int, int] | None, b: tuple[int, int]) -> bool:
    """Is paragraph b the one right after paragraph a?"""
    try:
        return a is not None and paras.index(b) - paras.index(a) == 1
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
