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

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..models import ActorRef, Event, Extraction, Fatalities
from ..vocab import read_table
from . import actors, sources
from .parse import Parsed
from .places import focus_place, names_no_location

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


# Frames that describe physical happenings ACLED codes (they group with each other);
# the rest are speech or diplomatic acts that only scope what they govern.
_PHYSICAL = {"ATTACK", "KILL", "SHOOT", "BOMB", "AIRSTRIKE", "SHELL", "STRIKE", "CLASH",
             "CAPTURE", "RETAKE", "ENTER", "LOSE", "WITHDRAW", "PROTEST", "RIOT", "DISPERSE",
             "ARREST", "ABDUCT", "SEXUAL", "LOOT", "DISRUPT", "FIND", "BASE", "CHANGE", "COUP"}
_VIOLENT = {"ATTACK", "KILL", "SHOOT", "BOMB", "AIRSTRIKE", "SHELL", "STRIKE"}
_TERRITORY = {"CAPTURE", "RETAKE", "ENTER", "LOSE", "WITHDRAW"}
_DIPLOMATIC = {"ACCUSE": "ACCUSE", "REJECT": "REJECT", "REQUEST": "REQUEST",
               "THREATEN": "THREATEN", "CONSULT": "CONSULT", "SANCTION": "SANCTION",
               "SUPPORT": "SUPPORT", "AID": "AID"}
_ARMED_KINDS = {"state_forces", "rebels", "political_militia", "identity_militia", "external_forces"}
_NON_STATE = {"rebels", "political_militia", "identity_militia"}
_TACTICS = ("CHEMICAL", "AIR", "SUICIDE", "SHELLING", "IED", "GRENADE")  # codebook order
# weapon cues that also name ordinary vehicles: no proof of an attack near a crash or a fire
_ATTACK_WORD = re.compile(r"\b(attack|attacks|bomb|bombs|explosion|explosions|blast|strike|strikes|shells?|fired|used|contained)\b", re.I)
_UNACCUSATIVE = {"explode", "go", "blast", "detonate"}
_BOMB_WORD = re.compile(r"\b(bomb|bombs|bombing|bombings|explosive|explosives|ied|tnt)\b", re.I)
_VEHICLE_WORDS = {"aircraft", "helicopter", "jet", "aerial", "drone", "tank", "projectile"}
_MODAL_HYPO = {"would", "could", "might", "may", "should", "can", "must"}
_MODAL_FUTURE = {"will", "shall", "'ll", "wo"}
_CONDITIONAL_MARKS = {"if", "unless", "whether"}
_ASPECTUAL = {"begin", "start", "continue", "keep", "resume", "manage", "go", "come", "use",
              "help", "join", "move", "seem", "appear", "launch", "escalate", "be",
              # raising verbs of report: "were reported to have been killed"
              "report", "say", "believe", "think", "know", "confirm", "understand", "estimate", "fear"}
_PRONOUNS = {"it", "they", "he", "she", "we", "i", "you", "them", "him", "her", "us", "who",
             "which", "that", "this", "these", "those", "what"}
_SUBJ = ("nsubj", "csubj")
_AGENTIVE_VERBS = {"accuse", "blame", "charge", "suspect", "convict", "condemn"}
# ACLED codes what a government does with force as its state forces.
_AS_ARMED = {"government": "state_forces"}


# ---------------------------------------------------------------------------- lexicon
@dataclass(frozen=True)
class TypeRow:
    event_type: str | None
    sub_event_type: str | None
    plover: str
    rank: int
    code: str


@dataclass
class Lexicon:
    types: dict[str, TypeRow]
    triggers: dict[str, tuple[str, bool]]  # lemma -> (frame, weak)
    pairs: dict[tuple[str, str], tuple[str, bool]]  # ("carry", "out") -> frame
    light: set[str]
    light_pairs: set[tuple[str, str]]
    scope: dict[str, str]
    scope_pairs: dict[tuple[str, str], str]
    cue_re: re.Pattern
    cue_map: dict[str, list[tuple[str, str]]]  # phrase -> [(kind, value)]
    forms: dict[str, str] = field(default_factory=dict)  # irregular inflection -> base
    trigger_words: set[str] = field(default_factory=set)  # every word of a trigger or phrase
    light_heads: set[str] = field(default_factory=set)  # first words of phrasal support verbs
    verb_only: set[str] = field(default_factory=set)  # trigger lemmas that are events only as verbs


def _trie_pattern(words: list[str]) -> str:
    """One regex alternation for many phrases, factored as a trie so that matching does
    not try every phrase at every position (longer phrases are preferred)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if end else body
    return emit(trie)


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    types = {}
    for r in read_table("event_types.csv"):
        types[r["code"]] = TypeRow(r["event_type"] or None, r["sub_event_type"] or None,
                                   r["plover"], int(r["rank"]), r["code"])
    triggers, pairs, light, light_pairs = {}, {}, set(), set()
    scope, scope_pairs, cue_map, forms, verb_only = {}, {}, {}, {}, set()
    for r in read_table("event_triggers.csv"):
        kind, phrase, value = r["kind"], r["phrase"].strip().lower(), r["value"].strip()
        words = phrase.split()
        if kind == "form":
            forms[phrase] = value.lower()
            continue
        if kind == "trigger":
            flag = (r.get("weak") or "").strip()
            entry = (value, "1" in flag)
            if "v" in flag:
                verb_only.add(phrase)
            if len(words) == 1:
                triggers[phrase] = entry
            else:
                pairs[(words[0], words[-1])] = entry
        elif kind == "light":
            if len(words) == 1:
                light.add(phrase)
            else:
                light_pairs.add((words[0], words[-1]))
        elif kind == "scope":
            if len(words) == 1:
                scope[phrase] = value
            else:
                scope_pairs[(words[0], words[-1])] = value
        else:
            cue_map.setdefault(phrase, []).append((kind, value))
    cue_re = re.compile(r"(?<![\w-])(" + _trie_pattern(sorted(cue_map)) + r")(?:e?s)?(?![\w-])", re.IGNORECASE)
    words = set(triggers) | {w for pair in pairs for w in pair}
    return Lexicon(types, triggers, pairs, light, light_pairs, scope, scope_pairs,
                   cue_re, cue_map, forms, words, {a for a, _ in light_pairs}, verb_only)


def _cues(text: str, lex: Lexicon) -> dict[str, list[tuple[str, str]]]:
    """Cue classes found in `text`: {kind: [(value, matched phrase), ...]} in text order.
    Callers only read the result (short texts are served from a cache)."""
    if len(text) <= 40:
        return _short_cues(text)
    return _scan_cues(text, lex)


def _scan_cues(text: str, lex: Lexicon) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for m in lex.cue_re.finditer(text):
        phrase = m.group(1).lower()
        for kind, value in lex.cue_map.get(phrase, ()):
            out.setdefault(kind, []).append((value, phrase))
    return out


@functools.lru_cache(maxsize=50_000)
def _short_cues(text: str) -> dict[str, list[tuple[str, str]]]:
    return _scan_cues(text, lexicon())


class _CueIndex:
    """Every cue of a document found in one pass; spans are then looked up, not rescanned."""

    def __init__(self, text: str, lex: Lexicon):
        self.hits = []  # (start, kind, value, phrase)
        for m in lex.cue_re.finditer(text):
            phrase = m.group(1).lower()
            for kind, value in lex.cue_map.get(phrase, ()):
                self.hits.append((m.start(), m.end(), kind, value, phrase))
        self.starts = [h[0] for h in self.hits]

    def within(self, lo: int, hi: int) -> dict[str, list[tuple[str, str]]]:
        out: dict[str, list[tuple[str, str]]] = {}
        i = bisect.bisect_left(self.starts, lo)
        while i < len(self.hits) and self.hits[i][0] < hi:
            s, e, kind, value, phrase = self.hits[i]
            if e <= hi:
                out.setdefault(kind, []).append((value, phrase))
            i += 1
        return out


def _has(cues, kind: str, value: str) -> bool:
    return any(v == value for v, _ in cues.get(kind, ()))


# ---------------------------------------------------------------------------- triggers
@dataclass
class Trigger:
    tok: Token
    frame: str
    weak: bool
    phrase: str
    anchor: Token = None  # the verb that carries tense/modality and the agent
    parent: Trigger | None = None
    children: list[Trigger] = field(default_factory=list)


def _forms(tok: Token, lex: Lexicon) -> tuple[str, ...]:
    """Candidate base forms of a word, most trusted first. The parser's lemmas miss many
    inflections ("staged" -> "stag", "retook"), so regular suffixes are undone here too."""
    return _forms_of(tok.lemma_.lower(), tok.lower_, tok.pos_ == "VERB" or tok.tag_.startswith("VB"))


@functools.lru_cache(maxsize=50_000)
def _forms_of(lemma: str, w: str, verb: bool) -> tuple[str, ...]:
    lex = lexicon()
    out = [lemma, w]
    if w in lex.forms:
        out.append(lex.forms[w])
    if verb:
        if w.endswith("ied"):
            out.append(w[:-3] + "y")
        if w.endswith("ed"):
            out += [w[:-1], w[:-2]]
            if len(w) > 4 and w[-3] == w[-4]:
                out.append(w[:-3])
        if w.endswith("ing"):
            out += [w[:-3], w[:-3] + "e"]
            if len(w) > 5 and w[-4] == w[-5]:
                out.append(w[:-4])
    if w.endswith("es"):
        out.append(w[:-2])
    if w.endswith("s"):
        out.append(w[:-1])
    return tuple(dict.fromkeys(out))


def _match_trigger(tok: Token, lex: Lexicon) -> tuple[str, bool, str] | None:
    forms = _forms(tok, lex)
    if not any(f in lex.trigger_words for f in forms) and not (tok.i >= 1 and tok.doc[tok.i - 1].text == "-"):
        return None  # no trigger, phrase or compound uses this word
    is_verb = tok.pos_ == "VERB"
    for c in tok.children:  # phrasal verbs and two-word nouns first ("carry out", "air strike")
        if c.dep_ not in ("prt", "prep", "dobj", "compound", "amod", "advmod", "oprd", "npadvmod", "xcomp", "attr"):
            continue
        cw = (c.lower_, c.lemma_.lower())
        for f in forms:
            for w in cw:
                hit = lex.pairs.get((f, w)) or lex.pairs.get((w, f))
                if hit:
                    return hit[0], hit[1], f"{tok.text} {c.text}" if c.i > tok.i else f"{c.text} {tok.text}"
    lower = tok.lower_
    if tok.i >= 2 and tok.doc[tok.i - 1].text == "-":  # "cease-fire", "sit-in"
        joined = tok.doc[tok.i - 2].lower_ + "-" + lower
        if joined in lex.triggers:
            f, w = lex.triggers[joined]
            return f, w, tok.doc[tok.i - 2: tok.i + 1].text
    if tok.i + 2 < len(tok.doc) and tok.doc[tok.i + 1].text == "-":
        joined = lower + "-" + tok.doc[tok.i + 2].lower_
        if joined in lex.triggers:
            return None  # the hyphen compound is matched on its last part
    for k in forms:
        if k in lex.triggers:
            if k in lex.verb_only and not is_verb:
                return None
            f, w = lex.triggers[k]
            return f, w, tok.text
    return None


def _is_light(tok: Token, lex: Lexicon) -> bool:
    forms = _forms(tok, lex)
    if any(f in lex.light for f in forms):
        return True
    if not any(f in lex.light_heads for f in forms):
        return False
    return any((f, c.lower_) in lex.light_pairs for c in tok.children if c.dep_ in ("prt", "dobj", "prep") for f in forms)


def _scope_of(tok: Token, lex: Lexicon) -> str | None:
    for f in _forms(tok, lex):
        kind = lex.scope.get(f)
        if kind:
            return kind
        for c in tok.children:
            kind = lex.scope_pairs.get((f, c.lower_))
            if kind:
                return kind
    return None


def _find_triggers(sent: Span | list[Token], lex: Lexicon) -> list[Trigger]:
    """Triggers among the tokens of one sentence."""
    found: list[Trigger] = []
    taken: set[int] = set()
    described: set[int] = set()
    for tok in sent:
        if tok.pos_ not in ("VERB", "NOUN", "PROPN", "ADJ") or tok.i in taken:
            continue
        if tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "GPE", "ORG", "NORP", "LOC", "FAC"):
            continue
        if tok.ent_type_ in ("DATE", "TIME"):
            continue  # "on March 21"
        hit = _match_trigger(tok, lex)
        idiom = _IDIOMS.get((tok.head.lower_, tok.lower_)) if tok.dep_ == "pobj" else None
        if idiom and tok.head.head.pos_ in ("VERB", "AUX"):
            t = Trigger(tok, idiom, False, f"{tok.head.head.text} {tok.head.text} {tok.text}")
            t.anchor = tok.head.head
            found.append(t)
            taken.add(tok.i)
            continue
        if hit is None and tok.pos_ == "VERB":
            crowd = _crowd_subject(tok, lex)
            if crowd:
                found.append(Trigger(tok, crowd, True, tok.text))
                taken.add(tok.i)
                continue
        if hit is None:
            # a support verb whose object names a weapon is the attack ("fired rockets")
            if tok.pos_ == "VERB" and _is_light(tok, lex):
                objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
                for o in objs:
                    if _match_trigger(o, lex) is not None:
                        break  # "launched shells": the noun is the trigger
                    cues = _cues(_phrase_text(o), lex)
                    if any(v in _TACTICS for v, _ in cues.get("weapon", ())):
                        found.append(Trigger(tok, "ATTACK", False, f"{tok.text} {o.text}"))
                        break
            continue
        frame, weak, phrase = hit
        if tok.pos_ == "ADJ" and frame not in ("KILL",):
            continue
        if tok.dep_ == "amod" and tok.tag_ in ("VBN", "VBD", "JJ"):
            continue  # "the besieged city", "war-torn": a description, not a happening
        if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
            continue  # "riot police", "protest leaders": the head noun says what it is
        if tok.dep_ == "pobj" and tok.head.lower_ in ("without",):
            continue  # "withdrew without a fight"
        if (not _verbal(tok) and _describes_actor(tok, lex)) or (
                tok.dep_ in ("acl", "relcl") and tok.head.i in described):
            described.add(tok.i)
            continue
        found.append(Trigger(tok, frame, weak, phrase))
        taken.add(tok.i)
    for t in found:
        if t.anchor is None:
            t.anchor = _anchor(t.tok, lex)
    return found


# prepositional idioms: (preposition, noun) -> frame; "came under fire", "taken into custody"
_IDIOMS = {("under", "fire"): "ATTACK", ("under", "attack"): "ATTACK", ("under", "shelling"): "SHELL",
           ("under", "bombardment"): "SHELL", ("into", "custody"): "ARREST", ("in", "custody"): "ARREST"}
_GROUP_NOUNS = {"group", "movement", "organization", "organisation", "faction", "network", "cell"}


def _describes_actor(tok: Token, lex: Lexicon) -> bool:
    """An event noun inside the description of an actor ("a group responsible for a string
    of attacks", "the coalition tasked with fighting IS") characterises the actor; it does
    not report a happening."""
    node, via_modifier = tok, False
    for _ in range(6):
        if node.dep_ in ("amod", "acl", "relcl", "appos"):
            via_modifier = True
        if node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            if node.dep_ in ("acl", "relcl", "amod"):
                via_modifier = True
                continue
            return False
        if via_modifier and node.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos") and node.pos_ in ("NOUN", "PROPN"):
            return bool(node.lemma_.lower() in _GROUP_NOUNS or node.ent_type_ in ("ORG", "NORP", "GPE", "PERSON")
                        or _cues(node.text, lex).get("actor"))
    return False


def _crowd_subject(verb: Token, lex: Lexicon) -> str | None:
    """A clause whose agent is a crowd of demonstrators or a mob reports a protest or a
    riot whatever its verb ("protesters poured into the streets", "cut off by a mob")."""
    if verb.dep_ in ("amod", "acl", "relcl") or _is_light(verb, lex):
        return None
    for c in verb.children:
        agent = c if c.dep_ == "nsubj" else next((p for p in c.children if p.dep_ == "pobj"), None) if c.dep_ == "agent" else None
        if agent is None:
            continue
        if agent.pos_ not in ("NOUN", "PROPN"):
            continue
        kinds = {v for v, _ in _cues(agent.text, lex).get("actor", ())}
        if "protesters" in kinds:
            return "PROTEST"
        if "rioters" in kinds:
            return "RIOT"
    return None


def _verbal(tok: Token) -> bool:
    """A predicate used as a verb, even when the tagger calls it a noun ("was overrun")."""
    if tok.pos_ in ("VERB", "AUX"):
        return True
    return any(c.dep_ in ("nsubjpass", "auxpass", "agent", "aux") for c in tok.children)


def _anchor(tok: Token, lex: Lexicon) -> Token:
    """The verb that carries tense, modality and agent for a trigger: itself when a verb,
    else the support verb it is the object or subject of ("launched an attack")."""
    if _verbal(tok) and tok.dep_ not in ("pobj", "dobj", "nsubj", "nsubjpass", "compound"):
        return tok
    h = tok.head
    if h.i != tok.i and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and h.pos_ in ("VERB", "AUX"):
        if _is_light(h, lex):
            return h
    if h.i != tok.i and tok.dep_ == "pobj" and h.dep_ == "prep" and h.head.pos_ == "VERB" and _is_light(h.head, lex):
        return h.head
    return tok


def _phrase_text(tok: Token) -> str:
    return tok.doc[tok.left_edge.i: tok.right_edge.i + 1].text


# ---------------------------------------------------------------------------- grouping
_BOUNDARY_DEPS = {"ccomp", "parataxis", "csubj"}


def _has_own_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in tok.children)


def _group(trigs: list[Trigger]) -> list[Trigger]:
    """Attach each trigger to the nearest trigger above it that reports the same happening;
    return the group heads."""
    by_tok = {t.tok.i: t for t in trigs}
    for t in trigs:  # support verbs carrying a trigger noun are part of it
        if t.anchor.i != t.tok.i:
            by_tok.setdefault(t.anchor.i, t)
    for t in trigs:
        if t.anchor.i != t.tok.i and t.anchor.i in by_tok and by_tok[t.anchor.i] is not t:
            p = by_tok[t.anchor.i]  # "in another attack, gunmen fired": one happening
            if p.parent is not t:
                t.parent = p
                p.children.append(t)
                continue
        node, crossed = t.anchor, False
        if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and _has_own_subject(node):
            # "five were killed and seven wounded": a casualty list is one happening
            p = by_tok.get(node.head.i)
            if p is not None and p.frame == "KILL" and t.frame == "KILL":
                t.parent = p
                p.children.append(t)
            continue
        for _ in range(8):
            if node.dep_ in _BOUNDARY_DEPS:
                crossed = True
            if node.head.i == node.i:
                break
            node = node.head
            p = by_tok.get(node.i)
            if p is None or p is t:
                if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and _has_own_subject(node):
                    break
                continue
            if crossed:
                break
            if p.weak and not t.weak and _has_own_subject(t.anchor):
                break  # "displaced by fighting as troops bombarded": the clause is the happening
            if _other_time(t):
                break  # "after fighting", "as forces battle IS": a related, different happening
            if p.frame in _PHYSICAL and t.frame in _PHYSICAL and _same_happening(p, t):
                t.parent = p
                p.children.append(t)
            elif p.frame == t.frame:
                t.parent = p
                p.children.append(t)
            break
    return [t for t in trigs if t.parent is None]


_OTHER_CLAUSE = {"as", "while", "although", "though", "because", "since", "until", "whereas"}
_OTHER_TIME = {"after", "before", "since", "following", "amid", "until"}


def _other_time(t: Trigger) -> bool:
    a = t.anchor
    if _has_own_subject(a) and any(c.dep_ == "mark" and c.lower_ in _OTHER_CLAUSE for c in a.children):
        return True
    return a.dep_ in ("pobj", "pcomp") and a.head.lower_ in _OTHER_TIME


def _same_happening(p: Trigger, t: Trigger) -> bool:
    # an infinitive of purpose is a separate, planned happening ("deployed troops to retake")
    if t.anchor.dep_ in ("xcomp", "advcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.anchor.children):
        return p.anchor.lemma_.lower() in _ASPECTUAL
    # a change of group/activity is not the attack it prepares
    if (p.frame in ("CHANGE", "BASE")) != (t.frame in ("CHANGE", "BASE")):
        return False
    return True


def _members(head: Trigger) -> list[Trigger]:
    out, stack = [], [head]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(t.children)
    out.sort(key=lambda t: t.tok.i)
    return out


# ---------------------------------------------------------------------------- spans
def _clause_tokens(tok: Token) -> list[int]:
    """Token indices of the clause headed by `tok`, minus complement clauses and conjunct
    clauses that have their own subject (those are other happenings or the attribution)."""
    keep: list[int] = []
    stack = [tok]
    while stack:
        t = stack.pop()
        keep.append(t.i)
        for c in t.children:
            if c.dep_ in _BOUNDARY_DEPS:
                continue
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and _has_own_subject(c):
                continue
            stack.append(c)
    return keep


def _group_extent(members: list[Trigger]) -> tuple[int, int]:
    idx: list[int] = []
    for m in members:
        idx.extend(_clause_tokens(m.anchor))
    doc = members[0].tok.doc
    lo, hi = min(idx), max(idx)
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    return lo, hi


# ---------------------------------------------------------------------------- roles
@dataclass
class Role:
    tok: Token
    how: str  # which dependency gave it (explain view)
    conj: list[Token] = field(default_factory=list)


def _np_span(tok: Token) -> tuple[int, int]:
    """Character span of a noun phrase up to its head (post-modifiers left out)."""
    left = tok.left_edge
    # A dateline the parser hung on the subject ("BOR, South Sudan — Armed youths") ends at its dash.
    for t in tok.doc[left.i:tok.i]:
        if t.text in ("—", "–", "--") or (t.text == "-" and t.whitespace_):
            left = tok.doc[t.i + 1]
    while left.i < tok.i and left.dep_ in ("det", "punct", "cc", "predet"):
        left = tok.doc[left.i + 1]
    return left.idx, tok.idx + len(tok.text)


def _conjuncts(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON")]


def _is_dateline_token(tok: Token) -> bool:
    """The place a report was filed from, which the parser may take for a subject:
    "MOGADISHU, Somalia — A car bomb exploded" (line start, then a dash before the verb)."""
    if tok.i and "\n" not in tok.doc[tok.i - 1].text_with_ws:  # (doc.text would rebuild the text)
        return False
    return any(t.text in ("—", "–", "--") for t in tok.doc[tok.i + 1: min(len(tok.doc), tok.i + 12)])


def _subject(verb: Token, depth: int = 0) -> Role | None:
    for c in verb.children:
        if c.dep_ in _SUBJ and not _is_dateline_token(c):
            return Role(c, "subject", _conjuncts(c))
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return Role(p, "by-phrase", _conjuncts(p))
    if passive or depth > 3:
        return None
    # "accused the government of arresting": the accused is the agent of the gerund
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.lemma_.lower() in _AGENTIVE_VERBS:
        for c in verb.head.head.children:
            if c.dep_ == "dobj":
                return Role(c, "accused-of", _conjuncts(c))
    # participles and infinitives share the subject of the verb they hang on
    if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        r = _subject(verb.head, depth + 1)
        return Role(r.tok, "inherited " + r.how, r.conj) if r is not None and not r.how.startswith("inherited") else r
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.tag_ == "VBG":
        return Role(verb.head, "participle-of", [])
    return None


# objects that belong to a phrasal trigger ("opened fire on X", "took control of X")
_PHRASAL_OBJECTS = {"fire", "control", "hostage", "allegiance", "sanction", "sanctions", "talks", "responsibility"}


def _object(verb: Token) -> Role | None:
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and c.lower_ not in _PHRASAL_OBJECTS:
            return Role(c, "object" if c.dep_ == "dobj" else "passive-subject", _conjuncts(c))
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "against", "at", "with", "upon"):
            for p in c.children:
                if p.dep_ == "pobj":
                    return Role(p, c.lower_ + "-phrase", _conjuncts(p))
    return None


def _noun_roles(noun: Token, lex: Lexicon) -> tuple[Role | None, Role | None]:
    agent = patient = None
    for c in noun.children:
        if c.dep_ == "poss":
            agent = Role(c, "possessive")
        elif c.dep_ in ("compound", "amod", "nmod") and agent is None and (
                c.ent_type_ in ("NORP", "GPE", "ORG") or "actor" in _cues(c.text, lex)):
            agent = Role(c, "modifier", [x for x in c.children if x.dep_ == "conj"])
        elif c.dep_ == "prep":
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is None:
                continue
            if (c.lower_ == "by" or (c.lower_ == "from" and _cues(pobj.text, lex).get("actor"))) and agent is None:
                agent = Role(pobj, c.lower_ + "-phrase", _conjuncts(pobj))
            elif c.lower_ in ("on", "against", "of", "at", "with") and patient is None:
                patient = Role(pobj, c.lower_ + "-phrase", _conjuncts(pobj))
            elif c.lower_ == "between" and agent is None:
                conj = _conjuncts(pobj)
                agent = Role(pobj, "between")
                if conj:
                    patient = Role(conj[0], "between")
    return agent, patient


def _roles(head: Trigger, members: list[Trigger], lex: Lexicon) -> tuple[Role | None, Role | None]:
    agent = patient = None
    for m in [head] + [x for x in members if x is not head]:
        a = p = None
        if m.anchor.i != m.tok.i and m.tok.head.lower_ in ("under", "into", "in") and (m.tok.head.lower_, m.tok.lower_) in _IDIOMS:
            s_ = _subject(m.anchor)
            a, p = None, (Role(s_.tok, "target of 'under fire'", s_.conj) if s_ and m.tok.head.lower_ == "under" else s_)
            if m.tok.head.lower_ != "under":  # "X was taken into custody": X is detained
                p = Role(s_.tok, "detained", s_.conj) if s_ else None
        elif m.anchor.i != m.tok.i:  # "launched an attack on X": agent from the support verb
            a = _subject(m.anchor)
            na, p = _noun_roles(m.tok, lex)
            a = a or na
            if p is None:
                p = _object_other_than(m.anchor, m.tok)
        elif _verbal(m.tok) and m.tok.dep_ not in ("pobj", "dobj", "nsubj", "nsubjpass", "compound"):
            a, p = _subject(m.tok), _object(m.tok)
            if m.frame == "BOMB" and a is not None and a.how == "subject" and _forms(m.tok, lex)[0] in _UNACCUSATIVE:
                a, p = None, p or Role(a.tok, "exploded-subject")  # "a police car exploded on a mine"
            if m.frame == "CLASH" and a is not None and a.conj and p is None:
                p = Role(a.conj[0], "coordinated-subject")
                a = Role(a.tok, a.how)
        else:
            a, p = _noun_roles(m.tok, lex)
            if a is None and m.tok.dep_ in ("nsubj",) and m.tok.head.pos_ == "VERB":
                p = p or _object(m.tok.head)
        agent = agent or a
        patient = patient or p
    return agent, patient


def _object_other_than(verb: Token, tok: Token) -> Role | None:
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "against", "at", "into", "upon"):
            for p in c.children:
                if p.dep_ == "pobj" and p.i != tok.i:
                    return Role(p, c.lower_ + "-phrase", _conjuncts(p))
    return None


# ---------------------------------------------------------------------------- actors
def _actor_ref(role: Role | None, parsed: Parsed, ex: Extraction, lex: Lexicon,
               ctx: DocContext) -> ActorRef | None:
    if role is None:
        return None
    tok = role.tok
    if tok.lower_ in _PRONOUNS:
        return None
    start, end = _np_span(tok)
    hit = actors.actor_at(ex, start, end)
    if hit is not None:
        ref = ActorRef(hit.name, hit.kind, hit.country)
        head_kind = _cue_kind(tok.text, lex)
        if head_kind in _ARMED_KINDS | {"protesters", "rioters"} and ref.kind != head_kind and not (
                head_kind == "state_forces" and ref.kind in ("external_forces", "state_forces")):
            return ActorRef(parsed.text[start:end], head_kind, ref.country)
        return ref
    return _fallback_actor(tok, start, end, parsed, lex, ctx)


_HELD = re.compile(r"-(held|controlled|besieged|occupied)\b", re.I)


def _fallback_actor(tok: Token, start: int, end: int, parsed: Parsed, lex: Lexicon,
                    ctx: DocContext) -> ActorRef | None:
    text = parsed.text[start:end]
    if tok.ent_type_ in ("GPE", "LOC", "FAC") and _HELD.search(text):
        return None  # "government-held west Aleppo" is a place, not the government
    cues = _cues(text, lex)
    kinds = [v for v, _ in cues.get("actor", ())]
    country = None
    for t in tok.doc[tok.left_edge.i: tok.i + 1]:
        if t.ent_type_ in ("GPE", "NORP"):
            country = _country_of(t, lex) or country
    if tok.ent_type_ == "GPE" and not kinds:
        kinds = ["government"]
    if not kinds:
        if tok.ent_type_ in ("ORG", "NORP"):
            return ActorRef(text, None, country)
        return None
    # rebel/militia words beat the generic "forces" ("rebel forces", "Kurdish militia forces")
    order = ["rioters", "protesters", "rebels", "political_militia", "identity_militia",
             "external_forces", "state_forces", "international_org", "ngo", "government", "civilians"]
    kind = min(kinds, key=lambda k: order.index(k) if k in order else 99)
    if kind == "civilians" and len(set(kinds)) > 1:
        kind = min((k for k in kinds if k != "civilians"), key=lambda k: order.index(k) if k in order else 99)
    if country is None and kind not in ("civilians", "international_org", "ngo"):
        country = ctx.focus
    return ActorRef(text, kind, country)


def _country_of(tok: Token, lex: Lexicon) -> str | None:
    span = tok.doc[tok.i: tok.i + 1]
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            span = ent
            break
    key = span.text.lower()
    return actors.country_of(key) or (actors.country_of(key[:-1]) if key.endswith("s") else None)


# ---------------------------------------------------------------------------- context
@dataclass
class DocContext:
    focus: str | None = None
    last_captor_state: bool | None = None
    opponents: dict[str, ActorRef] | None = None  # side -> the report's main armed actor (lazy)


# ---------------------------------------------------------------------------- certainty
def _certainty(head: Trigger, members: list[Trigger], lex: Lexicon) -> tuple[str, str]:
    """(certainty, why). Only `asserted` and `claimed` events count as having happened."""
    for m in members:
        for tok in {m.tok, m.anchor}:
            for c in tok.children:
                if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in ("no",)):
                    return "negated", f"negation '{c.text}'"
    node = head.anchor
    chain = [node]
    for _ in range(10):
        if node.head.i == node.i:
            break
        node = node.head
        chain.append(node)
    for tok in chain[1:4]:  # "a halt to the bombardments", "victims of the attack"
        if tok.pos_ == "NOUN" and _scope_of(tok, lex) == "block":
            return "block", f"mention under '{tok.text}'"
    # modals and conditionals on the trigger's own clause (and infinitive chains above it)
    for i, tok in enumerate(chain):
        if i > 0 and chain[i - 1].dep_ not in ("xcomp", "pcomp", "pobj", "prep", "dobj", "acl", "advcl", "relcl", "conj", "nsubj", "nsubjpass", "ccomp", "csubj"):
            break
        for c in tok.children:
            low = c.lower_
            if c.dep_ in ("aux", "auxpass") and low in _MODAL_HYPO and (i == 0 or chain[i - 1].dep_ in ("xcomp", "relcl", "pcomp", "pobj", "prep", "dobj", "acl", "csubj", "conj")):
                return "hypothetical", f"modal '{c.text}'"
            if c.dep_ in ("aux",) and low in _MODAL_FUTURE and (i == 0 or chain[i - 1].dep_ in ("xcomp", "conj")):
                if head.frame in ("REJECT", "THREATEN"):
                    continue  # "we will reject": the declaration is the act
                return "future", f"modal '{c.text}'"
            if c.dep_ == "mark" and low in _CONDITIONAL_MARKS:
                return "hypothetical", f"conditional '{c.text}'"
            if c.dep_ == "neg" and i > 0 and chain[i - 1].dep_ == "xcomp":
                return "negated", f"negation '{c.text}' on '{tok.text}'"
        if i == 0 and tok.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            gov = tok.head.lemma_.lower()
            if gov not in _ASPECTUAL and _scope_of(tok.head, lex) is None and not _is_light(tok.head, lex):
                return "future", f"purpose '{tok.head.text} ... to {tok.text}'"
        if tok.dep_ in _BOUNDARY_DEPS and i == 0:
            continue
    # governing words: accused/claimed, denied, plans to, threat of, halt to
    for tok in chain[1:]:
        kind = _scope_of(tok, lex)
        if kind is None:
            continue
        if kind == "claimed" and any(c.lower_ in ("responsibility", "credit") for c in tok.subtree):
            continue  # "claimed responsibility for the attack": the attack is not in doubt
        negated = any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children)
        if negated and kind in ("future", "claimed"):
            return "negated", f"negated '{tok.text}'"
        return kind, f"governed by '{tok.text}'"
    return "asserted", ""


# ---------------------------------------------------------------------------- typing
@dataclass
class Typing:
    code: str | None
    why: str


def _kind(ref: ActorRef | None) -> str | None:
    return ref.kind if ref is not None else None


def _is_place(role: Role | None, lex: Lexicon, place_spans: list[tuple[int, int]]) -> bool:
    if role is None:
        return False
    tok = role.tok
    if tok.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    if any(s <= tok.idx < e for s, e in place_spans):
        return True
    if _has(_cues(tok.lemma_, lex), "context", "PLACE") or _has(_cues(tok.text, lex), "context", "PLACE"):
        return True
    # "the district centre of Jani Khel": a named place hangs on the noun
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.ent_type_ in ("GPE", "LOC", "FAC")) for g in c.children)
        for c in tok.children)


def sent_cues_text(cues) -> str:
    return " ".join(p for vals in cues.values() for _, p in vals)


def _np_text(tok: Token) -> str:
    return tok.doc[tok.left_edge.i: tok.i + 1].text


def _cue_kind(text: str, lex: Lexicon) -> str | None:
    """The most telling actor kind named in a phrase (demonstrators and armed groups
    before plain people), from the actor cues of event_triggers.csv."""
    kinds = [v for v, _ in _cues(text, lex).get("actor", ())]
    for k in ("protesters", "rioters", "rebels", "political_militia", "identity_militia",
              "external_forces", "state_forces", "civilians"):
        if k in kinds:
            return k
    return None


def _resolve(frames: list[str], cues, sent_cues, next_cues, next_text: str, agent: ActorRef | None,
             patient: ActorRef | None, patient_role: Role | None, agent_role: Role | None,
             lex: Lexicon, place_spans, ctx: DocContext, head: Trigger,
             span_lo: int = 0, span_hi: int = 0, lone: bool = True) -> Typing:
    fs = set(frames)
    ak, pk = _kind(agent), _kind(patient)
    protest_ctx_early = any(v == "PROTEST" for v, _ in cues.get("context", ())) or any(
        v == "PROTEST" for v, _ in sent_cues.get("context", ()))
    if patient_role is not None and pk in (None, "civilians", "other"):
        pk = _cue_kind(_phrase_text(patient_role.tok), lex) or pk
    if agent_role is not None and ak in (None, "other"):
        ak = _cue_kind(_np_text(agent_role.tok), lex) or ak
    ctxv = {v for v, _ in cues.get("context", ())}
    sctx = {v for v, _ in sent_cues.get("context", ())}
    weapons = [v for v, _ in cues.get("weapon", ())]
    tactic = next((t for t in _TACTICS if t in weapons), None)
    tactic_from = "clause"
    if tactic is None and fs & _VIOLENT and lone:
        # the weapon is often named in another clause of the sentence ("killed when a
        # roadside bomb exploded") or in the next sentence of a short report
        pools = [("sentence", sent_cues)]
        if _ATTACK_WORD.search(sent_cues_text(next_cues) + " " + next_text):
            pools.append(("next sentence", next_cues))  # "The attacks - mostly using grenades - ..."
        for where, pool in pools:
            found = sorted({v for v, _ in pool.get("weapon", ()) if v in _TACTICS}, key=_TACTICS.index)
            if found:
                tactic, tactic_from = found[0], where
                weapons = weapons + [tactic]
                break
    armed = bool(weapons) or ak in _ARMED_KINDS or bool(sctx & {"CONFLICT"})
    ptext = _phrase_text(patient_role.tok) if patient_role else ""
    pcues = _cues(ptext, lex) if ptext else {}
    pctx = {v for v, _ in pcues.get("context", ())}
    pkinds = {v for v, _ in pcues.get("actor", ())}
    patient_armed = pk in _ARMED_KINDS or "ARMED_TARGET" in pctx or (pk is None and pkinds & _ARMED_KINDS and "civilians" not in pkinds)
    wctx = sctx | {v for v, _ in next_cues.get("context", ())}
    strong_weapons = {v for v, p in cues.get("weapon", ()) if v != "ARMED" and p not in _VEHICLE_WORDS}
    harmless_ctx = ("DISASTER" in sctx or "ACCIDENT" in sctx) and ak not in _ARMED_KINDS and not (
        strong_weapons - ({"SHELLING"} if "ACCIDENT" in sctx else set()))

    if "STRIKE" in fs and tactic is None and "AIRSTRIKE" not in fs:
        strike_text = " ".join(t.text for t in head.tok.subtree).lower() + " " + sent_cues_text(sent_cues)
        if any(w in strike_text for w in ("hunger", "general", "worker", "on strike", "strikers", "went", "union")):
            fs = (fs - {"STRIKE"}) | {"PROTEST"}
    if "ARREST" in fs and fs & _VIOLENT and all(m.weak for m in _members(head) if m.frame in _VIOLENT):
        fs = fs - _VIOLENT  # "arrested and beat", "detained in raids": the arrest is the event
    weak_terr = {m.frame for m in _members(head) if m.frame in _TERRITORY and m.weak}
    strong_other = {m.frame for m in _members(head) if m.frame not in _TERRITORY and not m.weak}
    if weak_terr and strong_other and not (fs & _TERRITORY) - weak_terr:
        fs = fs - weak_terr  # "troops entered a village and raped": the movement is not the event
    if "GRAVE" in sctx and fs & {"KILL", "FIND"}:
        return Typing("SD_OTHER", "mass grave")
    if fs == {"DISPERSE"} and not (protest_ctx_early or ak in _ARMED_KINDS or ak == "government"):
        return Typing(None, "crackdown without protest or security forces")
    if fs <= {"ATTACK", "STRIKE"} and agent_role is not None and agent_role.how == "subject" and agent is None and not (
            _cues(_np_text(agent_role.tok), lex).get("weapon")) and agent_role.tok.ent_type_ == "" and agent_role.tok.pos_ == "NOUN" \
            and _match_trigger(agent_role.tok, lex) is None:
        return Typing(None, "struck by something that is not an actor or a weapon")
    if "COUP" in fs:
        return Typing("SD_OTHER", "coup")
    if "FIND" in fs and fs <= {"FIND"}:
        if "GRAVE" in ctxv:
            return Typing("SD_OTHER", "mass grave found")
        if "WEAPONS" in pctx:
            return Typing("DISRUPTED_WEAPONS", "weapons found")
        return Typing(None, "find without weapons")
    if fs & {"CAPTURE", "DISRUPT"} and "WEAPONS" in pctx and not _is_place(patient_role, lex, place_spans):
        return Typing("DISRUPTED_WEAPONS", "weapons seized/intercepted")
    if "DISRUPT" in fs:
        if head.weak and "WEAPONS" not in pctx:
            if pk in _ARMED_KINDS:
                return Typing("ARMED_CLASH", "armed actors neutralised")
            return Typing(None, "weak disruption cue without weapons")
        return Typing("DISRUPTED_WEAPONS", "interception/defusal")
    if fs & _TERRITORY and not (fs & {"CLASH"} and not fs & {"CAPTURE", "RETAKE", "ENTER", "LOSE"}):
        terr = [f for f in frames if f in _TERRITORY]
        loser_is_subject = "LOSE" in terr and agent_role is not None and not _is_place(agent_role, lex, place_spans)
        named = [e for e in place_spans if span_lo <= e[0] < span_hi]
        if patient_role is not None and patient_role.tok.lower_ in _PRONOUNS | {"people", "civilians"}:
            named = []
        holders = [m.anchor for m in _members(head)] + [c for m in _members(head) for c in m.anchor.children
                                                          if c.dep_ == "dobj" and c.lower_ in _PHRASAL_OBJECTS]
        prep_places = [g for h in holders for c in h.children if c.dep_ == "prep"
                       and c.lower_ in ("from", "into", "of", "over", "in", "to", "near", "outside", "around")
                       for g in c.children if g.dep_ == "pobj" and _is_place(Role(g, ""), lex, place_spans)]
        has_place = (_is_place(patient_role, lex, place_spans) or _is_place(agent_role, lex, place_spans)
                     or (patient_role is None and bool(named)) or bool(prep_places))
        if has_place and head.weak and len(terr) == len(frames) and not named and not any(
                t.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC") for t in head.anchor.subtree):
            has_place = False  # "the opposition has lost neighborhoods": no where, no when
        if not has_place:
            if "CAPTURE" in terr and pk in {"civilians"} | _ARMED_KINDS:
                return Typing("ARRESTS" if ak in ("state_forces", "government", None) else "ABDUCTION", "people captured")
            return Typing(None, "territorial verb without a place")
        if "CRIME" in sctx and not armed:
            return Typing(None, "crime context")
        if "NONVIOLENT" in ctxv or "NONVIOLENT" in sctx or set(terr) == {"WITHDRAW"}:
            return Typing("NONVIOLENT_TRANSFER", "no fighting reported")
        if "LOSE" in terr and len(terr) == 1 and agent_role is not None and not _is_place(agent_role, lex, place_spans) and ak is None:
            return Typing(None, "something other than a place or an actor was lost")
        if loser_is_subject:
            state_captor = ak not in ("state_forces", "government", "external_forces")
            why = f"{agent.name if agent else 'subject'} lost ground"
        elif "LOSE" in terr:
            state_captor = (ctx.last_captor_state if ctx.last_captor_state is not None else True)
            if pk is not None:
                state_captor = pk in ("state_forces", "government")
            why = "place fell"
        elif "RETAKE" in terr:
            state_captor = ak not in _NON_STATE
            why = "retaken"
        else:
            state_captor = ak in ("state_forces", "government") or (ak is None and ctx.last_captor_state is True)
            why = "captured"
        ctx.last_captor_state = state_captor
        return Typing("GOV_REGAINS" if state_captor else "NSA_OVERTAKES", why)
    protest_ctx = "PROTEST" in ctxv or pk == "protesters" or ak == "protesters"
    if "CLASH" in fs and tactic in ("CHEMICAL", "SUICIDE", "GRENADE", "IED") and tactic_from == "clause" and not protest_ctx:
        return Typing(tactic, f"weapon cue inside the fighting ({tactic.lower()})")
    if "CLASH" in fs:
        if ak in ("protesters", "rioters") or (protest_ctx and "RIOT" in ctxv):
            return Typing("VIOLENT_DEMO", "demonstrators clashed")
        if head.weak and agent is None and patient is None and len(frames) == 1 and not armed:
            return Typing(None, "bare fighting word")
        return Typing("ARMED_CLASH", "fighting between armed groups")
    if fs & {"PROTEST", "RIOT", "DISPERSE"} or (fs & (_VIOLENT | {"ARREST", "LOOT"}) and (
            pk == "protesters" or ak in ("protesters", "rioters") or (
                "PROTEST" in ctxv and tactic is None and pk in (None, "civilians")))):
        # ACLED: violence BY demonstrators makes a riot; force against peaceful ones is
        # excessive when lethal or seriously injuring, an intervention otherwise
        lethal = "LETHAL" in wctx
        riot_words = "RIOT" in wctx
        if ("RIOT" in fs or ak == "rioters") and not (protest_ctx or "PROTEST" in wctx):
            if head.weak and not armed and agent is None:
                return Typing(None, "bare unrest word")
            return Typing("MOB_VIOLENCE", "mob violence")
        by_demonstrators = ak in ("protesters", "rioters") and fs & (_VIOLENT | {"LOOT", "CLASH"})
        if "RIOT" in fs or by_demonstrators or (riot_words and pk != "protesters" and not (fs & {"DISPERSE"} and lethal)):
            return Typing("VIOLENT_DEMO", "demonstrators used violence")
        if "DISPERSE" in fs or fs & (_VIOLENT | {"ARREST"}) or "INTERVENTION" in ctxv or (
                "INTERVENTION" in wctx and fs & {"PROTEST"} and not (fs - {"PROTEST"}) and lone and
                any(v == "INTERVENTION" for v, _ in next_cues.get("context", ())) is False):
            if lethal and not fs <= {"ARREST", "PROTEST"} or (lethal and fs & _VIOLENT):
                return Typing("EXCESSIVE_FORCE", "protesters met with lethal force")
            return Typing("PROTEST_INTERVENTION", "protest dispersed/suppressed")
        if head.weak and not protest_ctx and (agent_role is None or ak in _ARMED_KINDS):
            return Typing(None, "weak protest word")
        return Typing("PEACEFUL_PROTEST", "demonstration")
    if "SEXUAL" in fs:
        return Typing("SEXUAL_VIOLENCE", "sexual violence")
    if fs & _VIOLENT:
        if "AIRSTRIKE" in fs:
            tactic = "AIR"
        elif "SHELL" in fs and tactic is None:
            tactic = "SHELLING"
        if fs == {"STRIKE"} and tactic is None:
            strike_text = " ".join(t.text for t in head.tok.subtree).lower() + " " + head.tok.head.text.lower()
            if any(w in strike_text for w in ("hunger", "general", "workers", "on strike", "strikers", "went")) or "PROTEST" in ctxv:
                return Typing("PEACEFUL_PROTEST", "labour strike")
        if harmless_ctx:
            return Typing(None, "disaster/accident context")
        if "CRIME" in sctx and tactic is None and ak not in _ARMED_KINDS and pk not in _ARMED_KINDS:
            return Typing(None, "crime context")
        if tactic:
            return Typing(tactic, f"weapon cue '{next(p for v, p in cues['weapon'] if v == tactic)}'" if any(v == tactic for v, _ in cues.get("weapon", ())) else "trigger names the tactic")
        if "BOMB" in fs and fs <= {"BOMB", "KILL"} and not armed and not _BOMB_WORD.search(
                " ".join(t.text for m in _members(head) for t in m.tok.subtree if t.i <= m.tok.i)):
            return Typing(None, "explosion without weapon or armed actor")
        if "BOMB" in fs and ak in ("state_forces", "external_forces"):
            return Typing("AIR", "bombing by state forces without other weapon cue")
        if "BOMB" in fs:
            return Typing("IED", "bombing without aircraft, artillery or suicide cue")
        if ak == "rioters":
            return Typing("MOB_VIOLENCE", "mob attack")
        if (patient_armed or "BASE_NOUN" in pctx) and (ak in _ARMED_KINDS or ak is None):
            return Typing("ARMED_CLASH", "armed actor attacked")
        if ak in _ARMED_KINDS or "ARMED" in weapons:
            return Typing("ATTACK_CIVILIANS", "armed actor harmed civilians")
        if head.weak and not armed:
            return Typing(None, "weak violence word without armed actor")
        if ak == "civilians":
            return Typing(None, "violence between individuals (crime)")
        return Typing("ATTACK_CIVILIANS", "violence against civilians, perpetrator unstated")
    if "ARREST" in fs:
        if "CRIME" in sctx and ak not in _NON_STATE:
            return Typing(None, "criminal arrest")
        if ak in _NON_STATE:
            return Typing("ABDUCTION", "non-state 'arrest'")
        return Typing("ARRESTS", "detention by authorities")
    if "ABDUCT" in fs:
        if head.weak and not armed and agent is None:
            return Typing(None, "weak disappearance word")
        return Typing("ABDUCTION", "abduction")
    if "LOOT" in fs:
        if harmless_ctx:
            return Typing(None, "disaster/accident context")
        if ak in ("protesters",) or protest_ctx:
            return Typing("VIOLENT_DEMO", "demonstrators destroyed property")
        if ak == "rioters":
            return Typing("MOB_VIOLENCE", "mob destroyed property")
        if head.weak and not (armed or ak):
            return Typing(None, "weak destruction word")
        if "WEAPONS" in pctx and ak in ("state_forces",):
            return Typing("DISRUPTED_WEAPONS", "weapons destroyed")
        return Typing("LOOTING", "looting/destruction")
    if "BASE" in fs:
        if "BASE_NOUN" in pctx:
            return Typing("BASE", "base established")
        if "TROOPS" in pctx and not head.weak or (fs & {"BASE"} and "TROOPS" in pctx and ak in _ARMED_KINDS):
            return Typing("CHANGE_GROUP", "group formed")
        return Typing(None, "establish without base")
    if "CHANGE" in fs:
        if head.weak and "TROOPS" not in pctx:
            return Typing(None, "weak change word")
        return Typing("CHANGE_GROUP", "troop movement/defection/recruitment")
    if "CONSULT" in fs and "CONFLICT" in sctx and ({"ceasefire", "cease-fire", "truce", "peace", "surrender"} & {p for _, p in sent_cues.get("context", ())}):
        return Typing("AGREEMENT", "peace talks")
    if "AGREE" in fs:
        conflict = "CONFLICT" in ctxv or "CONFLICT" in sctx
        if head.frame in ("AGREE",) and head.weak and not conflict:
            return Typing(None, "weak agreement word")
        return Typing("AGREEMENT" if conflict else "AGREE_DIPLO", "agreement" if conflict else "agreement outside armed conflict")
    dip = next((f for f in frames if f in _DIPLOMATIC), None)
    if dip:
        if head.weak and (agent is None or (ak not in ("government", "international_org")
                                            and not (agent_role is not None and agent_role.tok.ent_type_ in ("GPE", "ORG")))):
            return Typing(None, "weak diplomatic word without a state or organisation as actor")
        return Typing(dip, "diplomatic/verbal act")
    return Typing(None, "no rule")


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
            typing = _resolve(frames, cues, sent_cues, next_cues, nxt, actor1, actor2,
                              p_role, a_role, lex, place_spans, ctx, head, start, end,
                              lone=lone)
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


def _has_argument(head: Trigger, members: list[Trigger], a_role, p_role) -> bool:
    """Weak trigger words and bare event nouns count only with something that anchors them
    to a happening: a participant, a place, a time, a number, or a support verb."""
    strong_verb = any(not m.weak and (m.tok.pos_ == "VERB" or m.anchor.i != m.tok.i) for m in members)
    if strong_verb:
        return True
    own = [r for r in (a_role, p_role) if r is not None and not r.how.startswith("inherited")]
    if own:
        return True
    tok = head.tok
    if tok.dep_ in ("nsubj", "nsubjpass", "ROOT"):
        return not head.weak or len(members) > 1
    anchors = {"GPE", "LOC", "FAC"} if head.weak else {"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL"}
    for t in tok.subtree:
        if t.ent_type_ in anchors or (t.dep_ == "nummod" and t.head.i == tok.i):
            return True
    return False


def _acled_roles(row: TypeRow, frames, actor1, actor2, ctx: DocContext):
    note = ""
    if row.event_type not in (None, "Protests") and actor1 is not None and actor1.kind in _AS_ARMED:
        actor1 = ActorRef(actor1.name, _AS_ARMED[actor1.kind], actor1.country)
        note = "government acting by force coded as state forces"
    if row.code == "GOV_REGAINS" and (actor1 is None or actor1.kind not in ("state_forces", "government", "external_forces")):
        loser = actor1
        country = actors.country_name(ctx.focus) or ctx.focus
        actor1 = ActorRef(f"Military Forces of {country}" if country else "state forces", "state_forces", ctx.focus)
        if loser is not None and actor2 is None:
            actor2 = loser
        note = "captor not named: state forces of the report's country"
    if row.code == "NSA_OVERTAKES" and "LOSE" in frames and actor1 is not None and actor1.kind in ("state_forces", "government"):
        actor1, actor2 = actor2, actor1
    if row.code in ("ATTACK_CIVILIANS", "SEXUAL_VIOLENCE", "ABDUCTION") and actor2 is None:
        actor2 = ActorRef("civilians", "civilians", ctx.focus)
    return actor1, actor2, note


# Victims whose killing makes the target of a remote attack civilians (ACLED codes the
# people hit, not the place): "killing 11 people", "wounding 40 residents".
_CIVILIAN_UNITS = {"people", "person", "persons", "civilian", "civilians", "resident", "residents",
                   "child", "children", "woman", "women", "villager", "villagers", "worshipper",
                   "worshippers", "passenger", "passengers", "student", "students", "patient", "patients"}


def _infer_counterpart(ev: Event, ex: Extraction, ctx: DocContext) -> None:
    """Fill an empty actor2 from what the report says elsewhere, and say so in the rule.

    - A battle always has two sides (ACLED): when only one is named in the sentence, the
      other is the report's main armed opponent of that side (state forces against the
      dominant non-state armed group, and the reverse), if one clearly dominates.
    - A remote attack that killed people ("launched shells ..., killing 11 people")
      targets civilians when its victims are counted as people, not fighters."""
    if ev.actor2 is not None or ev.actor1 is None:
        return
    if ev.event_type == "Battles":
        opp = _main_opponent(ex, ev.actor1, ctx)
        if opp is not None:
            ev.actor2 = opp
            ev.rule = (ev.rule or "") + "; actor2 inferred: the report's main opposing armed actor"
    elif ev.event_type == "Explosions/Remote violence" and ev.fatalities is not None:
        units = {(f.unit_stated or "").lower() for f in ex.figures
                 if f.category in ("killed", "injured") and ev.start <= f.start < ev.end}
        if units & _CIVILIAN_UNITS:
            ev.actor2 = ActorRef("civilians", "civilians", ctx.focus)
            ev.rule = (ev.rule or "") + "; actor2 inferred: victims counted as people"


def _main_opponent(ex: Extraction, actor1: ActorRef, ctx: DocContext) -> ActorRef | None:
    if ctx.opponents is None:
        ctx.opponents = {}
        for side, kinds in (("state", {"state_forces"}), ("non_state", _NON_STATE)):
            ranked = sorted((a for a in ex.actors if a.kind in kinds and (side == "non_state" or a.country == ctx.focus)),
                            key=lambda a: (-len(a.mentions), a.name))
            # a main party: named at least twice and clearly more often than any rival
            if ranked and len(ranked[0].mentions) >= 2 and (
                    len(ranked) == 1 or len(ranked[0].mentions) >= 1.5 * len(ranked[1].mentions)):
                top = ranked[0]
                ctx.opponents[side] = ActorRef(top.name, top.kind, top.country)
    if actor1.kind in ("state_forces", "external_forces", "government"):
        opp = ctx.opponents.get("non_state")
    elif actor1.kind in _NON_STATE:
        opp = ctx.opponents.get("state")
    else:
        return None
    return opp if opp is not None and opp.name != actor1.name else None


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
