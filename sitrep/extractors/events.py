"""Events stage: who did what to whom, where and when, typed the ACLED way and in PLOVER.

Method: rules over the dependency parse. Per sentence:
  1. triggers: predicates (verbs, event nouns, phrasal verbs such as "carry out" or
     "take back") whose lemma is in `data/event_triggers.csv`; a support verb ("launched",
     "fired", "dropped") whose object holds a weapon is itself a trigger;
  2. grouping: a trigger under another trigger of the same happening ("launched shells
     ..., killing 11", "was killed in ... shelling", "attacked and injured") joins its
     group; a conjunct clause with its own subject, a complement clause or a trigger under
     a speech act ("accused X of arresting") starts a new one. One group = one event;
  3. roles from the arguments: actor1 = agent (subject, "by" phrase, "X's shelling",
     "rebel shelling"), actor2 = target/victim (object, passive subject, "on"/"against"
     phrase, "with" for clashes);
  4. typing: the group's frames are resolved to an ACLED sub-event type with the
     codebook's hierarchy (battles over remote violence over violence against civilians)
     from weapon cues, actor kinds and the words of the clause (`event_typing`);
  5. certainty and timing (`event_status`); place and date from the clause, else the
     report frame (`event_place`, `event_time`); fatalities and source from the earlier
     stages. Then the report's mentions of one happening merge into one incident, with a
     confidence (`incidents`, `event_confidence`).
Every event records its trigger and the rule that typed it (`explain`).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..models import CLAIMED_CERTAINTIES, VIOLENT_EVENT_TYPES, Event, Extraction, Fatalities, Place, TimeMention
from . import actors, event_model, layout, sources
from .event_clauses import (
    ASPECT_VERBS,
    HARMED_VERBS,
    Role,
    Trigger,
    _find_triggers,
    _group,
    _group_extent,
    _has_argument,
    _match_trigger,
    _members,
    _roles,
    _verbal,
    evidence_extent,
    set_off_by,
)
from .event_lexicon import (
    _BOMB_WORD,
    _MINING_WORD,
    _TACTICS,
    _TERRITORY,
    _VIOLENT,
    Lexicon,
    _CueIndex,
    _forms,
    _has,
    air_cues_named,
    lexicon,
    planted_bombs_named,
    shelling_named,
)
from .event_model import candidate_features
from .event_place import (
    as_written,
    force_home,
    own_place,
    own_site,
    place_events,
    region_key,
    scene_place,
    telling_force,
)
from .event_roles import (
    _SPEECH,
    DocContext,
    _acled_roles,
    _actor_ref,
    _infer_counterpart,
    _of_whom,
    localise_unnamed,
    unnamed_authority,
)
from .event_status import _certainty, negated_result, no_one_subject, timing
from .event_time import (
    DateAnchor,
    clock_days,
    compared_against,
    continued_dates,
    governing_offset,
    in_dateline,
    later_offsets,
    own_time,
    paragraph_days,
    set_date,
)
from .event_typing import Clause, Typing, aimed_skyward, officials, people_described, type_clause
from .gazetteer import norm_name
from .headline_echo import headline_echoes
from .incidents import (
    _DISTINCT_WORDS,
    _REFERRING,
    SCENE_SENTENCES,
    MentionInfo,
    breaks_before,
    merge_incidents,
    section_breaks,
    type_strength,
)
from .parse import Parsed
from .place_recognition import STREET_NOUNS, person_words
from .report_frame import ReportFrame, is_dateline, report_frame
from .speech_acts import refusal, stated_intention

if TYPE_CHECKING:
    from spacy.tokens import Span


# ---------------------------------------------------------------------------- linking
_KILL_VERBS = frozenset({"kill", "murder", "execute", "behead", "assassinate", "slaughter", "massacre"})


def _fatalities(ex: Extraction, lo: int, hi: int, sole_event: bool, s_lo: int, s_hi: int,
                members: list[Trigger]) -> Fatalities | None:
    killed = [f for f in ex.figures if f.category == "killed"]
    hits = [f for f in killed if lo <= f.start < hi] or (
        [f for f in killed if s_lo <= f.start < s_hi] if sole_event else [])
    if hits:
        f = min(hits, key=lambda f: f.low if f.low is not None else 10**9)
        return Fatalities(f.low, f.best, f.high)
    for m in members:  # "a colonel was killed", "killing 11 people" without a figure
        if m.frame != "KILL" or m.tok.lemma_.lower() not in _KILL_VERBS:
            continue
        n = _victims_counted(_victim(m.tok))
        if n is not None:
            return Fatalities(n, n, n)
    return None


def _victim(verb):
    """Who a killing verb's clause says died: its object or passive subject, or its first
    conjunct's ("Crutcher was shot and killed")."""
    for v in (verb, verb.head) if verb.dep_ == "conj" else (verb,):
        victim = next((c for c in v.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if victim is not None:
            return victim
    return None


def _victims_counted(victim) -> int | None:
    """How many the victim phrase counts: "11 people", "a colonel" (1), a named person and
    the people named beside them ("Terence Crutcher" 1, "Ann Lee and Tom Reed" 2)."""
    if victim is None:
        return None
    num = next((c for c in victim.children if c.dep_ == "nummod"), None)
    if num is not None:
        return int(num.text.replace(",", "")) if num.text.replace(",", "").isdigit() else None
    if victim.tag_ in ("NN", "NNP") and any(c.lower_ in ("a", "an", "one") for c in victim.children):
        return 1
    if victim.ent_type_ == "PERSON" and victim.tag_ == "NNP":
        return 1 + sum(1 for c in victim.conjuncts if c.ent_type_ == "PERSON" and c.tag_ == "NNP")
    return None


# ---------------------------------------------------------------------------- stage
@dataclass
class Candidate:
    """One trigger group of a sentence: one event mention if it types."""
    head: Trigger
    members: list[Trigger]
    lo: int  # first and last token of its clause
    hi: int
    start: int
    end: int
    evidence: tuple[int, int]  # the characters of its own telling (evidence_extent): the mention's span
    cues: dict
    weapons: set[str]  # tactics its own clause names
    model_p: float | None = None  # typed by the sentence head: its probability


@dataclass
class SentenceView:
    """What every candidate of one sentence shares."""
    k: int
    span: Span
    cues: dict
    next_cues: dict
    next_text: str
    in_headline: bool
    headline_grammar: bool = False  # a headline's or a deck's: its present tells what happened
    candidates: list[Candidate] = field(default_factory=list)


@dataclass
class ReportView:
    """What every sentence of one report shares."""
    parsed: Parsed
    ex: Extraction
    lex: Lexicon
    ctx: DocContext
    frame: ReportFrame
    index: _CueIndex
    place_spans: list[tuple[int, int]]
    # the place names that name no site: a name the gazetteer could not place, or a town
    # abroad it matched to a local name ("attacked Palma town" in Mozambique is no Palma of
    # Spain), is left for the site
    home_place_spans: list[tuple[int, int]] = field(default_factory=list)
    use_model: bool = True  # type with the learned heads when a model is shipped
    collect: list[dict] | None = None  # training: every candidate's features are appended here
    collect_mentions: list[dict] | None = None  # training: every mention's confidence features
    own_places: dict[int, Place | None] = field(default_factory=dict)  # id(event) -> its clause's place
    infos: dict[int, MentionInfo] = field(default_factory=dict)  # id(event) -> what merging reads
    time_roots: dict[int, object] = field(default_factory=dict)  # time's start -> its span's root (time_root)
    # read once per report: the heads in use, and whether a sentence the rules make no
    # event of is offered to the sentence head (always when collecting training rows)
    heads: dict | None = field(init=False, default=None)
    offers_fallback: bool = field(init=False, default=False)
    dateline_lead: tuple[int, int] | None = field(init=False, default=None)  # see _dateline_lead
    deck: tuple[int, int] | None = field(init=False, default=None)  # see layout.deck_span
    section_breaks: list[int] = field(init=False, default_factory=list)  # see incidents.section_breaks
    paragraph_starts: list[int] = field(init=False, default_factory=list)  # of Parsed.paragraphs
    # the times that can date an event: all but a dateline's date (event_time.in_dateline)
    event_times: list[TimeMention] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self.heads = event_model.model() if self.use_model else None
        self.offers_fallback = self.collect is not None or bool(self.heads and "sentence" in self.heads)
        self.dateline_lead = _dateline_lead(self.parsed.text)
        self.deck = layout.deck_span(self.parsed.text)
        self.section_breaks = section_breaks(self.parsed.text)
        self.paragraph_starts = [start for start, _ in self.parsed.paragraphs]
        self.event_times = [t for t in self.ex.times if not in_dateline(self.parsed.text, t)]


def _char_extent(doc, lo: int, hi: int) -> tuple[int, int]:
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _candidates(view: ReportView, sent: Span, tokens) -> list[Candidate]:
    trigs = _find_triggers(tokens[sent.start:sent.end], view.lex, view.ctx.names)
    doc = view.parsed.doc
    groups = [(head, _members(head)) for head in (_group(trigs) if trigs else [])]
    extents = [_char_extent(doc, *_group_extent(members)) for _, members in groups]
    out = []
    for (head, members), (start, end) in zip(groups, extents, strict=True):
        lo, hi = _group_extent(members)
        # a clause of another happening inside this one's ("killed when gunmen attacked
        # homes, ... hours before a roadside bomb struck a minibus") names its own weapons
        # and actors; only its words that set a scene ("during the match") are this one's too
        inner = tuple((s, e) for s, e in extents if start <= s and e <= end and (s, e) != (start, end))
        cues = view.index.within(start, end, inner)
        local = {v for v, _ in cues.get("weapon", ()) if v in _TACTICS} or (
            {"AIR"} if any(m.frame == "AIRSTRIKE" for m in members) else set())
        e_lo, e_hi = evidence_extent(members)
        evidence = (doc[e_lo].idx, doc[e_hi].idx + len(doc[e_hi].text))
        out.append(Candidate(head, members, lo, hi, start, end, evidence, cues, local))
    return out


def _sentence_view(view: ReportView, k: int) -> SentenceView:
    sents, doc_text = view.parsed._sents, view.parsed.doc_text
    sent = sents[k]
    nsent = sents[k + 1] if k + 1 < len(sents) else None
    nxt = doc_text[nsent.start_char:nsent.end_char] if nsent is not None else ""
    next_cues = view.index.within(nsent.start_char, nsent.end_char) if nsent is not None else {}
    in_headline = _in_headline(view.parsed, sent, view.dateline_lead)
    in_deck = view.deck is not None and view.deck[0] <= sent.start_char < view.deck[1]
    return SentenceView(k, sent, view.index.within(sent.start_char, sent.end_char), next_cues, nxt,
                        in_headline, in_headline or in_deck)


HEADLINE_WORDS = 18
# a dateline opening the text: "COLUMBIA, Ky. (WBKO) - ", "BEIRUT (Reuters) -- "
_DATELINE_LEAD = re.compile(r"\s*[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][A-Za-z.]{1,12})?\s*(?:\([A-Za-z-]{2,12}\))?\s*"
                            r"(?:—|–|--|-)\s*")
_DATELINE_START = re.compile(r"\s*(?:\n|[A-Z][A-Z .,'-]{2,40}(?:—|–|--| - |,))")


def _dateline_lead(text: str) -> tuple[int, int] | None:
    """(where the opening dateline ends, where the first line ends) when the text opens
    with a dateline and has more than one line."""
    dash = _DATELINE_LEAD.match(text)
    line_end = text.find("\n")
    return (dash.end(), line_end) if dash and line_end > 0 else None


_FINITE_TAGS = frozenset({"VBZ", "VBP", "MD"})  # and a past tense heading its sentence


def _in_headline(parsed: Parsed, sent: Span, dateline_lead: tuple[int, int] | None) -> bool:
    """The report's headline, kept as its first line or sentence (news headlines are in
    the present): the first sentence, short, and followed by a line break or a dateline
    ("... on Arms Charges. TBILISI, Georgia -- ..."); or, after an opening dateline, the one
    short sentence of the first line (a broadcaster's headline-style lead: "COLUMBIA, Ky.
    (WBKO) - A Metcalfe County man is arrested after ...")."""
    if dateline_lead is not None:
        dash_end, line_end = dateline_lead
        if sent.start_char <= dash_end and line_end <= sent.end_char <= line_end + 1:
            return sum(1 for t in sent if t.idx >= dash_end and not t.is_space) <= HEADLINE_WORDS
    if 0 < sent.start_char <= layout.HEADLINE_CHARS and sent.start_char in layout.headline_breaks(parsed.text):
        return True  # a headline's later clause ("...; at least 12 killed"), parsed apart (layout)
    end = layout.headline_end(parsed.text) if sent.start_char == 0 else None
    if end is not None and len(parsed.span_text(sent).rstrip()) <= end:
        return True  # the headline's own paragraph, however many words ("... near Said Sadiq as teachers ...")
    if sent.start_char > 0 or len(parsed.span_text(sent).split()) > HEADLINE_WORDS:
        return False  # words, not tokens: "Port-au-Prince" is one word of a headline
    if sent.root.tag_ in ("VBZ", "VBP") and not any(k.dep_ in ("aux", "auxpass") for k in sent.root.children) \
            and sent.root.lemma_ != "be" and len(parsed.sentences) > 1:
        return True  # "Avoyelles task force arrests 14." run into its body: headline grammar
    if len(parsed.sentences) > 1 and any(t.tag_ in ("VBN", "VBG", "VBD") for t in sent) and not any(
            t.tag_ in _FINITE_TAGS or (t.tag_ == "VBD" and t.dep_ == "ROOT") for t in sent):
        return True  # "Leeds: Man jailed for forged visas.": verbs, none finite: headline grammar
    first_line = parsed.text.split("\n", 1)[0].strip()
    if not first_line.endswith((".", '"', "”")) or first_line == (parsed.article.title or "").strip():
        return True
    return bool(_DATELINE_START.match(parsed.text, sent.end_char))


def _mention(view: ReportView, sv: SentenceView, cand: Candidate, others: list[Candidate]) -> Event | None:
    """The event one candidate reports, typed, with its status, actors, place and time."""
    lex, head, members = view.lex, cand.head, cand.members
    frames = [m.frame for m in members]
    certainty, cwhy = _certainty(head, members, lex)
    if certainty == "block":
        return None
    a_role, p_role = _roles(head, members, lex)
    if not _has_argument(head, members, a_role, p_role):
        return None
    actor1 = _actor_ref(a_role, view.parsed, view.ex, lex, view.ctx)
    if actor1 is not None and actor1.kind in (None, "civilians") and _no_doer(a_role, lex):
        actor1 = None
    actor2 = _actor_ref(p_role, view.parsed, view.ex, lex, view.ctx)
    lone = not any(o.weapons for o in others if o is not cand)
    if head.frame == FALLBACK:  # no rule types a bare predicate: the sentence head will
        typing = Typing(None, "no rule")
    else:
        typing = type_clause(Clause(frames, head, lex, cand.cues, sv.cues, sv.next_cues, sv.next_text, actor1,
                                    actor2, a_role, p_role, view.place_spans, view.ctx, cand.start, cand.end, lone))
    code, mwhy = _decide(view, sv, cand, typing.code, certainty, actor1, actor2, a_role, p_role)
    if code is None:
        return None
    row = lex.types[code]
    actor1, actor2, role_note = _acled_roles(row, frames, actor1, actor2, view.ctx)
    if actor1 is None:
        words = {head.tok.lemma_.lower(), *head.phrase.lower().split()}  # "issued (a) citation"
        actor1, role_note = unnamed_authority(row.plover, words, view.ctx)
    ev = Event(event_type=row.event_type, sub_event_type=row.sub_event_type, plover=row.plover,
               mode=head.mode or row.mode or None, actor1=actor1, actor2=actor2, certainty=certainty,
               start=cand.evidence[0], end=_evidence_end(view.parsed.text, cand, head, members),
               sentence=view.parsed.span_text(sv.span), trigger=_trigger_text(head))
    ev.assoc_actor1 = [r for r in (_actor_ref(Role(c, "conj"), view.parsed, view.ex, lex, view.ctx)
                                   for c in (a_role.conj if a_role else [])) if r]
    ev.rule = (f"{'+'.join(dict.fromkeys(frames))} -> {row.sub_event_type or row.plover}: {typing.why}"
               f"; actor1 {a_role.how if a_role else '-'}, actor2 {p_role.how if p_role else '-'}"
               + (f"; {role_note}" if role_note else "") + (f"; certainty {certainty} ({cwhy})" if cwhy else "")
               + (f"; {mwhy}" if mwhy else ""))
    _situate(view, sv, cand, ev, a_role, p_role, sole=sum(1 for o in others if o.weapons or o is cand) <= 1,
             cwhy=cwhy)
    return ev


def _evidence_end(text: str, cand: Candidate, head: Trigger, members: list[Trigger]) -> int:
    """Where the mention's evidence ends: before a result clause it negates ("... repelled the
    aggression, killing no one"), which tells what did not happen."""
    negated = negated_result(head, members)
    if negated is None:
        return cand.evidence[1]
    cut = negated.anchor.left_edge.idx
    while cut > cand.evidence[0] and not text[cut - 1].isalnum():
        cut -= 1  # the comma and the space before the clause
    return min(cand.evidence[1], cut) if cut > cand.evidence[0] else cand.evidence[1]


# places and gatherings an attack strikes, which the actor cues read as civilians: never
# the doer ("Market shelling kills 14": the parser's subject)
_STRUCK_PLACES = frozenset({"hospital", "school", "market", "mosque", "church", "wedding"})


def _no_doer(role, lex: Lexicon) -> bool:
    """The agent the parse gives is a place struck or an event noun ("Mosque bombing kills
    20": the bombing did the killing, its doer is unnamed; "Taliban attack kills 20" names
    its doer, an actor of a kind)."""
    if role is None or role.tok.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = role.tok.lemma_.lower()
    return lemma in _STRUCK_PLACES or (role.tok.pos_ == "NOUN" and lemma in lex.triggers)


def _decide(view: ReportView, sv: SentenceView, cand: Candidate, rule_code: str | None, certainty: str,
            actor1, actor2, a_role, p_role) -> tuple[str | None, str]:
    """The candidate's type: the rules' reading weighed by the learned heads (event_model)."""
    heads = view.heads
    fallback = cand.head.frame == FALLBACK
    if view.collect is None and (heads is None or ("acled" not in heads and not fallback)):
        return rule_code, ""  # no head reads this candidate: its features are not worth computing
    row = view.lex.types.get(rule_code) if rule_code else None
    family = (row.event_type or "PLOVER") if row else "NONE"
    feats = candidate_features(cand.head, cand.members, sv.span, cand.lo, cand.hi, rule_code, family,
                               actor1.kind if actor1 else None, actor2.kind if actor2 else None, a_role, p_role,
                               cand.cues, sv.cues, certainty)
    if view.collect is not None:
        view.collect.append({"start": cand.start, "end": cand.end, "sentence": sv.k, "rule": rule_code,
                             "features": feats, "fallback": fallback,
                             "sentence_span": (sv.span.start_char, sv.span.end_char)})
    if fallback:
        head = heads.get("sentence") if heads else None
        code, p, why = event_model.decide_sentence(head.probs(feats) if head else None, view.lex.types)
        cand.model_p = p if code is not None else None
        return code, why
    if not heads or "acled" not in heads:
        return rule_code, ""
    probs = {name: h.probs(feats) for name, h in heads.items() if name != "sentence"}
    return event_model.decide(rule_code, probs, view.lex.types)


# PLOVER acts one may offer standing (a service, a programme, support), not only do once
# verbal acts a named site can hold: talks in a hall, a rally at a Capitol, a charge or a
# sentence read out in a court; a request or a statement is where its speaker is
_AT_SITES = frozenset({"CONSULT", "PROTEST", "ACCUSE", "SANCTION"})
_OFFERED = frozenset({"AGREE", "AID", "SUPPORT", "COOPERATE"})


def _trigger_text(head: Trigger) -> str:
    return head.phrase if head.anchor.i == head.tok.i else f"{head.anchor.text} ... {head.phrase}"


# "an apology earlier this year": an earlier incident the report recalls, however close to
# the news the period runs
_EARLIER_PERIOD = re.compile(r"\bearlier (?:this|in the) (?:year|month)\b", re.I)
# a time well before the news, whenever the news was: "last year", "two years ago",
# "earlier this year" (a report without a publication date still says its recalled
# incidents are past). Read off the clause's text, not the times stage's expressions: with
# no date to anchor them those are dropped, and the tagger misses some ("visit to Riyadh
# last year")
_LONG_AGO = re.compile(r"\b(?:last|previous|past) (?:year|decade|summer|winter|spring|autumn|fall)\b|"
                       r"\b(?:years|decades|a year|a decade) (?:ago|earlier|before)\b|"
                       r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+) years? (?:ago|earlier|before)\b|"
                       + _EARLIER_PERIOD.pattern, re.I)


_MODIFIER_DEPS = frozenset({"compound", "amod", "npadvmod", "nmod", "nummod", "poss"})


def time_root(view: ReportView, t):
    """The root token of a time's words (built once per time of the report), or None."""
    if t.start not in view.time_roots:
        span = view.parsed.doc.char_span(t.start, t.end, alignment_mode="expand")
        view.time_roots[t.start] = span.root if span is not None else None
    return view.time_roots[t.start]


def _dated_noun(view: ReportView, t) -> tuple[object, str] | None:
    """(the event noun, its frame) when the time modifies one ("the December slaying",
    "last week's shooting"), else None."""
    root = time_root(view, t)
    if root is None or root.dep_ not in _MODIFIER_DEPS or root.head.pos_ != "NOUN":
        return None
    hit = _match_trigger(root.head, view.lex)
    return (root.head, hit[0]) if hit else None


def _dates_another_event(view: ReportView, t, cand: Candidate) -> bool:
    """A time that modifies another event noun dates that event ("indicts man in December
    slaying", "charged in the 2015 killing"), not the clause's own."""
    dated = _dated_noun(view, t)
    return dated is not None and dated[0].i not in {m.tok.i for m in cand.members}


# the family (incidents.family) of a happening an event noun's frame names
_NOUN_FAMILIES = {**dict.fromkeys(_VIOLENT | {"CLASH"}, "violence"), "PROTEST": "protest", "RIOT": "protest",
                  "ARREST": "Arrests"}


def _dated_event_nouns(view: ReportView) -> list[DateAnchor]:
    """Event nouns a time modifies ("last week's shooting", "the March 7 attack"), as
    anchors for the mentions that go on telling them (event_time.continued_dates)."""
    out = []
    for t in view.ex.times:
        dated = _dated_noun(view, t) if t.date_start else None
        kind = _NOUN_FAMILIES.get(dated[1]) if dated else None
        if kind is not None:
            noun, timing = dated[0], "background" if _recalled(view.frame, t) else "current"
            out.append(DateAnchor(noun.idx + len(noun.text), kind, timing, t.date_start, t.date_end, t.precision))
    return out


def _recalled(frame: ReportFrame, t) -> bool:
    """The time ends before the report's news days (BACKGROUND_DAYS before its news date)."""
    end = t.date_end or t.date_start
    return frame.news_date is not None and end is not None and end < _days_before(frame.news_date, BACKGROUND_DAYS)


def _dates_a_relative_clause(view: ReportView, t, cand: Candidate) -> bool:
    """A time in a relative clause dates what that clause tells ("asking for $1.6 million
    for work it completed from December 2003 to April 2004"), not the event it hangs on."""
    node = time_root(view, t)
    if node is None:
        return False
    own = {i for m in cand.members for i in (m.tok.i, m.anchor.i)}
    while node.head.i != node.i and node.i not in own:
        node = node.head
        if node.pos_ in ("VERB", "AUX") and node.i not in own:
            # "clashes that broke out on Sunday evening": a clause telling when the event
            # itself started or went on dates it
            aspect = node.head.i in own and node.lemma_.lower() in ASPECT_VERBS
            return node.dep_ in ("relcl", "acl") and not aspect
    return False


def _situate(view: ReportView, sv: SentenceView, cand: Candidate, ev: Event, a_role, p_role, sole: bool,
             cwhy: str = "") -> None:
    """Timing, place, date, fatalities and source of a typed mention."""
    ex, frame, head = view.ex, view.frame, cand.head
    s_lo, s_hi = sv.span.start_char, sv.span.end_char
    cause = set_off_by(head.anchor)  # "torched late on Sunday, triggering an exchange of fire": Sunday's too
    others = [(o.start, o.end) for o in sv.candidates if o is not cand and not (o.start <= cand.start < o.end)
              and not (cause is not None and o.start <= cause.idx < o.end)]
    times = [t for t in view.event_times if cause is not None or not (s_lo <= t.start < s_hi and (
        _dates_another_event(view, t, cand) or _dates_a_relative_clause(view, t, cand)
        or (compared_against(view.parsed.text, t) and not _told_under(view.parsed.text, t, cand.start))))]
    t = own_time(times, cand.start, cand.end, others, s_lo, s_hi, head.tok.idx, view.parsed.text)
    physical = ev.event_type is not None
    early = t is not None and t.date_end is not None and (_recalled(frame, t) or _EARLIER_PERIOD.search(t.text))
    if frame.news_date is None and t is None:
        clause = head.anchor.doc[head.anchor.left_edge.i:head.anchor.right_edge.i + 1]
        early = _LONG_AGO.search(clause.text) is not None
    ev.timing, twhy = timing(head, cand.members, physical=physical, in_headline=sv.headline_grammar,
                             background_day=early, offering=not physical and ev.plover in _OFFERED)
    if twhy:
        ev.rule += f"; timing {ev.timing} ({twhy})"
    set_date(ev, t, frame, governing_offset(head), governor_time=t is not None and not cand.start <= t.start < cand.end)
    frames = {m.frame for m in cand.members}
    roles = [p_role] + ([a_role] if frames & _TERRITORY else [])
    homes = _law_homes(a_role, head.anchor, ex.places) if frames & _LAW_FRAMES else set()
    # "met Lavrov in Brussels": the one met may carry the meeting's place, as the premises
    # searched carry the search's ("his home in Aydin was searched")
    placing = roles if physical else [p_role] if ev.plover in ("CONSULT", "COERCE") else []
    if "PROTEST" in frames and p_role is not None and p_role.how == "against-phrase":
        # "protests against an amendment being debated in Paris": what they oppose, not where
        placing = [r for r in placing if r is not p_role]
    place = own_place(view.parsed, ex.places, cand.members, placing, frame.country,
                      cand.start, cand.end, homes, role_words=physical,
                      stationed=a_role if a_role is not None and a_role.how == "subject" else None)
    if place is None and physical:
        place = _sentence_scene(view, sv.span, frame.country)
    view.own_places[id(ev)] = place
    info = view.infos[id(ev)] = _mention_info(cand, ev, p_role, t, place)
    info.site = own_site(view.parsed, cand.members, view.home_place_spans) if physical or ev.plover in _AT_SITES \
        else None
    info.toll_only = a_role is None and all(m.frame == "KILL" for m in cand.members)
    info.skyward = all(m.frame == "SHOOT" and aimed_skyward(m.tok) for m in cand.members)
    info.sentence = sv.k
    info.section = breaks_before(view.section_breaks, ev.start)
    info.paragraph = breaks_before(view.paragraph_starts, ev.start)
    info.certainty_why, info.certainty = cwhy, ev.certainty
    info.agent_is_subject = a_role is not None and a_role.how in ("subject", "inherited subject")
    info.agent_how = a_role.how.split()[-1] if a_role else ""
    info.patient_how = p_role.how.split()[-1] if p_role else ""
    info.time_precision, info.siblings = ev.time_precision, len(sv.candidates)
    info.where = "headline" if sv.in_headline else "lead" if sv.span.start_char < view.frame.lead_end else "body"
    info.subhead = info.where == "body" and _subhead(view.parsed.text, sv.span)
    info.in_quote = any(qs <= ev.start < qe for qs, qe, _ in view.parsed.quote_spans)
    info.typing_why = ev.rule.split(": ", 1)[1].split(";")[0] if ": " in (ev.rule or "") else ""
    info.depth = _depth(head.anchor)
    info.model_p = cand.model_p
    if physical:
        ev.fatalities = _fatalities(ex, cand.start, cand.end, sole, s_lo, s_hi, cand.members)
    src = sources.source_for(ex, cand.start, cand.end)
    ev.source = src.name if src is not None else None


def _subhead(text: str, sent: Span) -> bool:
    """A line of its own in the body, short and unpunctuated, over a paragraph: a section's
    heading ("Municipal official shot dead in Da'el"), which the paragraph below retells."""
    lo, hi = sent.start_char, len(text[:sent.end_char].rstrip())
    line_start, line_end = text.rfind("\n", 0, lo) + 1, text.find("\n", hi)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:lo].strip() or text[hi:line_end].strip() or not text.startswith("\n", line_end):
        return False
    return not text[lo:hi].endswith((".", "?", "!", '"', "”", ":")) and len(text[lo:hi].split()) <= HEADLINE_WORDS


def _sentence_scene(view: ReportView, sent: Span, country: str | None) -> Place | None:
    """"Residents in Omdurman counted 12 dead after heavy shelling": a clause that attaches
    no place of its own happens where its sentence's main clause says it is, a town or a
    site in the report's country; not a dateline, a region or a country (they say no more
    than the report's setting), nor where a speaker is ("witnesses in Kisumu said")."""
    root = sent.root
    speakers = [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)) for t in root.children
                if t.dep_ == "nsubj" and root.lemma_.lower() in _SPEECH]
    places = [p for p in view.ex.places if sent.start_char <= p.start < sent.end_char
              and not is_dateline(p, view.parsed) and not any(a <= p.start < b for a, b in speakers)]
    p = scene_place(view.parsed, root, places)
    if p is None or (country and p.country != country) or p.feature in _WIDE_FEATURES:
        return None
    return p


_WIDE_FEATURES = frozenset({"country", "admin1", "continent", "region"})


# what a local force or court does where it sits (event_place.force_home)
_LAW_FRAMES = frozenset({"ARREST", "ACCUSE", "SANCTION", "COERCE"})
_PRIVATE_KINDS = frozenset({"other", "civilians"})  # people, not a state or an armed group


def _told_under(text: str, t, start: int) -> bool:
    """The candidate is told in the clause the time opens ("the deadliest since November last
    year, when three soldiers were killed"): the time is that clause's own."""
    return start >= t.end and re.match(r"\s*,?\s*when\b", text[t.end:t.end + 12]) is not None


def _law_homes(a_role, anchor, places: list[Place]) -> set[int]:
    """The words of the acting force's home (event_place.force_home); with no agent, those
    of the force that tells of the arrest, when its home is a town: "Durham police said three
    people were arrested" (a state's or county's police speaks for a wider area than where
    it arrests)."""
    if a_role is not None:
        return {t.i for t in force_home(a_role.tok)}
    towns = [(p.start, p.end) for p in places if p.feature == "city"]
    return {t.i for t in force_home(telling_force(anchor)) if any(a <= t.idx < b for a, b in towns)}


def _mention_info(cand: Candidate, ev: Event, p_role, t, place: Place | None) -> MentionInfo:
    head = cand.head
    noun = not _verbal(head.tok)
    kids = [c for m in cand.members for c in m.tok.children]
    return MentionInfo(
        trigger_pos=head.tok.pos_, weak=head.weak, lemma=head.tok.lemma_.lower(),
        referring=_refers_back(head.tok, noun, kids),
        names_only=noun and _names_only(head.tok),
        no_ones=noun and _under_no_one(head.tok),
        patient=_named_patient(p_role),
        patient_noun=_patient_noun(p_role),
        theme=p_role.tok.lemma_.lower() if p_role is not None and p_role.tok.pos_ == "NOUN" else None,
        pronoun_patient=p_role is not None and p_role.tok.lower_ in ("him", "her"),
        result_clause=head.anchor.tag_ == "VBG" and head.anchor.dep_ == "advcl",
        own_period=(t.date_start, t.date_end or t.date_start) if t is not None and t.date_start else None,
        own_place=place.name if place is not None else None,
        own_area=place,
        distinct=any(c.lower_ in _DISTINCT_WORDS for c in kids) or (place is not None and _also(head)),
        strength=type_strength(ev.rule))


def _under_no_one(tok) -> bool:
    """An event noun in what no one did: "No group has claimed responsibility for the attack",
    "nobody was hurt in the blast". Coders code the clause as no event, its reference with it."""
    verb = tok.head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.dep_ == "ROOT":
            break
        verb = verb.head
    return no_one_subject(verb)


def _also(head) -> bool:
    """"Demonstrations were also reported in Valencia": an instance of its own, at a place of
    its own (what "also" adds to an incident with no place of its own is more of it)."""
    verbs = {head.tok, head.anchor} | ({head.tok.head} if head.tok.dep_ in ("nsubj", "nsubjpass") else set())
    return any(c.dep_ == "advmod" and c.lower_ in ("also", "too") for t in verbs for c in t.children)


def _refers_back(tok, noun: bool, kids: list) -> bool:
    """A definite event noun ("the attack", "Karlov's assassination"), or a verb whose
    subject is one or a definite weapon it names ("the shells hit a bakery", "the blast
    destroyed"), or that names one as its cause ("three were killed in the attack"): the
    mention tells an incident the report has already told."""
    def determines(c) -> bool:  # "the", "this", "its", "Karlov's"
        return c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _REFERRING)
    if noun:
        return any(determines(c) for c in kids)
    lex = lexicon()

    def names_event(c) -> bool:  # an event noun or a weapon, not a person ("the gunman was killed")
        return (c.lemma_.lower() in lex.triggers or c.lower_ in lex.cue_map) and not lex.actor_kinds(c.text)

    def told(c) -> bool:  # "the shells", "the attack": not "the second missile"
        return c.pos_ == "NOUN" and any(determines(d) for d in c.children) and names_event(c) \
            and not any(d.lower_ in _DISTINCT_WORDS for d in c.children)
    causes = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in _CAUSE_PREPS for g in c.children
              if g.dep_ == "pobj" and _NOUN_FAMILIES.get(lex.frame_of(g.lemma_.lower()) or "") == "violence"]
    return any(c.dep_ in ("nsubj", "nsubjpass") and told(c) for c in tok.children) or any(map(told, causes))


# a casualty's cause: "killed in the attack", "wounded by the explosion"
_CAUSE_PREPS = frozenset({"in", "by", "during", "from"})


def _names_only(tok) -> bool:
    """The event noun's clause tells nothing the incident did: it is not what killed or hurt
    someone ("the third person injured in the blast") nor the subject of a verb acting on
    something ("the blast wrecked two vehicles"), but of a verb that sets it beside other
    news ("The attack came as ...", "the protests began on Monday", "the arrests were linked
    to ...") or a word in another's clause ("police would not say whether the bomb ...")."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in _CAUSE_PREPS and head.head.lemma_.lower() in HARMED_VERBS:
        return False
    return not (tok.dep_ == "nsubj" and head.lemma_.lower() not in _SEQUENCE_VERBS
                and any(c.dep_ == "dobj" for c in head.children))


# verbs that set one happening after or before another ("the ambush followed weeks of raids")
_SEQUENCE_VERBS = frozenset({"follow", "precede"})


def _depth(tok) -> int:
    """How many heads above `tok` its sentence's root is."""
    n = 0
    while tok.head.i != tok.i and n < 10:
        tok, n = tok.head, n + 1
    return n


def _patient_noun(role) -> str | None:
    """The patient's common noun when it is a kind of person ("a man", "the teenager") or a
    person's relation ("his brother"): what tells two victims apart when neither is named.
    Not what a verb takes as its object otherwise ("fired a total of 12 rounds")."""
    if role is None or role.tok.pos_ != "NOUN":
        return None
    tok = role.tok
    related = any(c.dep_ == "poss" for c in tok.children)
    return tok.lemma_.lower() if related or lexicon().actor_kinds(tok.text) else None


def _named_patient(role) -> str | None:
    """The patient as a key when it singles someone out: a proper name, or a definite
    person ("the ambassador"); a plural or a bare noun ("neighborhoods") does not."""
    if role is None:
        return None
    tok = role.tok
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG"):
        return tok.lemma_.lower()
    definite = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "some", "any") for c in tok.children)
    if tok.tag_ == "NN" and definite:
        return tok.lemma_.lower()
    return None


BACKGROUND_DAYS = 14  # an event dated this long before the news is recalled, not reported


def _days_before(iso: str, n: int) -> str:
    return (dt.date.fromisoformat(iso) - dt.timedelta(days=n)).isoformat()


def _embedded_heads(built: list[tuple[Event, Trigger]]) -> set[int]:
    """Tokens above each ACLED event's trigger, and the relative clause on its noun ("an
    attack that Britain blamed on Russia"): an accusation there is its attribution. An
    attack only incited or wished ("accused him of inciting the public to attack officers")
    is no event the accusation attributes: the accusation stands."""
    out: set[int] = set()
    for ev, head in built:
        if ev.event_type and ev.certainty not in ("future", "hypothetical"):
            for m in _members(head):  # the head among them
                out.update(c.i for c in m.tok.children if c.dep_ in ("relcl", "acl"))
            anc = head.anchor.head
            for _ in range(6):
                out.add(anc.i)
                if anc.head.i == anc.i:
                    break
                anc = anc.head
    return out


_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")


def _dated_in_full(times: list[TimeMention], sent: Span) -> bool:
    """The sentence states a day with its year ("on December 11, 2016"), as the times
    stage read it."""
    return any(sent.start_char <= t.start < sent.end_char and t.precision == "day" and _YEAR_RE.search(t.text)
               for t in times)


def _in_caption(parsed: Parsed, sent: Span, times: list[TimeMention]) -> bool:
    """A photo caption tells the picture, not the news: a sentence in a caption span
    (layout.caption_spans), or a paragraph of its own in a wire caption's form, a present-
    tense scene on a dated day ("A nun reacts as ... on December 11, 2016, in Cairo")."""
    spans = [(s, e) for s, e in parsed.caption_spans if s < sent.end_char and sent.start_char < e]
    # a caption alone (a snippet, a feed item) is the only news there is
    if spans and any(e - s < len(parsed.text.strip()) for s, e in spans):
        return True
    if len(parsed.paragraphs) < 2:
        return False
    root = sent.root  # present tense; the tagger reads some caption verbs as plurals ("a nun reacts")
    if root.tag_ not in ("VBZ", "VBP", "NNS") or any(c.dep_ in ("aux", "auxpass") for c in root.children):
        return False
    if root.lemma_ in ("be", "have") or root.lemma_ in actors.speech_lemmas():
        return False
    para = layout.paragraph_of(parsed.paragraphs, sent.start_char)
    if para[0] != sent.start_char or parsed.text[sent.end_char:para[1]].strip():
        return False
    return _dated_in_full(times, sent)


def _sentence_events(view: ReportView, k: int, tokens) -> list[Event]:
    sent = view.parsed._sents[k]
    if _in_caption(view.parsed, sent, view.ex.times):
        return []
    cands = _candidates(view, sent, tokens)
    if not cands and not view.offers_fallback:
        return []
    sv = _sentence_view(view, k)
    sv.candidates = cands
    built = [(ev, c.head) for c in cands if (ev := _mention(view, sv, c, cands)) is not None]
    if not built and view.offers_fallback:
        fb = _fallback_candidate(view, sent)
        if fb is not None:
            sv.candidates = [*cands, fb]
            built = [(ev, fb.head) for ev in [_mention(view, sv, fb, sv.candidates)] if ev is not None]
    embedded = _embedded_heads(built)
    out = []
    for ev, head in built:
        # an accusation of an ACLED event is that event's attribution, not a second event;
        # a person accused of a crime ("Williams is accused of killing ...") is a case, one
        # described so ("a woman accused of murdering her daughter") is not one told here
        if ev.event_type is None and ev.plover == "ACCUSE" and head.tok.i in embedded and (
                _forms(head.tok, view.lex)[0] in ("accuse", "blame", "allege", "accusation")) and not (
                ev.actor2 is not None and ev.actor2.kind in _PRIVATE_KINDS and head.tok.dep_ != "acl"):
            continue
        _infer_counterpart(ev, view.ex, view.ctx)
        refusal(ev)
        out.append(ev)
        info = view.infos[id(ev)]
        said = stated_intention(ev, info.certainty_why, sv.span, info.in_quote) if info.agent_is_subject else None
        if said is not None:
            view.infos[id(said)] = replace(info, stated=True, referring=False, patient=None, own_place=None)
            view.own_places[id(said)] = None
            out.append(said)
    return out


# A sentence the rules type nothing in offers its main predicate to the learned sentence
# head (event_model.decide_sentence): which PLOVER category, if any, the sentence reports
FALLBACK = "SENTENCE"


# verbs of a sentence that only says where and when the incident just told happened
_SCENE_VERBS = frozenset({"happen", "occur", "unfold"})


def _locate_by_scene(view: ReportView, k: int, told: list[Event]) -> None:
    """"Officers fatally shot a man. It happened just before 5 p.m. in the Crown Heights
    neighborhood": the place of such a sentence is that of the incidents the sentence
    before it told, where their own clauses name none."""
    root = view.parsed._sents[k].root
    if root.lemma_.lower() in _SPEECH:  # "It happened ..., police said."
        root = next((c for c in root.children if c.dep_ == "ccomp"), root)
    lemma = root.lemma_.lower()
    if lemma not in _SCENE_VERBS and not (lemma == "take" and any(
            c.dep_ == "dobj" and c.lower_ == "place" for c in root.children)):
        return
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or not (subj.lower_ in ("it", "this", "that") or any(
            d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in subj.children)):
        return
    place = scene_place(view.parsed, root, view.ex.places)
    if place is None:
        return
    for ev in told:
        info = view.infos[id(ev)]
        if view.own_places.get(id(ev)) is None and ev.timing == "current" and not info.stated:
            view.own_places[id(ev)] = place
            info.own_place, info.own_area = place.name, place


def _fallback_candidate(view: ReportView, sent: Span) -> Candidate | None:
    """The sentence's main verb as a candidate spanning the whole sentence (a question,
    a fragment or a verbless headline offers none)."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or view.parsed.span_text(sent).rstrip().endswith("?"):
        return None
    head = Trigger(tok=root, frame=FALLBACK, weak=False, phrase=root.text, anchor=root)
    start, end = root.idx, root.idx + len(root.text)
    return Candidate(head, [head], sent.start, sent.end - 1, start, end, (start, end), view.index.within(start, end),
                     set())


def extract_events(parsed: Parsed, ex: Extraction, *, use_model: bool = True,
                   collect: list[dict] | None = None, collect_mentions: list[dict] | None = None) -> list[Event]:
    """The report's incidents. `use_model=False` types with the rules alone; `collect`
    receives every candidate's typing features, `collect_mentions` every mention's
    confidence features (for training)."""
    lex = lexicon()
    ctx = DocContext(focus=actors.focus_country(parsed, ex), bombs_named=_BOMB_WORD.search(parsed.text) is not None,
                     mining_named=_MINING_WORD.search(parsed.text) is not None,
                     officials=officials(parsed.doc), names=frozenset(person_words(parsed.ent_spans)),
                     extraction=ex)
    index = _CueIndex(parsed.text, lex)
    ctx.air_bombs, ctx.air_strikes = air_cues_named(index)
    ctx.planted_bombs = planted_bombs_named(index)
    ctx.shelling = shelling_named(index)
    ctx.communal = communal(parsed.text, index)
    ctx.protest_scene = protest_scene(parsed, index, ctx.communal)
    frame = report_frame(parsed, ex)
    ctx.riot_scene = riot_scene(parsed, ctx.communal, frame.lead_end)
    ctx.young_rioters = not ctx.communal and young_rioters(parsed._sents, ctx.riot_scene | ctx.protest_scene)
    home_spans = [(p.start, p.end) for p in ex.places if p.lat is not None and not (
        p.feature == "city" and p.country and frame.country and p.country != frame.country)]
    view = ReportView(parsed, ex, lex, ctx,
                      frame, index, [(p.start, p.end) for p in ex.places], home_spans,
                      use_model=use_model, collect=collect, collect_mentions=collect_mentions)
    tokens = parsed.tokens
    events: list[Event] = []
    told: list[Event] = []  # the previous sentence's mentions
    for k in range(len(parsed._sents)):
        got = _sentence_events(view, k, tokens)
        if told:
            _locate_by_scene(view, k, told)
        events.extend(got)
        told = got
    news = view.frame.news_date
    later_offsets(events, parsed.text, ex.times, view.frame.published,
                  _days_before(news, BACKGROUND_DAYS) if news else None)
    sentence_starts = [s.start_char for s in parsed._sents]
    paragraph_days(events, parsed.text, ex.times, sentence_starts, view.paragraph_starts, view.frame.published)
    continued_dates(events, _dated_event_nouns(view))
    clock_days(events, parsed.text, sentence_starts)
    sites = {k: i.site for k, i in view.infos.items() if i.site is not None}
    placed = place_events([(ev, view.own_places.get(id(ev))) for ev in events], view.frame, sites)
    for ev, p in zip(events, placed, strict=True):
        if p is not None:
            localise_unnamed(ev, p.country)
            view.infos[id(ev)].country = p.country
    # the sentence head's candidates stand alone: merged, one could retype or date a claim
    ranks = _ranks(lex)
    proposed = [ev for ev in events if view.infos[id(ev)].model_p is not None]
    ruled = [ev for ev in events if view.infos[id(ev)].model_p is None]
    echoes = headline_echoes(_headlines(view), ruled, view.infos, _lead_sentences(view), lex)
    joined = _scene_echoes(proposed, ruled, view.infos, echoes)
    blamed = _blame_echoes(ruled, view.infos, echoes, parsed.text)
    _responsibility_echoes(view, ruled, echoes)
    ruled = [ev for ev in ruled if id(ev) not in blamed]
    proposed = [ev for ev in proposed if id(ev) not in joined]
    events = merge_incidents(ruled, [view.infos[id(ev)] for ev in ruled], ranks, view.collect_mentions, echoes)
    events += [e for ev in proposed for e in merge_incidents([ev], [view.infos[id(ev)]], ranks)]
    events.sort(key=lambda e: (e.start, e.end))
    described: dict[str, set[str]] = {}  # place -> names the report says lie in it
    for ev in events:
        _name_the_place_within(ev, parsed, ex, described)
    return events


# the sentence head's PLOVER readings that tell a mention of an incident of an ACLED family
# already told: a protest's sentence ("Police responded with batons and tear gas"), an
# assault's ("The attackers fired from a hillside")
_SCENE_FAMILIES = {"PROTEST": ("Protests", "Riots"),
                   "ASSAULT": ("Battles", "Violence against civilians", "Explosions/Remote violence")}
_SAID_FORMS = frozenset({"said", "says", "told", "added", "stated"})
_SCENE_REACH = 2  # sentences: a scene goes on in the sentences after its telling


def _scene_echoes(proposed: list[Event], ruled: list[Event], infos: dict[int, MentionInfo],
                  echoes: dict[int, list[tuple[Event, MentionInfo]]]) -> set[int]:
    """A sentence the rules type nothing in but the sentence head reads as a protest, in a
    report whose rules told a demonstration or a riot, is one more mention of the nearest
    one told before it (else after it), typed and dated by it, never typing it. Adds them to
    `echoes` (id(mention) -> its echoes); returns the ids of the proposals joined."""
    joined: set[int] = set()
    for ev in proposed:
        families = _SCENE_FAMILIES.get(ev.plover or "")
        info = infos[id(ev)]
        if families is None or ev.certainty not in CLAIMED_CERTAINTIES or ev.timing != "current" or (
                ev.trigger or "").lower() in actors.speech_lemmas() | _SAID_FORMS:
            continue  # "..., police said": what someone said, its own news or none
        told = [r for r in ruled if r.event_type in families and r.certainty in CLAIMED_CERTAINTIES
                and r.timing == "current" and infos[id(r)].section == info.section
                and abs(infos[id(r)].sentence - info.sentence) <= _SCENE_REACH]
        if not told:
            continue
        k = info.sentence
        target = min(told, key=lambda r: (infos[id(r)].sentence > k, abs(infos[id(r)].sentence - k)))
        echo = replace(target, start=ev.start, end=ev.end, sentence=ev.sentence, trigger=ev.trigger, mentions=[],
                       rule=f"{target.rule}; the sentence head's {ev.plover} reading joins it")
        echoes.setdefault(id(target), []).append(
            (echo, replace(infos[id(target)], sentence=k, where=info.where, referring=True, retold=False)))
        joined.add(id(ev))
    return joined


# how many sentences back a blame or a claim may point to the violence it lays on someone
_BLAME_REACH = 3
# where a blamed or claiming party's clause ends: what follows a comma says more of them
_CLAUSE_END = re.compile(r"[,;]")


def _blame_echoes(ruled: list[Event], infos: dict[int, MentionInfo],
                  echoes: dict[int, list[tuple[Event, MentionInfo]]], text: str) -> set[int]:
    """"Local officials blamed armed Gumuz militants", "the army blamed the M23 for the
    shelling": laying the blame for violence the report has just told on someone tells that
    violence again (as coders read it), not an accusation of its own. Joins such a blame to
    the nearest violent incident told before it in its section, as far as the blamed party
    (not what the sentence goes on to say of it: "officials blamed AQAP, which frequently
    plants explosives ..."); returns the ids of the blames joined."""
    joined: set[int] = set()
    for ev in ruled:
        info = infos[id(ev)]
        if ev.plover != "ACCUSE" or not (ev.trigger or "").lower().startswith("blam") or \
                ev.certainty not in CLAIMED_CERTAINTIES or ev.timing == "generic":
            continue
        target = _violence_told_before(ruled, infos, info.section, info.sentence, ev.start, same_sentence=True)
        if target is None:
            continue
        cut = _CLAUSE_END.search(text, max(ev.start, text.find(ev.trigger or "", ev.start, ev.end)), ev.end)
        _add_echo(echoes, infos, target, replace(target, start=ev.start, end=cut.start() if cut else ev.end,
                                                 sentence=ev.sentence, trigger=ev.trigger, mentions=[],
                                                 rule=f"{target.rule}; the blame for it joins it"),
                  info.sentence, info.where)
        joined.add(id(ev))
    return joined


# "the TTP claimed responsibility", "IS later took responsibility for the assault"
_RESPONSIBILITY = re.compile(r"\b(?:claim(?:s|ed|ing)?|t(?:ake|akes|ook|aking)) (?:full )?responsibility\b", re.I)
# what makes the claim no claim: "no group has claimed responsibility", "has yet to claim"
_UNCLAIMED = re.compile(r"\b(?:no(?:body| one| group)?|not|n't|yet to|never|denied|den(?:y|ies))\b", re.I)


def _responsibility_echoes(view: ReportView, ruled: list[Event],
                           echoes: dict[int, list[tuple[Event, MentionInfo]]]) -> None:
    """"The banned TTP claimed responsibility": a claim for violence the report has just
    told, in a sentence that tells nothing the rules read, is one more mention of it (as
    with a blame, `_blame_echoes`), as far as the claim's first comma."""
    text, infos = view.parsed.text, view.infos
    for k, sent in enumerate(view.parsed._sents):
        m = _RESPONSIBILITY.search(text, sent.start_char, sent.end_char)
        if m is None or _UNCLAIMED.search(text, sent.start_char, m.start()):
            continue
        cut = _CLAUSE_END.search(text, m.end(), sent.end_char)
        end = cut.start() if cut else sent.end_char
        if any(r.start < end and sent.start_char < r.end and r.event_type in VIOLENT_EVENT_TYPES for r in ruled):
            continue  # "claimed responsibility for the bombing": the bombing's mention tells it
        target = _violence_told_before(ruled, infos, breaks_before(view.section_breaks, sent.start_char), k,
                                       sent.start_char, same_sentence=False)
        if target is None:
            continue
        _add_echo(echoes, infos, target, replace(target, start=sent.start_char, end=end,
                                                 sentence=view.parsed.span_text(sent),
                                                 trigger=m.group(), mentions=[],
                                                 rule=f"{target.rule}; the claim of responsibility for it joins it"),
                  k, "lead" if sent.start_char < view.frame.lead_end else "body")


def _violence_told_before(ruled: list[Event], infos: dict[int, MentionInfo], section: int, k: int, start: int,
                          same_sentence: bool) -> Event | None:
    """The violent mention told last before `start` (sentence `k`), in `section`, at most
    _BLAME_REACH sentences back (or in the sentence itself when `same_sentence`)."""
    told = [r for r in ruled if r.event_type in VIOLENT_EVENT_TYPES and r.certainty in CLAIMED_CERTAINTIES
            and r.timing != "generic" and infos[id(r)].section == section and r.start < start
            and (0 if same_sentence else 1) <= k - infos[id(r)].sentence <= _BLAME_REACH]
    return max(told, key=lambda r: r.start) if told else None


def _add_echo(echoes: dict[int, list[tuple[Event, MentionInfo]]], infos: dict[int, MentionInfo], target: Event,
              echo: Event, k: int, where: str) -> None:
    """Record `echo`, one more mention of `target`'s incident in sentence `k`."""
    echoes.setdefault(id(target), []).append(
        (echo, replace(infos[id(target)], sentence=k, where=where, referring=True, retold=False)))


def _headlines(view: ReportView) -> list[tuple[int, Span]]:
    """(index, sentence) of the report's headline sentences (a headline parsed in parts)."""
    sents = view.parsed._sents
    return [(k, sents[k]) for k in range(min(2, len(sents)))
            if _in_headline(view.parsed, sents[k], view.dateline_lead)
            and not _in_caption(view.parsed, sents[k], view.ex.times)]


def _lead_sentences(view: ReportView) -> int:
    """The index of the lead's last sentence."""
    sents = view.parsed._sents
    return max((k for k, s in enumerate(sents) if s.start_char < view.frame.lead_end), default=0)


_MARCH_WORDS = re.compile(r"\b(?:march(?:es|ed|ers?)?|marching|mobili[sz]ation|procession)\b", re.IGNORECASE)


def _context(index: _CueIndex, sent: Span) -> set[str]:
    return {v for v, _ in index.within(sent.start_char, sent.end_char).get("context", ())}


def communal(text: str, index: _CueIndex) -> bool:
    """The report names a religious occasion or violence between communities ("a Ram
    Navami shobha yatra", "communal clashes"): its processions are the occasion's."""
    return _has(index.within(0, len(text)), "context", "COMMUNAL")


def protest_scene(parsed: Parsed, index: _CueIndex, communal_report: bool = False) -> frozenset[int]:
    """The sentences a demonstration's scene covers: one naming protesters, a protest, a
    march or a procession, and the next few. "Clashes broke out", "cars were set on fire"
    there are the demonstration's, as ACLED codes them, with no armed side named. In a
    communal report a procession is a religious one, no demonstration (docs/annotation.md:
    communities fighting each other are mob violence)."""
    def names_a_protest(sent: Span) -> bool:
        text = parsed.span_text(sent)
        march = next((m for m in _MARCH_WORDS.finditer(text) if not _the_month(sent, text, m)), None)
        return "PROTEST" in _context(index, sent) or (
            march is not None and not (communal_report and march.group().lower() == "procession"))
    return _scene(parsed._sents, names_a_protest)


def _the_month(sent: Span, text: str, match: re.Match) -> bool:
    """"Tripoli, 4 March 2018", "since March": the month, no march. The parser's date
    entity tells it; a capitalised "March" beside a number does where it has none."""
    if match.group() != "March":
        return False
    span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end())
    if span is not None and span[0].ent_type_ == "DATE":
        return True
    return re.search(r"\d\W*$", text[:match.start()]) is not None or \
        re.match(r"\W*\d", text[match.end():]) is not None


_RIOT_WORDS = re.compile(r"\b(?:riot(?:s|ing|ers?)?|disorder|unrest|violence (?:erupted|erupts|broke out)|"
                         r"(?:threw|throwing|hurled|hurling) stones|stone[- ]pelting|burning (?:tyres|tires))\b",
                         re.IGNORECASE)


def riot_scene(parsed: Parsed, communal_report: bool, lead_end: int) -> frozenset[int]:
    """The sentences a riot's scene covers: one naming rioting, disorder or violence
    breaking out, and the next few (as `protest_scene`); every sentence when the headline
    or the lead (and the sentence after it) names it (the report is the riot's: "violence
    erupts in Dublin") or the report is communal (`communal`: "stone-pelting during a Ram
    Navami procession"). `lead_end`: where the lead ends, a headline the parser cut in two
    counted as one sentence (report_frame.lead_end_offset)."""
    sents = parsed._sents
    k = sum(1 for sent in sents if sent.start_char < lead_end)
    if communal_report or _RIOT_WORDS.search(parsed.article.title or "") or any(
            _RIOT_WORDS.search(parsed.span_text(sent)) for sent in sents[:k + 1]):
        return frozenset(sent.start for sent in sents)
    return _scene(sents, lambda sent: _RIOT_WORDS.search(parsed.span_text(sent)) is not None)


# the people who riot as demonstrators do (docs/annotation.md: "students, youths, residents
# or workers clashing with or throwing at police ... are a Violent demonstration")
_YOUNG_CROWDS = frozenset({"youth", "student", "teenager", "youngster", "protester", "demonstrator"})


def young_rioters(sents: list[Span], scene: frozenset[int]) -> bool:
    """The report's scenes of unrest name youths, students or young people doing something
    ("groups of young people fired fireworks at police", "youths burned cars"): the unrest
    is theirs, a demonstration turned violent, and its burnt cars and looted shops are
    too; a riot whose doers it names only as a crowd or a mob stays the mob's."""
    for sent in sents:
        if sent.start not in scene:
            continue
        for t in sent:
            doer = t.dep_ == "nsubj" or (t.dep_ == "pobj" and t.head.dep_ == "agent")
            who = _of_whom(t) if doer else None
            if who is not None and who.tag_ in ("NNS", "NNPS") and (
                    who.lemma_.lower() in _YOUNG_CROWDS or people_described(who, ("young",))):
                return True
    return False


def _scene(sents: list[Span], opens: Callable[[Span], bool]) -> frozenset[int]:
    """First tokens of each sentence that `opens` a scene and of the SCENE_SENTENCES after it."""
    scene: set[int] = set()
    for k, sent in enumerate(sents):
        if opens(sent):
            scene.update(s.start for s in sents[k: k + 1 + SCENE_SENTENCES])
    return frozenset(scene)


def _name_the_place_within(ev: Event, parsed: Parsed, ex: Extraction, described: dict[str, set[str]]) -> None:
    """An incident placed in a town or a region whose mentions' sentences name one place
    inside it ("clashes in Tripoli ... in the Souq Al-Juma district", "Mushaki, in North
    Kivu") is named by both, most specific first ("Souq Al-Juma, Tripoli"), as ACLED's
    location names the most specific place: the town stays in the name for who looks it up.
    An incident at a place its sentences also put in a region or town they name is named
    with it ("Nioro du Sahel, Kayes"), as a coder may name either."""
    if not ev.place or "," in ev.place:
        return
    outer = next((p for p in ex.places if p.name == ev.place and (p.lat, p.lon) == (ev.lat, ev.lon)), None)
    if outer is not None and _part_of_its_town(outer):
        ev.place = f"{outer.name}, {as_written(outer.within, ex.places)}"  # "Ingorokva Street, Tbilisi"
        return
    if ev.place not in described:
        described[ev.place] = _described_within(parsed, ev.place, frozenset(p.name for p in ex.places))
    named = described[ev.place]
    if len(named) == 1 and (outer is None or outer.feature != "country"):
        ev.place = f"{next(iter(named))}, {ev.place}"  # "Kwi, a farming village in Riyom": named, not located
        return
    if outer is None:
        return
    sents = {parsed.sentence_index(s) for s, _ in ev.mentions or [[ev.start, ev.end]]}
    told = [p for p in ex.places if parsed.sentence_index(p.start) in sents]
    inside = {} if outer.feature not in ("city", "admin1", "admin2") else (
        {p.name: p for p in told if p.name != outer.name and _lies_in(p, outer)}
        or {p.name: p for p in told if p.name != outer.name and _placed_in(p, outer, parsed)})
    if len(inside) == 1:
        sub = next(iter(inside.values()))
        ev.place = f"{sub.name}, {outer.name}"
        if sub.lat is not None and sub.geonameid is not None:
            ev.lat, ev.lon = sub.lat, sub.lon
        return
    holders = {p.name for p in told if _holds(p, outer) and _named_as_where(p, parsed)}
    if len(holders) == 1:
        ev.place = f"{ev.place}, {holders.pop()}"  # "Nioro du Sahel, Kayes": the region its mentions name


# the prepositions of a place named as where something is ("in X", "near X", "the Shahjoy
# district of Zabul province"); not report_frame.LOCATIVE_PREPS, whose directions ("toward
# Pétion-Ville", "along the Nile") say where an act goes, not where the incident is
_LOCATIVE = frozenset({"in", "at", "near", "outside", "around", "of", "from", "on"})


def _placed_in(p: Place, outer: Place, parsed: Parsed) -> bool:
    """A name the gazetteer lacks, which the places stage put in `outer`, named as where
    something is ("attacked a camp at Ndassima" in a Bambari report): the incident's own
    place, which the town's coordinates stand for. Not a word taken for a name that is no
    locative ("the junta said")."""
    if p.feature != "landmark" or p.country != outer.country or norm_name(p.within or "") != norm_name(outer.name):
        return False
    return _named_as_where(p, parsed)


def _named_as_where(p: Place, parsed: Parsed) -> bool:
    """The name is a locative's object ("in Zamfara State", "near Ndassima") or a place's
    possessor ("Kashmir's Anantnag district"), not a word of an organisation's name ("North
    Carolina State Highway Patrol")."""
    span = parsed.doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return (root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE) or root.dep_ == "poss"


def _holds(p: Place, inner: Place) -> bool:
    """`p`, a region the incident's sentences name, is the one the gazetteer puts `inner`,
    a town or district it knows, in ("near Banfora" ... "in Comoé province"). Not a town
    that only holds it as the report's town holds a name the gazetteer lacks."""
    if inner.feature not in ("city", "district") or inner.geonameid is None or p.country != inner.country:
        return False
    key = region_key(p.name)
    return p.feature in ("admin1", "admin2") and key != norm_name(inner.name) \
        and key in {norm_name(inner.within or ""), norm_name(inner.admin1 or "")}


_PLACE_NOUNS = (r"(?:village|town|township|district|area|neighbou?rhood|camp|upazila|suburb|locality|settlement|"
                r"municipality|hamlet|quarter)")
_WITHIN_PREPS = r"(?:in|of|near|outside)"
_PLACE_NOUN_RE = re.compile(_PLACE_NOUNS)
_WITHIN_PREP_RE = re.compile(_WITHIN_PREPS)


def _described_within(parsed: Parsed, outer: str, places: frozenset[str] = frozenset()) -> set[str]:
    """The names the report itself says lie in `outer`, in words, whether or not the gazetteer
    knows them: "Kwi, a farming village in Riyom", "Ramganj upazila town of Lakshmipur". A
    name is a proper noun to the tagger ("Meanwhile, a village in ..." names none)."""
    name = r"([A-Z][\w'-]+(?:[ -][A-Z][\w'-]+){0,2})"
    pat = (name + r"(?:,\s*(?:a|an|the)\s+(?:[\w'-]+\s+){0,3}?" + _PLACE_NOUNS + r"|\s+" + _PLACE_NOUNS +
           r"(?:\s+town)?)\s+" + _WITHIN_PREPS + r"\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?" + re.escape(outer) + r"\b")
    # both patterns name `outer`, so each is compiled anew (about 0.25 ms): only where `outer`
    # stands where one of them could end
    described, set_off = _may_lie_within(parsed.text, outer)
    out = set()
    matches = re.finditer(pat, parsed.text) if described else ()
    for m in matches:
        span = parsed.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if m.group(1) != outer and span is not None and all(t.pos_ == "PROPN" for t in span) and not (
                m.group(1) in places and re.match(r"\s+suburbs?\b", parsed.text[m.end(1):])):
            out.add(m.group(1))  # "the Paris suburb of Nanterre" names the city, not a place in the suburb
    # "the village of Nanduli, in Ancuabe district": a place the places stage found, set off
    # by ", in" before the outer name (a person so set off is no place: "Ali, in Kabul")
    matches = re.finditer(name + r",\s+in\s+(?:the\s+)?" + re.escape(outer) + r"\b", parsed.text) \
        if set_off and places else ()
    for m in matches:
        span = parsed.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if m.group(1) != outer and m.group(1) in places and span is not None and not any(
                t.ent_type_ == "PERSON" for t in span):
            out.add(m.group(1))
    return out


def _may_lie_within(text: str, outer: str) -> tuple[bool, bool]:
    """Whether `outer` stands where a match of each of _described_within's patterns would
    end: after a place noun, one of its prepositions and at most three words ("village in
    Riyom", "town of the Sokoto state capital"); after ", in" or ", in the". Necessary, never
    sufficient: the patterns decide."""
    described = set_off = False
    at = text.find(outer, 1)
    while at > 0 and not (described and set_off):
        if text[at - 1].isspace():  # both patterns put spaces right before `outer`
            words = text[:at].rsplit(None, 5)[-5:]  # the last five runs of non-spaces before it
            described = described or _after_place_noun(words)
            set_off = set_off or _after_comma_in(words)
        at = text.find(outer, at + 1)
    return described, set_off


def _after_place_noun(words: list[str]) -> bool:
    """The words end in a place noun, one of its prepositions and at most three words."""
    return any(_WITHIN_PREP_RE.fullmatch(words[-1 - k]) and _PLACE_NOUN_RE.fullmatch(words[-2 - k])
               for k in range(min(4, len(words) - 1)))


def _after_comma_in(words: list[str]) -> bool:
    """The words end in ", in" or ", in the"."""
    if words[-1:] == ["the"]:
        words = words[:-1]
    return len(words) >= 2 and words[-1] == "in" and words[-2].endswith(",")


def _part_of_its_town(p: Place) -> bool:
    """A district of a town, or a street in it (a landmark the gazetteer lacks is only placed
    at the report's town, which need not hold it: "the town of Palmyra" in a Damascus report)."""
    if not p.within or p.within.lower() == p.name.lower():
        return False
    return p.feature == "district" or (p.feature == "landmark" and p.name.split()[-1].lower().rstrip(".")
                                       in STREET_NOUNS)


def _lies_in(inner: Place, outer: Place) -> bool:
    """A district or a street of a town, or a town or a district of a region (by the places
    stage's own `within` and admin1); never a name the gazetteer lacks that was only placed
    at the report's town."""
    if inner.country != outer.country:
        return False
    if outer.feature == "city":
        return _part_of_its_town(inner) and inner.within.lower() == outer.name.lower()
    return (inner.feature in ("city", "district") or _part_of_its_town(inner)) and outer.name in (
        inner.within, inner.admin1)


def _ranks(lex: Lexicon) -> dict[str, int]:
    return {r.sub_event_type: r.rank for r in lex.types.values() if r.sub_event_type}


def explain(event: Event) -> str:
    """A few lines saying which trigger, arguments and rule produced `event`."""
    def who(a):
        if a is None:
            return "-"
        return f"{a.name} [{a.kind or '?'}{', ' + a.country if a.country else ''}]"
    typ = f"{event.event_type} / {event.sub_event_type}" if event.event_type else "(not an ACLED event)"
    lines = [
        f"{typ}  PLOVER {event.plover}  certainty {event.certainty}",
        f"  trigger : {event.trigger!r} at {event.start}-{event.end}",
        f"  actor1  : {who(event.actor1)}",
        f"  actor2  : {who(event.actor2)}",
        f"  place   : {event.place or '-'}" + (f" ({event.lat}, {event.lon})" if event.lat is not None else ""),
        f"  date    : {event.date_start or '-'}"
        + (f" .. {event.date_end}" if event.date_end and event.date_end != event.date_start else "")
        + (f" ({event.time_precision})" if event.time_precision else ""),
    ]
    if event.fatalities is not None:
        f = event.fatalities
        lines.append(f"  killed  : low {f.low} best {f.best} high {f.high}")
    if event.source:
        lines.append(f"  source  : {event.source}")
    lines.append(f"  rule    : {event.rule or '-'}")
    lines.append(f"  sentence: {event.sentence.strip()}")
    return "\n".join(lines)
