"""Sources stage: who a report attributes each claim to.

Every attribution cue (data/speech_verbs.csv: "said", "reported", "according to",
"described", "accused", "claimed", "told" ...) outside direct quotes is read off the parse:
its speaker (the subject; "according to X"; "a statement issued by X"; a pronoun or "the
countries" resolved to the nearest fitting antecedent), the channel ("in a statement",
"over WhatsApp") and, for speech verbs, the content clause ("said that ..."). Each becomes
a `Source` with kind (state_media, government, monitor, ngo, un, wire, media, partisan,
witness) and stance; the quotes stage reuses the same attributions for its speakers.

`source_for(ex, start, end)` gives later stages the source of a span: the nearest
attribution in its sentence, else the speaker of a quote holding it, else the report-level
attribution of its paragraph.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from ..models import Actor, Extraction, Source
from ..vocab import read_table
from . import actors as actors_mod
from .layout import paragraph_of
from .parse import Parsed

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Nouns that stand for their author: "a statement issued by the Foreign Ministry said".
STATEMENT_NOUNS = {"statement", "report", "communique", "communiqué", "release", "post", "tweet", "letter",
                   "video", "message", "announcement", "bulletin", "broadcast", "account", "footage",
                   "page", "website", "document", "note", "declaration", "study", "survey",
                   "poll", "polls", "data", "figures", "record", "records", "analysis", "memo"}
# Kind and stance words in a source's own phrase or apposition ("a pro-opposition watchdog",
# "the official Syrian Arab News Agency"); the dictionary and role rows come first.
MONITOR_RE = re.compile(r"\b(?:watchdog|monitor|monitoring group|observatory|documentation)\b", re.I)
STATE_MEDIA_RE = re.compile(r"\b(?:official|state|state-run|state-owned|government-run|government-owned)\b", re.I)
MEDIA_RE = re.compile(r"\b(?:news agency|agency|newspaper|daily|television|tv|channel|broadcaster|radio|outlet"
                      r"|website)\b", re.I)
PRO_GOV_RE = re.compile(r"\bpro-(?:government|regime|kremlin|assad|state)\b|\bloyalist\b", re.I)
PRO_OPP_RE = re.compile(r"\bpro-(?:opposition|rebel|revolution)\b|\b(?:opposition|anti-government|rebel)\b", re.I)
# Unnamed plural speakers that are organisations, not people: what "aid groups say" or
# "reports say" is a sourced claim (a Source), not a quote with a speaker.
COLLECTIVE_KINDS = {"ngo", "media", "international_org"}
COLLECTIVE_NOUNS = {"group", "agency", "organization", "organisation", "media", "outlet", "report", "ngo",
                    "charity", "network", "monitor"}
# Verbs whose hearer comes before the content clause ("told reporters that ...").
TELL_VERBS = {"tell", "inform", "assure", "remind", "warn", "promise", "convince", "persuade"}
GROUP_HEADS = {"country", "nation", "government", "state", "ally", "power", "member"}


ATTITUDE = {"cue": "attitude", "kind": "attitude", "quote": "1", "certainty": "asserted", "needs": ""}
ACCORDING = {"cue": "according to", "kind": "according", "quote": "0", "certainty": "asserted", "needs": ""}


@dataclass
class Attribution:
    """One attribution cue with its speaker, as the parse shows it."""
    cue: str  # surface text of the cue
    cue_lemma: str
    cue_kind: str  # speech|report|according|accuse|claim|deny|describe
    makes_quote: bool
    certainty: str
    cue_start: int
    cue_end: int
    cue_i: int  # token index of the cue's head word
    sent: int
    speaker: str | None
    speaker_start: int
    speaker_end: int
    role: str | None = None
    actor: Actor | None = None
    kind: str | None = None
    stance: str | None = None
    channel: str | None = None
    content: tuple[int, int] | None = None  # indirect content clause, when there is one
    generic: bool = False  # unnamed organisations ("aid groups say"): a source, not a quote speaker


_AFTER_ANY_END = float("inf")


def _inside(spans, char: int) -> bool:
    """Is `char` inside one of `spans` (sorted, not overlapping)?"""
    if not spans:
        return False
    i = bisect.bisect_right(spans, (char, _AFTER_ANY_END)) - 1
    return i >= 0 and spans[i][0] <= char < spans[i][1]


def _np_span(tok):
    """Char span of a speaker noun phrase without its appositions and clauses."""
    doc = tok.doc
    left = tok.left_edge.i
    right = tok.i
    for c in tok.rights:
        if c.dep_ in ("compound", "flat", "nummod") or (c.dep_ == "prep" and c.lower_ in ("of", "for") and (
                tok.pos_ == "NOUN" or any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children))):
            right = max(right, c.right_edge.i)
        else:
            break
    span = doc[left:right + 1]
    return span


def _clean_generic(span) -> str:
    """Name of an unnamed speaker: the phrase without articles, numerals and clauses
    ("one poster claiming to be a rebel" -> "poster")."""
    words = [t for t in span if t.dep_ not in ("det", "predet", "nummod", "punct", "poss", "case")
             and t.i <= span.root.i + 0]
    right = [t for t in span if t.i > span.root.i]
    text = " ".join(t.text for t in words).strip()
    if right and right[0].dep_ == "prep" and right[0].lower_ in ("of", "for"):
        text = (text + " " + " ".join(t.text for t in right)).strip()
    return text


def _channel(cue_tok, extra=()) -> str | None:
    """'over the messaging service WhatsApp', 'in a statement', 'on social media'."""
    words = actors_mod.channel_words()
    cands = [c for c in cue_tok.children if c.dep_ == "prep"]
    for t in extra:
        cands.extend(c for c in t.children if c.dep_ == "prep")
    if cue_tok.dep_ in ("advcl", "conj", "xcomp") :
        cands.extend(c for c in cue_tok.head.children if c.dep_ == "prep" and c.i < cue_tok.head.i)
    for p in cands:
        if p.lower_ not in ("over", "in", "on", "via", "by", "through", "during", "at"):
            continue
        for t in p.subtree:
            if t.lower_ in words or t.lemma_.lower() in words or \
                    (t.i + 1 < len(t.doc) and f"{t.lower_} {t.doc[t.i + 1].lower_}" in words):
                end = p.right_edge.i
                for u in p.subtree:  # stop before a nested place or time ("... from the Sukkari district")
                    if u.i > t.i and u.dep_ == "prep" and u.lower_ in ("from", "in", "at", "near", "on"):
                        end = u.i - 1
                        break
                return t.doc[p.i:end + 1].text
    return None


class Resolver:
    """Pronouns and group nouns to their nearest fitting antecedent."""

    def __init__(self, parsed: Parsed, ex: Extraction, quote_spans):
        self.parsed, self.ex, self.quote_spans = parsed, ex, quote_spans
        state = parsed.state.actors
        self.mentions = state.mentions if state else []
        self.starts = [m.start for m in self.mentions]
        self._subject: dict[tuple[int, int], bool] = {}
        self.history: list[Attribution] = []

    def person_before(self, char: int, plural: bool = False) -> tuple[str, Actor | None] | None:
        """The antecedent of a pronoun at `char`: a fitting subject earlier in its own
        sentence, else the speaker of the latest attribution, else the latest fitting subject,
        else the latest fitting mention (people for he/she; groups and bodies for they/it);
        mentions inside quotes do not count."""
        sent_i = self.parsed.sentence_index(char)
        subjects, others = [], []
        for m in reversed(self.mentions[:bisect.bisect_left(self.starts, char)]):
            if self.parsed.sentence_index(m.start) < sent_i - 5:
                break
            if (m.origin == "person") == plural or _inside(self.quote_spans, m.start):
                continue
            (subjects if self._is_subject(m) else others).append(m)

        def named(m):
            actor = actors_mod.actor_at(self.ex, m.start, m.end)
            return (actor.name if actor else m.name), actor

        text = self.parsed.text

        def here(m) -> bool:  # in the pronoun's own sentence and paragraph
            return self.parsed.sentence_index(m.start) == sent_i and "\n" not in text[m.start:char]

        local = [m for m in subjects if here(m)] or ([m for m in others if here(m)] if not plural else [])
        if local:
            return named(max(local, key=lambda m: m.start))
        for att in reversed(self.history):
            if att.cue_start >= char:
                continue
            if sent_i - att.sent > 4:
                break
            if att.actor is not None and self._is_person(att.actor) != plural:
                if subjects and subjects[0].start > att.cue_end:
                    break  # someone else became the subject since that attribution
                return att.speaker, att.actor
        if subjects:
            return named(subjects[0])
        return named(others[0]) if others else None

    def _is_subject(self, m) -> bool:
        key = (m.start, m.end)
        if key not in self._subject:
            span = self.parsed.doc.char_span(m.start, m.end, alignment_mode="expand")
            self._subject[key] = span is not None and span.root.dep_ in SUBJECT_DEPS
        return self._subject[key]

    def _is_person(self, actor: Actor) -> bool:
        return actors_mod.actor_info(self.parsed, actor).get("origin") == "person"

    def group_before(self, char: int) -> str | None:
        """'the countries': the nearest earlier subject that coordinates several countries."""
        doc = self.parsed.doc
        sent_i = self.parsed.sentence_index(char)
        for i in range(sent_i, max(-1, sent_i - 6), -1):
            span = self.parsed.sent_spans[i]
            best = None
            for tok in span:
                if tok.dep_ not in SUBJECT_DEPS or tok.idx >= char:
                    continue
                names = []
                region = doc[tok.left_edge.i:max(tok.head.i, tok.i + 1)] if tok.head.i > tok.i else tok.subtree
                for t in region:
                    if t.ent_type_ == "GPE" and t.ent_iob_ == "B":
                        ent = next((e for e in doc.ents if e.start == t.i), None)
                        if ent is not None and actors_mod.country_of(ent.text):
                            names.append(actors_mod._clean_name(ent.text))
                if len(names) >= 2 and (best is None or len(names) > len(best)):
                    best = names
            if best:
                return ", ".join(best[:-1]) + " and " + best[-1]
        return None


def _resolve_speaker(tok, parsed: Parsed, ex: Extraction, res: Resolver):
    """(name, actor, span, generic, channel) of the speaker noun `tok`."""
    channel = None
    # a statement stands for its author: "the countries' statement", "a statement issued by X"
    if tok.lemma_.lower() in STATEMENT_NOUNS and tok.pos_ == "NOUN":
        channel = tok.doc[tok.left_edge.i:tok.i + 1].text
        author = None
        for c in tok.children:
            if c.dep_ == "poss":
                author = c
        if author is None:
            for t in tok.subtree:
                if t.dep_ == "agent" or (t.dep_ == "prep" and t.lower_ in ("from", "by")):
                    objs = [c for c in t.children if c.dep_ == "pobj"]
                    if objs:
                        author = objs[0]
                        break
        if author is None:
            for c in tok.children:
                if c.dep_ in ("compound", "amod") and (c.pos_ == "PROPN" or c.ent_type_):
                    author = c
        if author is not None:
            name, actor, span, generic, _ = _resolve_speaker(author, parsed, ex, res)
            return name, actor, span, generic, channel
    low = tok.lower_
    if low in ("he", "she", "him", "her"):
        found = res.person_before(tok.idx)
        if found:
            return found[0], found[1], (tok.idx, tok.idx + len(tok)), False, channel
        return None, None, (tok.idx, tok.idx + len(tok)), False, channel
    if low in ("they", "it", "we"):
        found = res.person_before(tok.idx, plural=True)
        if found:
            return found[0], found[1], (tok.idx, tok.idx + len(tok)), False, channel
        return None, None, (tok.idx, tok.idx + len(tok)), False, channel
    span = _np_span(tok)
    start, end = span.start_char, span.end_char
    # "the countries": several countries named before
    if tok.pos_ == "NOUN" and tok.tag_ == "NNS" and tok.lemma_.lower() in GROUP_HEADS and \
            any(c.dep_ == "det" and c.lower_ in ("the", "these", "both", "those") for c in tok.children):
        names = res.group_before(tok.idx)
        if names:
            return names, None, (start, end), False, channel or "group:government"
    # "the county's sheriff, Brindell B. Wilkins Jr., told": the named apposition speaks
    for c in tok.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN":
            named = actors_mod.actor_at(ex, c.idx, c.idx + len(c))
            if named is not None and named.kind != "government" or c.ent_type_ == "PERSON":
                cspan = _np_span(c)
                name = named.name if named is not None else actors_mod._clean_name(cspan.text)
                return name, named, (start, max(end, cspan.end_char)), False, channel
    actor = actors_mod.actor_at(ex, tok.idx, tok.idx + len(tok))
    if actor is None and tok.pos_ == "PROPN":
        actor = actors_mod.actor_at(ex, start, end)
    if actor is None and tok.text[:1].isupper() and tok.is_alpha:
        # a surname the tagger missed ("according to Baylous"): the person named in full before
        actor = next((a for a in ex.actors if a.name.split()[-1] == tok.text and len(a.name.split()) > 1
                      and actors_mod.actor_info(parsed, a).get("origin") == "person"), None)
    if actor is not None:
        info = actors_mod.actor_info(parsed, actor)
        if info.get("origin") == "pattern" and tok.tag_ in ("NNS", "NNPS"):
            # an unnamed class: organisations ("aid groups say") report, people speak
            generic = actor.kind in COLLECTIVE_KINDS or tok.lemma_.lower() in COLLECTIVE_NOUNS
            return _clean_generic(span) or actor.name, actor, (start, end), generic, channel
        return actor.name, actor, (start, end), False, channel
    name = _clean_generic(span) if tok.pos_ == "NOUN" else actors_mod._clean_name(span.text)
    generic = tok.pos_ == "NOUN" and tok.tag_ == "NNS" and tok.lemma_.lower() in COLLECTIVE_NOUNS
    return name or None, None, (start, end), generic, channel


def _source_kind(att: Attribution, parsed: Parsed, extra_text: str) -> tuple[str | None, str | None]:
    info = actors_mod.actor_info(parsed, att.actor) if att.actor is not None else {}
    kind, stance = info.get("source_kind"), info.get("stance")
    phrase = " ".join(x for x in (att.speaker or "", att.role or "", extra_text) if x)
    if att.actor is None or kind is None:
        row = actors_mod.classify_role(phrase) if phrase else None
        if row is not None:
            kind = kind or row.get("source_kind") or None
            stance = stance or row.get("stance") or None
    if MONITOR_RE.search(extra_text) and kind in (None, "ngo", "media", "partisan"):
        kind = "monitor"
    if MEDIA_RE.search(phrase) and kind in (None, "media") and STATE_MEDIA_RE.search(phrase):
        kind, stance = "state_media", stance or "pro-government"
    if PRO_GOV_RE.search(extra_text):
        stance = "pro-government"
    elif PRO_OPP_RE.search(extra_text) and not stance:
        stance = "pro-opposition"
    if kind is None and att.actor is not None:
        kind = actors_mod.SOURCE_KIND_OF_KIND.get(att.actor.kind)
    return kind, stance


def _content(cue_tok, para: tuple[int, int], quote_spans, text: str) -> tuple[int, int] | None:
    """The content clause of a speech cue ("said [that] X"), inside the paragraph."""
    comps = [c for c in cue_tok.children if c.dep_ in ("ccomp",)]
    if not comps and cue_tok.lemma_.lower() in TELL_VERBS:
        # "told a crowd that he was troubled", parsed as a relative clause of the hearer
        for obj in cue_tok.children:
            if obj.dep_ in ("dobj", "dative"):
                comps += [c for c in obj.subtree if c.dep_ in ("relcl", "acl") and c.head.i <= obj.i + 4
                          and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                          and any(n.dep_ in SUBJECT_DEPS and n.lower_ not in ("that", "which", "who")
                                  for n in c.children)]
    if not comps and cue_tok.dep_ in ("parataxis",) and cue_tok.head.pos_ in ("VERB", "AUX"):
        comps = [cue_tok.head]
    comps = [c for c in comps if para[0] <= c.idx < para[1] and not _inside(quote_spans, c.idx)]
    if not comps:
        return None
    c = min(comps, key=lambda c: abs(c.i - cue_tok.i))
    toks = [t for t in c.subtree if not (t.i < c.i and t.dep_ == "mark")]
    if c.i == cue_tok.head.i:  # "Lenox was a juggernaut, Mr. Clarke said, until ...": the clause around
        inner = {t.i for t in cue_tok.subtree}
        toks = [t for t in toks if t.i not in inner]
        left = [t for t in toks if t.i < cue_tok.i]
        right = [t for t in toks if t.i > cue_tok.i]
        toks = left if c.i < cue_tok.i else right  # the side holding the clause's verb
    elif c.i > cue_tok.i:
        toks = [t for t in toks if t.i > cue_tok.i]
    else:
        toks = [t for t in toks if t.i < cue_tok.i]
    while toks and toks[0].is_punct:
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks = toks[:-1]
    if len(toks) < 3:
        return None
    s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
    s, e = max(s, para[0]), min(e, para[1])
    between = text[e:cue_tok.idx] if e <= cue_tok.idx else text[cue_tok.idx:s]
    if "—" in between or "–" in between or ";" in between:
        return None  # "Turkey has seen attacks — militants claimed ...": no content across a dash
    return (s, e) if e - s > 8 else None


def find_attributions(parsed: Parsed, ex: Extraction) -> list[Attribution]:
    """Every attribution in the report, in text order (kept in `parsed.state`)."""
    if parsed.state.attributions is not None:
        return parsed.state.attributions
    cues = actors_mod.speech_cues()
    qspans = [(s, e) for s, e, _ in parsed.quote_spans]
    res = Resolver(parsed, ex, qspans)
    out: list[Attribution] = []
    for tok in parsed.tokens:
        if _inside(qspans, tok.idx):
            continue
        cue = _cue_at(tok, parsed, cues, qspans)
        att = _attribution(parsed, ex, res, tok, *cue, cues, qspans) if cue is not None else None
        if att is not None:
            out.append(att)
            res.history.append(att)
    parsed.state.attributions = out
    return out


def _cue_at(tok, parsed: Parsed, cues: dict[str, dict], qspans) -> tuple[object, str, int] | None:
    """(speaker token, cue phrase, cue end offset) when `tok` is an attribution cue with a
    speaker: "according to X", "citing X", "X said ..."."""
    doc = parsed.doc
    low = tok.lower_
    if low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        objs = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
        return (objs[0], "according to", doc[tok.i + 1].idx + 2) if objs else None
    if low == "citing" or (low in ("quoted", "cited") and any(c.dep_ == "agent" for c in tok.children)):
        objs = [c for c in tok.children if c.dep_ in ("dobj", "pobj")]
        for c in tok.children:
            if c.dep_ == "agent":
                objs += [g for g in c.children if g.dep_ == "pobj"]
        return (objs[0], "according to", tok.idx + len(tok)) if objs else None
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    lemma = tok.lemma_.lower()
    if lemma in cues and cues[lemma]["kind"] not in ("according", "none") \
            or lemma not in cues and any(c.dep_ == "ccomp" for c in tok.children):
        return _verb_cue(tok, parsed, cues, qspans)
    return None


def _verb_cue(tok, parsed: Parsed, cues: dict[str, dict], qspans) -> tuple[object, str, int] | None:
    """A speech, report or attitude verb's speaker: its subject (or agent), if it has one
    that holds the clause."""
    text = parsed.text
    lemma = tok.lemma_.lower()
    row = cues.get(lemma, ATTITUDE)
    if lemma == "point" and not any(c.lower_ == "out" for c in tok.children):
        return None
    if lemma == "add" and any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
        return None  # "adding to more than 500,000 who have fled": a sum, not speech
    if row["kind"] == "describe" and lemma == "call" and not any(c.dep_ in ("oprd", "xcomp") for c in tok.children):
        return None
    phrase = lemma if row is not ATTITUDE else "attitude"
    cue_end = tok.idx + len(tok)
    subj = _cue_subject(tok, parsed, qspans)
    if not subj:
        return None
    needs = row.get("needs") or ""
    before = text[max(0, tok.idx - 40):tok.idx].rstrip()
    by_quote = before.endswith((",\"", ",”", ",''", "?\"", "?”", "!\"", "!”")) or \
        text[cue_end:cue_end + 3].lstrip().startswith((":", "“", "\""))
    if needs and not by_quote and not any(c.dep_ == "ccomp" for c in tok.children):
        # "as shelling continued", "video showing residents": no attribution without
        # a content clause (or, for "continued", a colon before a quote)
        if needs == "clause" or not text[cue_end:cue_end + 2].lstrip().startswith(":"):
            return None
    spk = subj[0]
    if spk.tag_ in ("VBG", "VB") or spk.dep_ == "csubj":
        return None
    if row is ATTITUDE and (spk.lower_ in ("it", "there", "this", "that", "what", "which", "who")
                            or spk.pos_ not in ("NOUN", "PROPN", "PRON")):
        return None  # "it seems that": no one holds the clause
    return spk, phrase, cue_end


def _cue_subject(tok, parsed: Parsed, qspans) -> list:
    """The subject of a cue verb: its own, its agent's ("was quoted by X"), the verb's it
    depends on ("responded by saying"), or the name right before it ("..., SANA reported")."""
    doc = parsed.doc
    subj = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
    if tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children):
        subj = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    head = tok
    hops = 0
    while not subj and head.dep_ in ("advcl", "conj", "xcomp", "pcomp") and hops < 3:
        head = head.head
        if head.dep_ == "prep" and head.pos_ == "ADP" and tok.tag_ == "VBG" and \
                head.head.pos_ in ("VERB", "AUX"):
            head = head.head  # "responded by saying ...": the subject of the verb before
        subj = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
        hops += 1
    if subj and subj[0].lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
        subj = [tok.head]
    if not subj and tok.i > 0:
        # "..., killing 11 people, the official Syrian Arab News Agency, or SANA, reported."
        # misparsed: the name right before a closing cue is its subject
        prev = doc[tok.i - 1]
        if prev.is_punct and tok.i > 1 and prev.text == ",":
            prev = doc[tok.i - 2]
        if prev.pos_ in ("PROPN", "NOUN") and prev.idx >= paragraph_of(parsed.paragraphs, tok.idx)[0]:
            while prev.dep_ == "conj" and prev.head.i < prev.i:
                prev = prev.head
            subj = [prev]
    if subj and _inside(qspans, subj[0].idx):  # a quote parsed as the subject
        subj = [c for c in subj if not _inside(qspans, c.idx)]
        if not subj and head.dep_ == "conj":
            subj = [c for c in head.head.children if c.dep_ in SUBJECT_DEPS]
    return subj


def _attribution(parsed: Parsed, ex: Extraction, res: Resolver, tok, spk, phrase: str, cue_end: int,
                 cues: dict[str, dict], qspans) -> Attribution | None:
    """The attribution of cue `tok` by speaker token `spk`: the speaker resolved to a name,
    its role, kind, stance and channel, and the content clause of a speech verb."""
    doc = parsed.doc
    row = ATTITUDE if phrase == "attitude" else cues.get(phrase, ACCORDING)
    name, actor, sspan, generic, channel = _resolve_speaker(spk, parsed, ex, res)
    if not name:
        return None
    name = " ".join(name.split())
    role = actor.role if actor is not None else None
    # appositions of the speaker ("the Syrian Observatory ..., a pro-opposition watchdog")
    appos = [c for c in spk.children if c.dep_ == "appos"]
    extra = " ".join(doc[a.left_edge.i:a.right_edge.i + 1].text for a in appos)
    extra += " " + doc[spk.left_edge.i:spk.i + 1].text
    cue = doc[tok.i:tok.i + 2].text if phrase == "according to" and tok.lower_ == "according" else tok.text
    att = Attribution(cue=cue,
                      cue_lemma=phrase, cue_kind=row["kind"], makes_quote=row.get("quote") == "1",
                      certainty=row.get("certainty") or "asserted", cue_start=tok.idx, cue_end=cue_end,
                      cue_i=tok.i, sent=parsed.sentence_index(tok.idx), speaker=name, speaker_start=sspan[0],
                      speaker_end=sspan[1], role=role, actor=actor, generic=generic)
    if not role and spk.pos_ == "NOUN" and channel is None:
        tail = [t for t in spk.subtree if t.i > spk.i and t.dep_ not in ("punct",)]
        if tail and tail[0].dep_ in ("acl", "relcl", "prep"):
            att.role = doc[tail[0].i:spk.right_edge.i + 1].text.strip(" ,")
    if channel == "group:government":  # several countries speaking together
        channel, att.kind, att.stance = None, "government", None
    else:
        att.kind, att.stance = _source_kind(att, parsed, extra)
    att.channel = channel or _channel(tok, extra=[spk] + [t for a in appos for t in a.subtree if t.dep_ == "acl"])
    if att.makes_quote:
        att.content = _content(tok, paragraph_of(parsed.paragraphs, tok.idx), qspans, parsed.text)
    return att


def find_sources(parsed: Parsed, ex: Extraction) -> list[Source]:
    out = []
    for a in find_attributions(parsed, ex):
        if a.cue_kind == "attitude":
            continue  # "X believes that ...": X holds a view, the report does not cite X
        s, e = min(a.speaker_start, a.cue_start), max(a.speaker_end, a.cue_end)
        out.append(Source(name=a.speaker, kind=a.kind, stance=a.stance, start=s, end=e, cue=a.cue,
                          sentence=parsed.sentence_text(a.cue_start)))
    return out


def source_for(ex: Extraction, start: int, end: int) -> Source | None:
    """The attribution covering a span: the nearest one in its sentence; else the speaker of
    the quote holding it; else the nearest earlier report-level one in its paragraph."""
    sents = ex.sentences
    sent = next((s for s in sents if s.start <= start < s.end), None)
    if sent is not None:
        same = [s for s in ex.sources if sent.start <= s.start < sent.end]
        if same:
            return min(same, key=lambda s: (min(abs(s.start - end), abs(start - s.end)), s.start))
    for q in ex.quotes:
        if q.start <= start and end <= q.end and q.speaker:
            named = [s for s in ex.sources if s.name == q.speaker]
            if named:
                return min(named, key=lambda s: abs(s.start - q.start))
            return Source(name=q.speaker, kind=None, stance=None, start=q.start, end=q.end, cue=q.cue,
                          sentence=q.sentence)
    text = ex.article.text
    pstart = text.rfind("\n", 0, start) + 1
    earlier = [s for s in ex.sources if pstart <= s.start < start
               and (s.cue or "").lower().startswith(("report", "according", "said", "says", "say"))]
    return max(earlier, key=lambda s: s.start) if earlier else None


@functools.lru_cache(maxsize=1)
def stances() -> dict[tuple[str, str], frozenset[str]]:
    """data/stances.csv: (lemma, pos) -> the complements that carry its holder's position."""
    out: dict[tuple[str, str], set[str]] = {}
    for r in read_table("stances.csv"):
        out.setdefault((r["word"], r["pos"]), set()).add(r["complement"])
    return {k: frozenset(v) for k, v in out.items()}


POSSESSIVES = {"his": False, "her": False, "their": True, "its": True}  # -> plural (groups, bodies)
_PRONOUN_OBJECTS = {"it", "them", "this", "that", "these", "those", "him", "her", "us", "me", "you", "which", "what"}


def _position_content(tok, takes: frozenset[str]):
    """Tokens [first, last] of the complement carrying a stance verb's position, or None."""
    kids = list(tok.children)
    dobj = next((c for c in kids if c.dep_ == "dobj"), None)
    if "to" in takes:
        for c in kids:
            if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") and c.i > tok.i and \
                    any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                first = dobj.left_edge.i if dobj is not None and dobj.i < c.i else c.left_edge.i
                return first, c.right_edge.i
    if "oprd" in takes and dobj is not None and dobj.i > tok.i:
        # "called the charges baseless": the object and what it is called
        pred = [c for c in kids if c.dep_ in ("oprd", "xcomp", "ccomp") and c.i > dobj.i and c.pos_ != "VERB"]
        if pred:
            return dobj.left_edge.i, pred[0].right_edge.i
    if "obj" in takes and dobj is not None and dobj.i > tok.i and dobj.lower_ not in _PRONOUN_OBJECTS:
        # "likened the refugees to a snake", "hailed him as a hero": the comparison goes with it
        last = max([dobj.right_edge.i] + [c.right_edge.i for c in kids if c.dep_ == "prep" and c.lower_ in ("to", "as")
                                          and c.i == dobj.right_edge.i + 1])
        return dobj.left_edge.i, last
    if tok.pos_ == "NOUN":
        for c in kids:
            if c.dep_ in ("acl", "relcl") and c.i > tok.i and c.pos_ in ("VERB", "AUX") and (
                    "to" in takes and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) or
                    "that" in takes and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)):
                first = min(t.i for t in c.subtree if not (t.dep_ == "mark" and t.i < c.i))
                return first, c.right_edge.i
    for c in kids:
        if c.dep_ == "prep" and c.lower_ in takes and c.i > tok.i:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs and objs[0].lower_ not in _PRONOUN_OBJECTS and objs[0].ent_type_ not in ("DATE", "TIME"):
                return objs[0].left_edge.i, objs[0].right_edge.i
    return None


def _named(spk, name: str | None, origin: str | None) -> bool:
    """Is the holder a named actor ("Clinton", "the Trump campaign", "she" resolved to one)?"""
    if not name:
        return False
    if spk.pos_ == "PRON":
        # "I spoke to", "we": the writer; an unresolved pronoun names no one
        return spk.lower_ in ("he", "she", "they", "it", *POSSESSIVES) and origin not in (None, "pattern")
    if spk.text.isupper() and len(spk.text) > 3:
        return False  # a shouted headline word the tagger takes for a name
    return spk.pos_ == "PROPN" or any(t.pos_ == "PROPN" and t.dep_ == "compound" for t in spk.children)


def find_positions(parsed: Parsed, ex: Extraction, atts: list[Attribution],
                   taken: list[tuple[int, int]]) -> list[Attribution]:
    """Positions named actors take with the words of data/stances.csv ("X vowed to ...",
    "X called for ...", "X criticised ..."): each an Attribution of kind 'position' whose
    content is the verb's complement. Not Sources; the quotes stage makes them indirect
    quotes. `taken`: spans already quoted (no position inside them)."""
    doc, text = parsed.doc, parsed.text
    table = stances()
    qspans = [(s, e) for s, e, _ in parsed.quote_spans]
    cues = {a.cue_i for a in atts if a.content is not None}
    res = Resolver(parsed, ex, qspans)
    res.history = list(atts)
    paras = parsed.paragraphs
    out: list[Attribution] = []
    for tok in parsed.tokens:
        takes = table.get((tok.lemma_.lower(), tok.pos_))
        if takes is None or tok.i in cues or _inside(qspans, tok.idx):
            continue
        if tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children):
            continue  # "was criticised": the holder is not the subject
        span = _position_content(tok, takes)
        if span is None:
            continue
        if tok.pos_ == "NOUN":  # "Clinton's plan to ...", "his call for ...": the possessor holds it
            subj = [c for c in tok.children if c.dep_ == "poss"]
        elif tok.pos_ == "ADJ":  # "Graham has been critical of ...": the subject of "be"
            subj = [c for c in tok.head.children if c.dep_ == "nsubj"] \
                if tok.dep_ == "acomp" and tok.head.lemma_ == "be" else []
        else:
            subj = [c for c in tok.children if c.dep_ in ("nsubj",)]
            head, hops = tok, 0
            while not subj and (head.dep_ in ("conj", "xcomp") or head.dep_ == "advcl" and head.tag_ == "VBG") \
                    and hops < 3:  # "X said ..., calling for talks"
                head = head.head
                subj = [c for c in head.children if c.dep_ == "nsubj"]
                hops += 1
            if subj and subj[0].lower_ in ("who", "that") and head.dep_ == "relcl":
                subj = [head.head]
        if not subj or _inside(qspans, subj[0].idx):
            continue
        spk = subj[0]
        if spk.lower_ in POSSESSIVES:
            found = res.person_before(spk.idx, plural=POSSESSIVES[spk.lower_])
            if not found:
                continue
            name, actor, sspan, generic, channel = found[0], found[1], (spk.idx, spk.idx + len(spk)), False, None
        else:
            name, actor, sspan, generic, channel = _resolve_speaker(spk, parsed, ex, res)
        origin = actors_mod.actor_info(parsed, actor).get("origin") if actor is not None else None
        if generic or not _named(spk, name, origin) or spk.lower_ in ("it", "its") and origin == "person":
            continue
        para = paragraph_of(paras, tok.idx)
        s, e = doc[span[0]].idx, doc[span[1]].idx + len(doc[span[1]])
        e = min(e, para[1])
        while e > s and text[e - 1] in ",;:—–-":
            e -= 1
        if e <= s or any(s < te and ts < e for ts, te in taken) or _inside(qspans, s):
            continue
        att = Attribution(cue=tok.text, cue_lemma=tok.lemma_.lower(), cue_kind="position", makes_quote=True,
                          certainty="asserted", cue_start=tok.idx, cue_end=tok.idx + len(tok), cue_i=tok.i,
                          sent=parsed.sentence_index(tok.idx), speaker=" ".join(name.split()),
                          speaker_start=sspan[0], speaker_end=sspan[1],
                          role=actor.role if actor is not None else None, actor=actor, channel=channel,
                          content=(s, e))
        out.append(att)
    return out
