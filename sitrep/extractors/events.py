"""Events stage (issue 6): who did what to whom, where and when, typed the ACLED way.

Method: rules over the dependency parse, no model. Per sentence:
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
     from weapon cues, actor kinds and the words of the clause (`_resolve`);
  5. certainty from negation, modals, conditionals and governing words (accused, denied,
     planned to, would); place, date, fatalities and source from the earlier stages.
Every event records its trigger and the rule that typed it (`explain`).
"""
from __future__ import annotations

import re

from ..models import Event, Extraction, Fatalities
from . import actors, sources
from .event_clauses import Role, Trigger, _find_triggers, _group, _group_extent, _has_argument, _members, _roles
from .event_lexicon import _TACTICS, _CueIndex, _forms, lexicon
from .event_roles import DocContext, _acled_roles, _actor_ref, _infer_counterpart
from .event_status import _certainty
from .event_typing import Clause, type_clause
from .parse import Parsed
from .places import focus_place, names_no_location


# ---------------------------------------------------------------------------- linking
def _nearest(items, lo: int, hi: int, anchor: int):
    inside = [x for x in items if lo <= x.start < hi]
    pool = inside or list(items)
    if not pool:
        return None
    return min(pool, key=lambda x: (abs(x.start - anchor), x.start))


DATELINE_TAIL = re.compile(r"[^.\n]{0,60}?(?:—|–| - |\((?:AP|AFP|Reuters)\))")


def _is_dateline(p, text: str) -> bool:
    """A place opening a paragraph and followed by the dateline dash: "BOR, South Sudan, 9 March —"."""
    line_start = text.rfind("\n", 0, p.start) + 1
    return not text[line_start:p.start].strip() and bool(DATELINE_TAIL.match(text, p.end))


def _says_where(p, parsed: Parsed) -> bool:
    """Can this place mention locate a happening? Not a dateline, a nationality, a word of
    an organisation's name, nor a base ("a Britain-based monitor")."""
    return not (_is_dateline(p, parsed.text) or names_no_location(parsed, p)
                or parsed.text.startswith(("-based", "-born"), p.end))


def _sentence_items(items, s_lo: int, s_hi: int):
    return [x for x in items if s_lo <= x.start < s_hi]


def _source_for(ex: Extraction, start: int, end: int, s_lo: int, s_hi: int) -> str | None:
    src = sources.source_for(ex, start, end)
    return src.name if src is not None else None


def _fatalities(ex: Extraction, lo: int, hi: int, sole_event: bool, s_lo: int, s_hi: int,
                members: list[Trigger]) -> Fatalities | None:
    killed = [f for f in ex.figures if f.category == "killed"]
    hits = [f for f in killed if lo <= f.start < hi] or (
        [f for f in killed if s_lo <= f.start < s_hi] if sole_event else [])
    if hits:
        f = min(hits, key=lambda f: f.low if f.low is not None else 10**9)
        return Fatalities(f.low, f.best, f.high)
    for m in members:  # "a colonel was killed", "killing 11 people" without a figure
        if m.frame != "KILL" or m.tok.lemma_.lower() not in ("kill", "murder", "execute", "behead", "assassinate", "slaughter", "massacre"):
            continue
        victim = next((c for c in m.tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if victim is None:
            continue
        num = next((c for c in victim.children if c.dep_ == "nummod"), None)
        if num is not None and num.text.replace(",", "").isdigit():
            n = int(num.text.replace(",", ""))
            return Fatalities(n, n, n)
        if num is None and victim.tag_ in ("NN", "NNP") and any(c.lower_ in ("a", "an", "one") for c in victim.children):
            return Fatalities(1, 1, 1)
    return None


# ---------------------------------------------------------------------------- stage
def extract_events(parsed: Parsed, ex: Extraction) -> list[Event]:
    lex = lexicon()
    doc = parsed.doc
    ctx = DocContext(focus=actors.focus_country(parsed, ex))
    place_spans = [(p.start, p.end) for p in ex.places]
    events: list[Event] = []
    index = None
    # The sentence spans, tokens and text Parsed built once (spaCy rebuilds them per access).
    sents, tokens, doc_text = parsed._sents, parsed.tokens, parsed.doc_text
    for k, sent in enumerate(sents):
        trigs = _find_triggers(tokens[sent.start:sent.end], lex)
        if not trigs:
            continue
        heads = _group(trigs)
        if index is None:
            index = _CueIndex(parsed.text, lex)
        s_lo, s_hi = sent.start_char, sent.end_char
        nsent = sents[k + 1] if k + 1 < len(sents) else None  # the sentence of the token after this one
        nxt = doc_text[nsent.start_char:nsent.end_char] if nsent is not None else ""  # its `.text`
        next_cues = index.within(nsent.start_char, nsent.end_char) if nsent is not None else {}
        built: list[tuple[Event, Trigger]] = []
        embedded_heads: set[int] = set()
        sent_cues = index.within(s_lo, s_hi)
        groups = []
        for head in heads:
            members = _members(head)
            lo, hi = _group_extent(members)
            start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
            cues = index.within(start, end)
            local = {v for v, _ in cues.get("weapon", ()) if v in _TACTICS} or (
                {"AIR"} if any(m.frame == "AIRSTRIKE" for m in members) else set())
            groups.append((head, members, lo, hi, start, end, cues, local))
        for head, members, lo, hi, start, end, cues, local in groups:
            frames = [m.frame for m in members]
            # may borrow a weapon named elsewhere in the sentence only if no other
            # happening of the sentence names its own
            lone = not any(g[7] for g in groups if g[0] is not head)
            certainty, cwhy = _certainty(head, members, lex)
            if certainty == "block":
                continue
            a_role, p_role = _roles(head, members, lex)
            actor1 = _actor_ref(a_role, parsed, ex, lex, ctx)
            actor2 = _actor_ref(p_role, parsed, ex, lex, ctx)
            if not _has_argument(head, members, a_role, p_role):
                continue
            typing = type_clause(Clause(frames, head, lex, cues, sent_cues, next_cues, nxt, actor1, actor2,
                                        a_role, p_role, place_spans, ctx, start, end, lone))
            if typing.code is None:
                continue
            row = lex.types[typing.code]
            actor1, actor2, role_note = _acled_roles(row, frames, actor1, actor2, ctx)
            assoc1 = [r for r in (_actor_ref(Role(c, "conj"), parsed, ex, lex, ctx) for c in (a_role.conj if a_role else [])) if r]
            rule = (f"{'+'.join(dict.fromkeys(frames))} -> {row.sub_event_type or row.plover}: {typing.why}"
                    f"; actor1 {a_role.how if a_role else '-'}, actor2 {p_role.how if p_role else '-'}"
                    + (f"; {role_note}" if role_note else "") + (f"; certainty {certainty} ({cwhy})" if cwhy else ""))
            ev = Event(event_type=row.event_type, sub_event_type=row.sub_event_type, plover=row.plover,
                       actor1=actor1, actor2=actor2, certainty=certainty, start=start, end=end,
                       sentence=sent.text, trigger=head.phrase if head.anchor.i == head.tok.i else f"{head.anchor.text} ... {head.phrase}",
                       rule=rule)
            if assoc1:
                ev.assoc_actor1 = assoc1
            built.append((ev, head))
            if row.event_type:
                anc = head.anchor.head
                for _ in range(6):
                    embedded_heads.add(anc.i)
                    if anc.head.i == anc.i:
                        break
                    anc = anc.head
        acled_in_sentence = sum(1 for e, _ in built if e.event_type)
        for ev, head in built:
            # an accusation of an ACLED event is that event's attribution, not a second event
            if ev.event_type is None and ev.plover == "ACCUSE" and head.tok.i in embedded_heads and (
                    _forms(head.tok, lex)[0] in ("accuse", "blame", "allege", "accusation")):
                continue
            members = _members(head)
            _link(ev, ex, parsed, head, members, s_lo, s_hi, acled_in_sentence <= 1)
            _infer_counterpart(ev, ex, ctx)
            events.append(ev)
    events.sort(key=lambda e: (e.start, e.end))
    return events



def _link(ev: Event, ex: Extraction, parsed: Parsed, head: Trigger, members: list[Trigger],
          s_lo: int, s_hi: int, sole: bool) -> None:
    anchor = head.tok.idx
    places = _sentence_items(ex.places, s_lo, s_hi)
    fine = [p for p in places if p.feature != "country"] or places
    # Where it happened, not where the report was filed ("BAMAKO, Mali — ... near
    # Gourma-Rharous") nor whose it was ("Russian strikes"): those only when nothing else is named.
    named = [p for p in fine if _says_where(p, parsed)]
    p = _nearest(named, ev.start, ev.end, anchor)
    if p is None and ev.event_type:
        # A happening the sentence does not place happened where the report is, as coders read it.
        p = focus_place(ex, [q for q in ex.places if _says_where(q, parsed)])
        if p is not None:
            ev.place, ev.lat, ev.lon, ev.geo_precision = p.name, p.lat, p.lon, "report-focus"
            p = None
    if p is None and ev.place is None:
        p = _nearest(fine, ev.start, ev.end, anchor)
    if p is not None:
        ev.place, ev.lat, ev.lon = p.name, p.lat, p.lon
        ev.geo_precision = p.precision if p.feature != "country" else "country"
    times = [t for t in _sentence_items(ex.times, s_lo, s_hi) if t.date_start]
    t = _nearest(times, ev.start, ev.end, anchor)
    if t is not None:
        ev.date_start, ev.date_end, ev.time_precision = t.date_start, t.date_end or t.date_start, t.precision
    elif parsed.article.published:
        ev.date_start = ev.date_end = parsed.article.published[:10]
        ev.time_precision = "publication"  # no time stated: the report's date, coarser than a stated day
    if ev.event_type:
        ev.fatalities = _fatalities(ex, ev.start, ev.end, sole, s_lo, s_hi, members)
    ev.source = _source_for(ex, ev.start, ev.end, s_lo, s_hi)


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
        f"  date    : {event.date_start or '-'}" + (f" .. {event.date_end}" if event.date_end and event.date_end != event.date_start else "")
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
